import { describe, expect, it } from "vitest";
import { ageInDays, isAppealable, isRectifiable, rectifiableStatuses } from "./due-process";
import { CATEGORIES, STATUSES } from "./scoring";

describe("isRectifiable", () => {
  it("allows a yellow that is pending or confirmed, and nothing else", () => {
    const allowed = CATEGORIES.flatMap((category) => STATUSES.map((status) => ({ category, status })))
      .filter(isRectifiable)
      .map((e) => `${e.category} ${e.status}`);
    expect(allowed).toEqual(["YELLOW PENDING", "YELLOW CONFIRMED"]);
  });
});

describe("rectifiableStatuses", () => {
  it("names the statuses isRectifiable allows, per category", () => {
    expect(rectifiableStatuses("YELLOW")).toEqual(["PENDING", "CONFIRMED"]);
    expect(rectifiableStatuses("RED")).toEqual([]);
    expect(rectifiableStatuses("BLACK")).toEqual([]);
  });
});

describe("isAppealable", () => {
  it("allows every status but VOIDED", () => {
    expect(STATUSES.filter((status) => isAppealable({ status }))).toEqual(["PENDING", "CONFIRMED", "REJECTED", "RECTIFIED"]);
  });
});

describe("ageInDays", () => {
  it("counts calendar days in China, not 24-hour periods", () => {
    // 23:30 and 00:30 the next day in China (UTC+8) are one day apart although an hour passed.
    expect(ageInDays(new Date("2026-11-19T15:30:00Z"), new Date("2026-11-19T16:30:00Z"))).toBe(1);
    expect(ageInDays(new Date("2026-11-19T16:30:00Z"), new Date("2026-11-20T15:00:00Z"))).toBe(0);
    expect(ageInDays(new Date("2026-10-01T02:00:00Z"), new Date("2026-11-20T02:00:00Z"))).toBe(50);
  });

  it("is never negative", () => {
    expect(ageInDays(new Date("2026-11-21T02:00:00Z"), new Date("2026-11-20T02:00:00Z"))).toBe(0);
  });
});
