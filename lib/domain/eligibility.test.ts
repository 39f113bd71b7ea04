import { describe, expect, it } from "vitest";
import { assessEligibility, type EligibilityEntry } from "./eligibility";
import type { Category, EntryStatus } from "./scoring";

const on = (day: string) => new Date(`${day}T00:00:00Z`);
const entry = (category: Category, status: EntryStatus, day = "2026-05-03", marks = 1): EligibilityEntry => ({
  category,
  status,
  marks,
  occurredOn: on(day),
});
const settings = { civilizedMinReds: 1 };
const AFTER_2026 = on("2027-02-15");
const assess = (entries: EligibilityEntry[], asOf = AFTER_2026, need = settings) =>
  assessEligibility(entries, need, 2026, asOf);
const red = entry("RED", "CONFIRMED");

describe("assessEligibility", () => {
  it("admits a household with a confirmed red and nothing against it", () => {
    expect(assess([red])).toEqual({
      year: 2026, eligible: true, reasons: [], notices: [], reds: 1, needReds: 1, blacks: 0, unrectifiedYellows: 0,
    });
  });

  it("says exactly how many reds are missing", () => {
    expect(assess([]).reasons).toEqual([{ code: "TOO_FEW_REDS", have: 0, need: 1 }]);
    expect(assess([red], AFTER_2026, { civilizedMinReds: 3 }).reasons).toEqual([{ code: "TOO_FEW_REDS", have: 1, need: 3 }]);
  });

  it("counts red marks: one two-mark red meets a threshold of two", () => {
    expect(assess([entry("RED", "CONFIRMED", "2026-03-01", 2)], AFTER_2026, { civilizedMinReds: 2 }).eligible).toBe(true);
  });

  it("needs no red when the township sets the threshold to zero", () => {
    expect(assess([], AFTER_2026, { civilizedMinReds: 0 }).eligible).toBe(true);
  });

  it("counts only reds of the year", () => {
    const result = assess([entry("RED", "CONFIRMED", "2025-12-31"), entry("RED", "CONFIRMED", "2027-01-01")]);
    expect(result.reasons).toEqual([{ code: "TOO_FEW_REDS", have: 0, need: 1 }]);
  });

  it("lists every reason at once, in a fixed order", () => {
    const result = assess([entry("BLACK", "CONFIRMED"), entry("YELLOW", "CONFIRMED"), entry("YELLOW", "CONFIRMED", "2026-08-08")]);
    expect(result.reasons).toEqual([
      { code: "HAS_BLACK", count: 1 },
      { code: "UNRECTIFIED_YELLOW", count: 2 },
      { code: "TOO_FEW_REDS", have: 0, need: 1 },
    ]);
  });

  describe("blacks", () => {
    it("a confirmed black in the year disqualifies, whatever the reds", () => {
      const reds = Array.from({ length: 20 }, () => red);
      expect(assess([...reds, entry("BLACK", "CONFIRMED", "2026-12-31")]).reasons).toEqual([{ code: "HAS_BLACK", count: 1 }]);
    });

    it("a black voided by an upheld appeal, or rejected by the review, does not count", () => {
      expect(assess([red, entry("BLACK", "VOIDED"), entry("BLACK", "REJECTED")]).eligible).toBe(true);
    });

    it("a black of another year does not count", () => {
      expect(assess([red, entry("BLACK", "CONFIRMED", "2025-12-31"), entry("BLACK", "CONFIRMED", "2027-01-01")]).eligible).toBe(true);
    });

    it("a pending black does not disqualify but is reported as a notice", () => {
      const result = assess([red, entry("BLACK", "PENDING")]);
      expect(result.eligible).toBe(true);
      expect(result.notices).toEqual([{ code: "PENDING_BLACK", count: 1 }]);
    });
  });

  describe("yellows at year end", () => {
    it("a confirmed yellow of the year disqualifies", () => {
      expect(assess([red, entry("YELLOW", "CONFIRMED")]).reasons).toEqual([{ code: "UNRECTIFIED_YELLOW", count: 1 }]);
    });

    it("a confirmed yellow of an earlier year still unrectified disqualifies", () => {
      expect(assess([red, entry("YELLOW", "CONFIRMED", "2024-03-03")]).reasons).toEqual([{ code: "UNRECTIFIED_YELLOW", count: 1 }]);
    });

    it("a rectified yellow does not count", () => {
      expect(assess([red, entry("YELLOW", "RECTIFIED")]).eligible).toBe(true);
      expect(assess([red, { ...entry("YELLOW", "RECTIFIED"), rectifiedOn: on("2026-12-31") }]).eligible).toBe(true);
    });

    it("a yellow rectified only after the year end was still unrectified at year end", () => {
      const late = { ...entry("YELLOW", "RECTIFIED", "2026-11-02"), rectifiedOn: on("2027-01-10") };
      expect(assess([red, late]).reasons).toEqual([{ code: "UNRECTIFIED_YELLOW", count: 1 }]);
    });

    it("a yellow that occurred after the year end does not count against the year", () => {
      expect(assess([red, entry("YELLOW", "CONFIRMED", "2027-01-01")]).eligible).toBe(true);
    });

    it("rejected and voided yellows never count; a pending one is a notice", () => {
      const result = assess([red, entry("YELLOW", "REJECTED"), entry("YELLOW", "VOIDED"), entry("YELLOW", "PENDING", "2025-10-01")]);
      expect(result.eligible).toBe(true);
      expect(result.notices).toEqual([{ code: "PENDING_YELLOW", count: 1 }]);
    });
  });

  describe("pending reds", () => {
    it("are reported when they would make up the shortfall, and when they would not", () => {
      expect(assess([entry("RED", "PENDING", "2026-11-11", 2)], AFTER_2026, { civilizedMinReds: 2 }).notices)
        .toEqual([{ code: "PENDING_REDS", count: 2, wouldSuffice: true }]);
      expect(assess([entry("RED", "PENDING")], AFTER_2026, { civilizedMinReds: 3 }).notices)
        .toEqual([{ code: "PENDING_REDS", count: 1, wouldSuffice: false }]);
    });

    it("are not mentioned when the confirmed reds already suffice", () => {
      expect(assess([red, entry("RED", "PENDING")]).notices).toEqual([]);
    });
  });

  describe("the current year", () => {
    const today = on("2026-06-30");

    it("judges as of today and says the result is provisional", () => {
      const result = assess([red], today);
      expect(result.eligible).toBe(true);
      expect(result.notices).toEqual([{ code: "YEAR_NOT_OVER", asOf: "2026-06-30" }]);
    });

    it("is still provisional on 31 December and final the day after", () => {
      expect(assess([red], on("2026-12-31")).notices).toEqual([{ code: "YEAR_NOT_OVER", asOf: "2026-12-31" }]);
      expect(assess([red], on("2027-01-01")).notices).toEqual([]);
    });

    it("counts a yellow rectified by today as rectified", () => {
      const rectified = { ...entry("YELLOW", "RECTIFIED", "2026-02-01"), rectifiedOn: today };
      expect(assess([red, rectified], today).eligible).toBe(true);
    });

    it("ignores entries dated after today", () => {
      const result = assess([entry("RED", "CONFIRMED", "2026-07-01"), entry("BLACK", "CONFIRMED", "2026-07-01")], today);
      expect(result.reasons).toEqual([{ code: "TOO_FEW_REDS", have: 0, need: 1 }]);
    });
  });

  it("refuses invalid settings and entries", () => {
    expect(() => assess([], AFTER_2026, { civilizedMinReds: -1 })).toThrow(RangeError);
    expect(() => assess([entry("BLACK", "RECTIFIED")])).toThrow(RangeError);
    expect(() => assess([entry("RED", "CONFIRMED", "2026-01-01", 0)])).toThrow(RangeError);
  });
});
