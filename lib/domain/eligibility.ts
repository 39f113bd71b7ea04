import {
  assertValidEntry,
  assertValidSettings,
  dayNumber,
  yearPeriod,
  type ScoredEntry,
  type TownshipSettings,
} from "./scoring";

// Civilized-family selection (DESIGN.md): a household is eligible for a year when it has no
// black in the year, no unrectified yellow at year end and at least N confirmed reds in the
// year. Only CONFIRMED entries count: a PENDING one has not been reviewed by the village
// representatives, and a wrong black can harm a child's future, so an unreviewed record never
// disqualifies — it is reported as a notice instead. REJECTED and VOIDED (an upheld appeal)
// never count. For a year not yet over, "at year end" means the day of the assessment.

export type EligibilityEntry = ScoredEntry & {
  /**
   * Day the rectification was approved, for a yellow that had been CONFIRMED before (from its
   * RECTIFIED event). Rectification is not retroactive: a yellow rectified after the year end was
   * still unrectified at year end. Without it, a RECTIFIED yellow does not count.
   */
  rectifiedOn?: Date | null;
};

export type IneligibilityReason =
  | { code: "HAS_BLACK"; count: number } // confirmed black records in the year
  | { code: "UNRECTIFIED_YELLOW"; count: number } // confirmed yellow records unrectified at year end
  | { code: "TOO_FEW_REDS"; have: number; need: number }; // confirmed red marks in the year

export type EligibilityNotice =
  | { code: "PENDING_BLACK"; count: number } // would disqualify if the review confirms it
  | { code: "PENDING_YELLOW"; count: number } // would disqualify if confirmed and not rectified
  | { code: "PENDING_REDS"; count: number; wouldSuffice: boolean } // only when reds fall short
  | { code: "YEAR_NOT_OVER"; asOf: string }; // assessed before the year ended: provisional

export type Eligibility = {
  year: number;
  eligible: boolean;
  reasons: IneligibilityReason[];
  notices: EligibilityNotice[];
  reds: number;
  needReds: number;
  blacks: number;
  unrectifiedYellows: number;
};

/**
 * Whether a household is eligible as a civilized family for `year`, judged on `asOf` (today's
 * calendar date in the township). `entries` are all of the household's entries, of every year:
 * a yellow of an earlier year that is still unrectified counts against this one.
 */
export function assessEligibility(
  entries: readonly EligibilityEntry[],
  settings: Pick<TownshipSettings, "civilizedMinReds">,
  year: number,
  asOf: Date,
): Eligibility {
  assertValidSettings({ weightRed: 0, weightYellow: 0, weightBlack: 0, ...settings });
  const period = yearPeriod(year);
  const start = dayNumber(period.from);
  const cutoff = Math.min(dayNumber(period.to), dayNumber(asOf));
  const inYear = (e: ScoredEntry) => dayNumber(e.occurredOn) >= start && dayNumber(e.occurredOn) <= cutoff;
  const byYearEnd = (e: ScoredEntry) => dayNumber(e.occurredOn) <= cutoff;

  let reds = 0, pendingReds = 0, blacks = 0, pendingBlacks = 0, yellows = 0, pendingYellows = 0;
  for (const entry of entries) {
    assertValidEntry(entry);
    if (entry.category === "RED" && inYear(entry)) {
      if (entry.status === "CONFIRMED") reds += entry.marks;
      if (entry.status === "PENDING") pendingReds += entry.marks;
    } else if (entry.category === "BLACK" && inYear(entry)) {
      if (entry.status === "CONFIRMED") blacks += 1;
      if (entry.status === "PENDING") pendingBlacks += 1;
    } else if (entry.category === "YELLOW" && byYearEnd(entry)) {
      if (isUnrectifiedAt(entry, cutoff)) yellows += 1;
      if (entry.status === "PENDING") pendingYellows += 1;
    }
  }

  const needReds = settings.civilizedMinReds;
  const reasons = ineligibilityReasons({ reds, blacks, unrectifiedYellows: yellows }, needReds);

  const notices: EligibilityNotice[] = [];
  if (pendingBlacks > 0) notices.push({ code: "PENDING_BLACK", count: pendingBlacks });
  if (pendingYellows > 0) notices.push({ code: "PENDING_YELLOW", count: pendingYellows });
  if (reds < needReds && pendingReds > 0) {
    notices.push({ code: "PENDING_REDS", count: pendingReds, wouldSuffice: reds + pendingReds >= needReds });
  }
  if (dayNumber(asOf) <= dayNumber(period.to)) {
    notices.push({ code: "YEAR_NOT_OVER", asOf: asOf.toISOString().slice(0, 10) });
  }

  return { year, eligible: reasons.length === 0, reasons, notices, reds, needReds, blacks, unrectifiedYellows: yellows };
}

/** The judgement itself, on the counts of a year (also used on the maintained HouseholdScore rows). */
export function ineligibilityReasons(
  counts: { reds: number; blacks: number; unrectifiedYellows: number },
  needReds: number,
): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (counts.blacks > 0) reasons.push({ code: "HAS_BLACK", count: counts.blacks });
  if (counts.unrectifiedYellows > 0) reasons.push({ code: "UNRECTIFIED_YELLOW", count: counts.unrectifiedYellows });
  if (counts.reds < needReds) reasons.push({ code: "TOO_FEW_REDS", have: counts.reds, need: needReds });
  return reasons;
}

function isUnrectifiedAt(entry: EligibilityEntry, cutoff: number): boolean {
  if (entry.status === "CONFIRMED") return true;
  return entry.status === "RECTIFIED" && !!entry.rectifiedOn && dayNumber(entry.rectifiedOn) > cutoff;
}
