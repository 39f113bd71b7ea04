import { chinaToday, dayToDate } from "./entry-date";
import { canTransition } from "./entry-lifecycle";
import { STATUSES, type Category, type EntryStatus } from "./scoring";

// Due process on an entry (DESIGN.md "Domain"): which entries a household may ask to have
// rectified or may appeal. The use cases refuse with these, and the archive page offers
// only what they allow.

type EntryState = { category: Category; status: EntryStatus };

/**
 * A yellow, pending or confirmed, can be rectified. Reds need no correction, blacks are never
 * erased, and a yellow already rectified, rejected or voided no longer counts.
 */
export function isRectifiable(entry: EntryState): boolean {
  return canTransition(entry, "REQUEST_RECTIFICATION");
}

/** The statuses in which an entry of the category can be rectified: for queries that count such entries. */
export const rectifiableStatuses = (category: Category): EntryStatus[] => STATUSES.filter((status) => isRectifiable({ category, status }));

/** Why a household may not appeal an entry now; null when it may. */
export type AppealRefusal =
  | "RED" // praise, nothing to dispute
  | "NOT_COUNTING" // rejected by the review, voided or rectified: it no longer counts against anyone
  | "OPEN_APPEAL"; // one appeal at a time: the council is answering the last one

/**
 * Whether a household may appeal an entry: only what counts against it — a yellow or black,
 * pending or confirmed (the transition table, entry-lifecycle.ts) — and one appeal at a time.
 * The use case and the transition refuse with it (the API's answer names a red as praise), and
 * the archive page offers the button only where it allows.
 */
export function appealRefusal(entry: EntryState & { hasOpenAppeal: boolean }): AppealRefusal | null {
  if (!canTransition(entry, "LODGE_APPEAL")) return entry.category === "RED" ? "RED" : "NOT_COUNTING";
  return entry.hasOpenAppeal ? "OPEN_APPEAL" : null;
}

const DAY_MS = 86_400_000;

/** Whole calendar days in China from `since` to `now`: lodged today is 0, yesterday 1. */
export function ageInDays(since: Date, now: Date): number {
  const days = (dayToDate(chinaToday(now)).getTime() - dayToDate(chinaToday(since)).getTime()) / DAY_MS;
  return Math.max(0, days);
}
