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

/** The version in force on `day` ("YYYY-MM-DD"): the latest that took effect on or before it. */
export function versionOn<V extends { effectiveFrom: string }>(versions: readonly V[], day: string): V {
  let found: V | undefined;
  for (const v of versions) if (v.effectiveFrom <= day && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  if (!found) throw new RangeError(`no settings in force on ${day}`);
  return found;
}

/**
 * The settings a year is judged by: those in force on its last day, or today while the year
 * runs. A past year keeps its weights when a later change takes effect.
 */
export function versionForYear<V extends { effectiveFrom: string }>(versions: readonly V[], year: number, today: string): V {
  const yearEnd = `${String(year).padStart(4, "0")}-12-31`;
  return versionOn(versions, yearEnd < today ? yearEnd : today);
}
