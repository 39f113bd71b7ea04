import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { AppError } from "@/lib/server/errors";

// The selection season for a year opens on 1 December of that year (a family's year is nearly
// complete by then): the village councils may nominate from that day on, for that year and any
// earlier one. The township decides (awards or declines) only once the year has ended in China,
// when nothing more can happen in it; and awards only a household whose entries of the year
// have all been reviewed (decide-nomination.ts).

const pad = (year: number) => String(year).padStart(4, "0");

export const selectionOpensOn = (year: number): string => `${pad(year)}-12-01`;

export const isSelectionOpen = (year: number, now: Date): boolean => chinaToday(now) >= selectionOpensOn(year);

/** The first day the township may decide the year's nominations: 1 January of the next year. */
export const decisionsOpenOn = (year: number): string => `${pad(year + 1)}-01-01`;

export const areDecisionsOpen = (year: number, now: Date): boolean => chinaToday(now) >= decisionsOpenOn(year);

export function assertSelectionOpen(year: number, now: Date): void {
  if (!isSelectionOpen(year, now)) {
    throw new AppError("RULE_VIOLATION", "selection.errors.notOpen", { year, opensOn: selectionOpensOn(year) }, { year: "selection.errors.notOpenShort" });
  }
}

export function assertDecisionsOpen(year: number, now: Date): void {
  if (!areDecisionsOpen(year, now)) {
    throw new AppError("RULE_VIOLATION", "selection.errors.yearNotEnded", { year, opensOn: decisionsOpenOn(year) });
  }
}
