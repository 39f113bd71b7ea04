// Quarters follow the calendar (Q1 = January–March). An entry belongs to the quarter of
// the day it occurred, not the day it was recorded (DESIGN.md).

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** Quarter of a calendar date. Dates are compared in UTC because DATE columns arrive as UTC midnight. */
export function quarterOf(date: Date): Quarter {
  return {
    year: date.getUTCFullYear(),
    quarter: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter["quarter"],
  };
}

export function quarterStart({ year, quarter }: Quarter): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1));
}

/** Last day of the quarter (a calendar date at UTC midnight). */
export function quarterEnd({ year, quarter }: Quarter): Date {
  return new Date(Date.UTC(year, quarter * 3, 0));
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter["quarter"] };
}

export function formatQuarter({ year, quarter }: Quarter): string {
  return `${year}Q${quarter}`;
}
