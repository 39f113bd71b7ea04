import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  isWithin,
  scoreEntries,
  tallyEntries,
  yearPeriod,
  type Category,
  type EntryStatus,
  type ScoredEntry,
} from "./scoring";

const on = (day: string) => new Date(`${day}T00:00:00Z`);
const entry = (category: Category, status: EntryStatus, marks = 1, day = "2026-05-03"): ScoredEntry => ({
  category,
  status,
  marks,
  occurredOn: on(day),
});

describe("scoreEntries", () => {
  it("is red − yellow − 3 × black with the default weights", () => {
    const score = scoreEntries(
      [entry("RED", "CONFIRMED"), entry("RED", "CONFIRMED"), entry("YELLOW", "CONFIRMED"), entry("BLACK", "CONFIRMED")],
      DEFAULT_SETTINGS,
    );
    expect(score).toMatchObject({ score: 2 - 1 - 3, red: 2, activeYellow: 1, black: 1 });
  });

  it("counts marks, not records: a master's degree is two reds", () => {
    expect(scoreEntries([entry("RED", "CONFIRMED", 2)], DEFAULT_SETTINGS)).toMatchObject({ score: 2, red: 2 });
    expect(scoreEntries([entry("BLACK", "CONFIRMED", 2)], DEFAULT_SETTINGS)).toMatchObject({ score: -6, black: 2 });
  });

  it("counts confirmed entries only; a rectified yellow no longer counts", () => {
    const uncounted = (["PENDING", "REJECTED", "VOIDED"] as const).flatMap((status) =>
      (["RED", "YELLOW", "BLACK"] as const).map((category) => entry(category, status, 2)),
    );
    const score = scoreEntries([...uncounted, entry("YELLOW", "RECTIFIED")], DEFAULT_SETTINGS);
    expect(score).toMatchObject({ score: 0, red: 0, activeYellow: 0, black: 0 });
  });

  it("uses the township's weights", () => {
    const entries = [entry("RED", "CONFIRMED", 3), entry("YELLOW", "CONFIRMED"), entry("BLACK", "CONFIRMED")];
    expect(scoreEntries(entries, { weightRed: 2, weightYellow: 4, weightBlack: 10 }).score).toBe(6 - 4 - 10);
    expect(scoreEntries(entries, { weightRed: 1, weightYellow: 0, weightBlack: 0 }).score).toBe(3);
  });

  it("is zero for a household without entries", () => {
    expect(scoreEntries([], DEFAULT_SETTINGS)).toMatchObject({ score: 0, red: 0, activeYellow: 0, black: 0 });
  });

  it("counts only entries that occurred in the period, both ends included", () => {
    const entries = [
      entry("RED", "CONFIRMED", 1, "2025-12-31"),
      entry("RED", "CONFIRMED", 1, "2026-01-01"),
      entry("RED", "CONFIRMED", 1, "2026-12-31"),
      entry("BLACK", "CONFIRMED", 1, "2027-01-01"),
    ];
    expect(scoreEntries(entries, DEFAULT_SETTINGS, yearPeriod(2026))).toMatchObject({ score: 2, red: 2, black: 0 });
    expect(scoreEntries(entries, DEFAULT_SETTINGS).score).toBe(3 - 3);
  });

  it("returns marks and records per category and status for display", () => {
    const score = scoreEntries(
      [entry("RED", "PENDING", 2), entry("RED", "PENDING"), entry("YELLOW", "RECTIFIED"), entry("BLACK", "VOIDED")],
      DEFAULT_SETTINGS,
    );
    expect(score.marks.RED).toEqual({ PENDING: 3, CONFIRMED: 0, REJECTED: 0, VOIDED: 0, RECTIFIED: 0 });
    expect(score.entries.RED.PENDING).toBe(2);
    expect(score.marks.YELLOW.RECTIFIED).toBe(1);
    expect(score.entries.BLACK.VOIDED).toBe(1);
  });

  it("refuses data the domain cannot produce", () => {
    expect(() => scoreEntries([entry("RED", "CONFIRMED", 0)], DEFAULT_SETTINGS)).toThrow(RangeError);
    expect(() => scoreEntries([entry("RED", "CONFIRMED", 1.5)], DEFAULT_SETTINGS)).toThrow(RangeError);
    expect(() => scoreEntries([entry("BLACK", "RECTIFIED")], DEFAULT_SETTINGS)).toThrow(/BLACK/);
    expect(() => scoreEntries([entry("RED", "RECTIFIED")], DEFAULT_SETTINGS)).toThrow(RangeError);
    expect(() => scoreEntries([{ ...entry("RED", "CONFIRMED"), occurredOn: new Date("x") }], DEFAULT_SETTINGS)).toThrow();
    expect(() => scoreEntries([], { ...DEFAULT_SETTINGS, weightBlack: -3 })).toThrow(/weightBlack/);
  });
});

describe("tallyEntries and periods", () => {
  it("ignores the time of day of a date", () => {
    expect(isWithin(new Date("2026-12-31T23:59:59Z"), yearPeriod(2026))).toBe(true);
    expect(isWithin(new Date("2027-01-01T00:00:00Z"), yearPeriod(2026))).toBe(false);
  });

  it("tallies nothing outside the period", () => {
    const { marks } = tallyEntries([entry("RED", "CONFIRMED", 1, "2025-06-01")], yearPeriod(2026));
    expect(marks.RED.CONFIRMED).toBe(0);
  });
});
