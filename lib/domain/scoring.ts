// Score of a household over a period (DESIGN.md "Score"):
//   red × wRed − activeYellow × wYellow − black × wBlack, over CONFIRMED entries only.
// Counts are marks, not records: one entry carries the marks of its rule (a master's degree is
// two reds). A yellow stops counting once RECTIFIED; PENDING, REJECTED and VOIDED never count.

export const CATEGORIES = ["RED", "YELLOW", "BLACK"] as const;
export const STATUSES = ["PENDING", "CONFIRMED", "REJECTED", "VOIDED", "RECTIFIED"] as const;

export type Category = (typeof CATEGORIES)[number];
export type EntryStatus = (typeof STATUSES)[number];

/** What scoring and eligibility need of an entry. `occurredOn` is a calendar date (UTC midnight). */
export type ScoredEntry = {
  category: Category;
  status: EntryStatus;
  marks: number;
  occurredOn: Date;
};

/** The township settings of the same names (Township columns). */
export type TownshipSettings = {
  weightRed: number;
  weightYellow: number;
  weightBlack: number;
  civilizedMinReds: number;
};

export const DEFAULT_SETTINGS: TownshipSettings = { weightRed: 1, weightYellow: 1, weightBlack: 3, civilizedMinReds: 1 };

/** Calendar days, both ends included. */
export type Period = { from: Date; to: Date };

export type Tally = Record<Category, Record<EntryStatus, number>>;

export type Score = {
  score: number;
  red: number; // confirmed red marks
  activeYellow: number; // confirmed, not rectified, yellow marks
  black: number; // confirmed black marks
  marks: Tally; // marks per category and status, for display ("3 reds awaiting review")
  entries: Tally; // records per category and status
};

const DAY_MS = 86_400_000;

/** Days since the epoch of a calendar date; any time of day is ignored. */
export const dayNumber = (date: Date): number => Math.floor(date.getTime() / DAY_MS);

export function yearPeriod(year: number): Period {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year, 11, 31)) };
}

export function isWithin(date: Date, period: Period): boolean {
  const day = dayNumber(date);
  return day >= dayNumber(period.from) && day <= dayNumber(period.to);
}

export function emptyTally(): Tally {
  const row = (): Record<EntryStatus, number> => ({ PENDING: 0, CONFIRMED: 0, REJECTED: 0, VOIDED: 0, RECTIFIED: 0 });
  return { RED: row(), YELLOW: row(), BLACK: row() };
}

/**
 * Refuses data the domain cannot produce, rather than guess what it means: marks are a positive
 * whole number, and only a yellow can be rectified (reds stand, blacks are never erased).
 */
export function assertValidEntry(entry: ScoredEntry): void {
  if (!Number.isInteger(entry.marks) || entry.marks < 1) {
    throw new RangeError(`marks must be a positive integer, got ${entry.marks}`);
  }
  if (entry.status === "RECTIFIED" && entry.category !== "YELLOW") {
    throw new RangeError(`a ${entry.category} entry cannot be RECTIFIED`);
  }
  if (Number.isNaN(entry.occurredOn.getTime())) throw new RangeError("occurredOn is not a date");
}

export function assertValidSettings(settings: TownshipSettings): void {
  const { weightRed, weightYellow, weightBlack, civilizedMinReds } = settings;
  for (const [name, value] of Object.entries({ weightRed, weightYellow, weightBlack, civilizedMinReds })) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Marks and records per category and status, of the entries that occurred in the period (all when none is given). */
export function tallyEntries(entries: readonly ScoredEntry[], period?: Period): { marks: Tally; entries: Tally } {
  const marks = emptyTally();
  const count = emptyTally();
  for (const entry of entries) {
    assertValidEntry(entry);
    if (period && !isWithin(entry.occurredOn, period)) continue;
    marks[entry.category][entry.status] += entry.marks;
    count[entry.category][entry.status] += 1;
  }
  return { marks, entries: count };
}

/** The household's score over the period (all its entries when no period is given). */
export function scoreEntries(
  entries: readonly ScoredEntry[],
  settings: Pick<TownshipSettings, "weightRed" | "weightYellow" | "weightBlack">,
  period?: Period,
): Score {
  assertValidSettings({ ...settings, civilizedMinReds: 0 });
  const tally = tallyEntries(entries, period);
  const red = tally.marks.RED.CONFIRMED;
  const activeYellow = tally.marks.YELLOW.CONFIRMED;
  const black = tally.marks.BLACK.CONFIRMED;
  return { score: scoreOf({ red, activeYellow, black }, settings), red, activeYellow, black, ...tally };
}

/**
 * The score of confirmed marks under the weights: the formula itself (written once more in SQL,
 * where a settings change re-weighs the stored marks: lib/server/scores/reweigh-scores.ts).
 */
function scoreOf(
  marks: { red: number; activeYellow: number; black: number },
  weights: Pick<TownshipSettings, "weightRed" | "weightYellow" | "weightBlack">,
): number {
  return marks.red * weights.weightRed - marks.activeYellow * weights.weightYellow - marks.black * weights.weightBlack;
}
