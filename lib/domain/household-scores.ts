import { assessEligibility, ineligibilityReasons, type EligibilityEntry, type IneligibilityReason } from "./eligibility";
import { scoreEntries, yearPeriod } from "./scoring";
import { versionForYear, type SettingsVersion } from "./township-settings";

// The maintained score rows of one household (HouseholdScore): one per year from the year of its
// first decided entry (a pending one counts for nothing yet) to the current year, and one for all
// time (year 0), computed from its entries by
// the same functions the archive page uses (scoring.ts, eligibility.ts). The maintenance in the
// app, the seed and the check against the chains all call this, so the rule lives here once.

export const ALL_TIME = 0;

export type ScoreRow = {
  year: number; // ALL_TIME for all time
  redMarks: number;
  activeYellowMarks: number;
  blackMarks: number;
  unrectifiedYellows: number;
  score: number;
  settingsId: string | null;
};

/** `today` is the township's calendar day, "YYYY-MM-DD". Entries carry their occurrence day. */
export function householdScoreRows(
  entries: readonly EligibilityEntry[],
  versions: readonly SettingsVersion[],
  today: string,
): ScoreRow[] {
  const years = scoredYears(entries, today);
  if (!years) return [];
  const rows: ScoreRow[] = [];
  for (let year = years.first; year <= years.last; year++) rows.push(yearRow(entries, versions, today, year));
  return [...rows, allTimeOf(rows)];
}

/**
 * The row of one year as householdScoreRows has it, null where it has none (before the first
 * decided entry, after today): for a caller that needs one year only (the seed's selection
 * judges thousands of households at many instants).
 */
export function householdYearRow(
  entries: readonly EligibilityEntry[],
  versions: readonly SettingsVersion[],
  today: string,
  year: number,
): ScoreRow | null {
  const years = scoredYears(entries, today);
  return years && year >= years.first && year <= years.last ? yearRow(entries, versions, today, year) : null;
}

/** The years that have rows: from the first decided entry's year to the current year; null without a decided entry. */
function scoredYears(entries: readonly EligibilityEntry[], today: string): { first: number; last: number } | null {
  const decided = entries.filter((e) => e.status !== "PENDING");
  if (decided.length === 0) return null;
  return { first: Math.min(...decided.map((e) => e.occurredOn.getUTCFullYear())), last: Number(today.slice(0, 4)) };
}

function yearRow(entries: readonly EligibilityEntry[], versions: readonly SettingsVersion[], today: string, year: number): ScoreRow {
  const settings = versionForYear(versions, year, today);
  const score = scoreEntries(entries, settings, yearPeriod(year));
  const yearEnd = new Date(Date.UTC(year, 11, 31));
  const asOf = yearEnd.getTime() < Date.parse(today) ? yearEnd : new Date(`${today}T00:00:00Z`);
  const eligibility = assessEligibility(entries, settings, year, asOf);
  return {
    year, redMarks: score.red, activeYellowMarks: score.activeYellow, blackMarks: score.black,
    unrectifiedYellows: eligibility.unrectifiedYellows, score: score.score, settingsId: settings.id,
  };
}

/**
 * The all-time row: the yearly marks added up, and the yearly scores, each under its year's
 * weights (lib/server/scores/reweigh-scores.ts sums them the same way in SQL).
 */
function allTimeOf(yearRows: readonly ScoreRow[]): ScoreRow {
  const total: ScoreRow = { year: ALL_TIME, redMarks: 0, activeYellowMarks: 0, blackMarks: 0, unrectifiedYellows: 0, score: 0, settingsId: null };
  for (const row of yearRows) {
    total.redMarks += row.redMarks;
    total.activeYellowMarks += row.activeYellowMarks;
    total.blackMarks += row.blackMarks;
    total.score += row.score;
  }
  return total;
}

/**
 * Why a household is not eligible for the year of a maintained row (empty: eligible); the same
 * judgement as assessEligibility, which also explains pending records to the household. Black
 * counts are marks here (any black disqualifies).
 */
export function rowIneligibility(
  row: Pick<ScoreRow, "redMarks" | "blackMarks" | "unrectifiedYellows">,
  civilizedMinReds: number,
): IneligibilityReason[] {
  return ineligibilityReasons({ reds: row.redMarks, blacks: row.blackMarks, unrectifiedYellows: row.unrectifiedYellows }, civilizedMinReds);
}
