import { describe, expect, it } from "vitest";
import type { EligibilityEntry } from "./eligibility";
import { ALL_TIME, householdScoreRows, householdYearRow, rowIneligibility } from "./household-scores";
import type { Category, EntryStatus } from "./scoring";
import { versionForYear, versionOn, type SettingsVersion } from "./township-settings";

const on = (day: string) => new Date(`${day}T00:00:00Z`);
const entry = (category: Category, status: EntryStatus, day: string, marks = 1, rectifiedOn?: string): EligibilityEntry => ({
  category, status, marks, occurredOn: on(day), ...(rectifiedOn ? { rectifiedOn: on(rectifiedOn) } : {}),
});
const version = (id: string, effectiveFrom: string, weights: Partial<SettingsVersion> = {}): SettingsVersion => ({
  id, effectiveFrom, weightRed: 1, weightYellow: 1, weightBlack: 3, civilizedMinReds: 1, noticePeriodDays: 7,
  noticeHidesNegativeDetail: true, honourBoardEnabled: false, extractValidityDays: 180, ...weights,
});
const FIRST = version("v1", "2019-01-01");
const DOUBLE_RED = version("v2", "2025-07-01", { weightRed: 2 });

describe("settings versions", () => {
  it("finds the version in force on a day, whatever their order", () => {
    expect(versionOn([DOUBLE_RED, FIRST], "2025-06-30").id).toBe("v1");
    expect(versionOn([DOUBLE_RED, FIRST], "2025-07-01").id).toBe("v2");
    // Before the first version, the first applies.
    expect(versionOn([DOUBLE_RED, FIRST], "2018-12-31").id).toBe("v1");
    expect(() => versionOn([], "2026-01-01")).toThrow(RangeError);
  });

  it("judges a past year by the version in force on its last day, the running year by today's", () => {
    expect(versionForYear([FIRST, DOUBLE_RED], 2024, "2026-12-01").id).toBe("v1");
    expect(versionForYear([FIRST, DOUBLE_RED], 2025, "2026-12-01").id).toBe("v2");
    // A version scheduled from next month does not apply yet to the running year.
    expect(versionForYear([FIRST, version("v3", "2027-01-01")], 2026, "2026-12-01").id).toBe("v1");
  });
});

describe("householdScoreRows", () => {
  it("has a row per year from the first entry to today, and all time as the sum of the yearly scores", () => {
    const rows = householdScoreRows([
      entry("RED", "CONFIRMED", "2024-03-01"), entry("RED", "CONFIRMED", "2025-08-01", 2), entry("BLACK", "CONFIRMED", "2026-02-01"),
      entry("RED", "PENDING", "2026-11-01"), entry("RED", "REJECTED", "2026-04-01"), entry("RED", "VOIDED", "2026-05-01"),
    ], [FIRST, DOUBLE_RED], "2026-12-01");
    expect(rows.map((r) => [r.year, r.score, r.settingsId])).toEqual([[2024, 1, "v1"], [2025, 4, "v2"], [2026, -3, "v2"], [ALL_TIME, 2, null]]);
    expect(rows.find((r) => r.year === ALL_TIME)).toMatchObject({ redMarks: 3, blackMarks: 1, activeYellowMarks: 0 });
  });

  it("has no rows for a household without entries, nor while its entries all await review", () => {
    expect(householdScoreRows([], [FIRST], "2026-12-01")).toEqual([]);
    expect(householdScoreRows([entry("RED", "PENDING", "2026-11-01")], [FIRST], "2026-12-01")).toEqual([]);
  });

  // What lib/server/scores/reweigh-scores.ts relies on when a version takes effect: only the
  // running year's score and version change, to its marks under the new weights, and all time follows.
  it("changes only the running year and the all-time sum when a version takes effect", () => {
    const entries = [
      entry("RED", "CONFIRMED", "2025-03-01", 2), entry("RED", "CONFIRMED", "2026-03-01", 3), entry("BLACK", "CONFIRMED", "2026-04-01"),
      entry("YELLOW", "CONFIRMED", "2026-05-01"),
    ];
    const before = householdScoreRows(entries, [FIRST], "2026-12-01");
    const triple = version("v3", "2026-12-01", { weightRed: 3, weightYellow: 2, weightBlack: 10 });
    const after = householdScoreRows(entries, [FIRST, triple], "2026-12-01");
    const changed = after.filter((row) => !before.some((was) => JSON.stringify(was) === JSON.stringify(row)));
    expect(changed.map((r) => [r.year, r.score, r.settingsId])).toEqual([[2026, 3 * 3 - 2 - 10, "v3"], [ALL_TIME, 2 + 9 - 2 - 10, null]]);
    expect(after.find((r) => r.year === 2026)).toMatchObject({ redMarks: 3, activeYellowMarks: 1, blackMarks: 1 });
  });

  it("counts a yellow unrectified at a year's end against that year and every later one until it is rectified", () => {
    const rows = householdScoreRows([entry("YELLOW", "RECTIFIED", "2024-10-01", 1, "2026-03-01")], [FIRST], "2026-12-01");
    expect(rows.map((r) => [r.year, r.unrectifiedYellows, r.activeYellowMarks])).toEqual([[2024, 1, 0], [2025, 1, 0], [2026, 0, 0], [ALL_TIME, 0, 0]]);
  });

  it("never counts a yellow rectified before its review", () => {
    const rows = householdScoreRows([entry("YELLOW", "RECTIFIED", "2025-10-01"), entry("RED", "CONFIRMED", "2025-11-01")], [FIRST], "2026-12-01");
    expect(rows.find((r) => r.year === 2025)).toMatchObject({ unrectifiedYellows: 0, score: 1 });
    expect(rowIneligibility(rows.find((r) => r.year === 2025)!, 1)).toEqual([]);
  });

  it("gives the reasons of the eligibility judgement from a row", () => {
    expect(rowIneligibility({ redMarks: 0, blackMarks: 1, unrectifiedYellows: 2 }, 1)).toEqual([
      { code: "HAS_BLACK", count: 1 }, { code: "UNRECTIFIED_YELLOW", count: 2 }, { code: "TOO_FEW_REDS", have: 0, need: 1 },
    ]);
  });
});

describe("householdYearRow", () => {
  it("is householdScoreRows' row of the year, null for a year it has none", () => {
    const entries = [
      entry("RED", "CONFIRMED", "2022-03-01"), entry("YELLOW", "CONFIRMED", "2023-05-01", 2, "2023-09-01"), entry("YELLOW", "CONFIRMED", "2024-11-20"),
      entry("BLACK", "CONFIRMED", "2025-08-01"), entry("RED", "PENDING", "2026-11-01"), entry("RED", "CONFIRMED", "2026-02-01", 3),
    ];
    for (const today of ["2024-12-15", "2025-07-01", "2026-12-01"]) {
      const rows = householdScoreRows(entries, [FIRST, DOUBLE_RED], today);
      for (let year = 2020; year <= 2027; year++) {
        expect(householdYearRow(entries, [FIRST, DOUBLE_RED], today, year)).toEqual(rows.find((r) => r.year === year) ?? null);
      }
    }
    expect(householdYearRow([entry("RED", "PENDING", "2026-01-01")], [FIRST], "2026-12-01", 2026)).toBeNull();
  });
});
