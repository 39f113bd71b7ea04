import { chinaDateOf } from "../../lib/domain/entry-date";

// The seed's clock. Every timestamp derives from the chosen "today" (--today), never from the
// real clock, so that the same options always produce the same rows.

const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD" into that calendar date at UTC midnight (how DATE columns arrive). */
export function parseDay(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || day(date) !== text) {
    throw new Error(`Not a calendar date (YYYY-MM-DD): ${text}`);
  }
  return date;
}

/** The date part, "YYYY-MM-DD". */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function utcDate(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Whole days from a to b (both calendar dates). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** The instant at hour:minute Beijing time (UTC+8) on a calendar date. */
export function atBeijing(date: Date, hour: number, minute = 0): Date {
  return new Date(date.getTime() + ((hour - 8) * 60 + minute) * 60_000);
}

/** The Beijing calendar day of an instant (as a date at UTC midnight). */
export const beijingDay = chinaDateOf;

/**
 * A moment in office hours (08:00–17:59 Beijing time) between minDays and maxDays Beijing
 * calendar days after `from`; with minDays ≥ 1 it is always later than `from`.
 */
export function officeHoursAfter(rng: { int(lo: number, hi: number): number }, from: Date, minDays: number, maxDays: number): Date {
  return atBeijing(addDays(beijingDay(from), rng.int(minDays, maxDays)), rng.int(8, 17), rng.int(0, 59));
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** Today's date (UTC), the default for --today. */
export function realToday(): string {
  return new Date().toISOString().slice(0, 10);
}
