import type { TownshipSettings } from "./scoring";

// Township settings are effective-dated (DESIGN.md "Score"): a change is a new version from a
// day on, and what was computed under an earlier version can be reproduced from it.

export type SettingsVersion = TownshipSettings & {
  id: string;
  /** "YYYY-MM-DD", the first day the version is in force. */
  effectiveFrom: string;
  noticePeriodDays: number;
  noticeHidesNegativeDetail: boolean;
  honourBoardEnabled: boolean;
  extractValidityDays: number;
};

/**
 * The version in force on `day` ("YYYY-MM-DD"): the latest that took effect on or before it. A
 * day before the first version (an entry older than its township's record in the app) is judged
 * by the first version.
 */
export function versionOn<V extends { effectiveFrom: string }>(versions: readonly V[], day: string): V {
  let found: V | undefined;
  let first: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom <= day && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
    if (!first || v.effectiveFrom < first.effectiveFrom) first = v;
  }
  if (!first) throw new RangeError("a township without settings");
  return found ?? first;
}

/**
 * The settings a year is judged by: those in force on its last day, or today while the year
 * runs. A past year keeps its weights when a later change takes effect.
 */
export function versionForYear<V extends { effectiveFrom: string }>(versions: readonly V[], year: number, today: string): V {
  const yearEnd = `${String(year).padStart(4, "0")}-12-31`;
  return versionOn(versions, yearEnd < today ? yearEnd : today);
}
