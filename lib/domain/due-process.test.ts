import { describe, expect, it } from "vitest";
import { ageInDays, appealRefusal, isRectifiable, rectifiableStatuses } from "./due-process";
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

describe("appealRefusal", () => {
  const every = CATEGORIES.flatMap((category) => STATUSES.map((status) => ({ category, status })));

  it("lets a household appeal only a yellow or black that is pending or confirmed", () => {
    const allowed = every.filter((e) => appealRefusal({ ...e, hasOpenAppeal: false }) === null).map((e) => `${e.category} ${e.status}`);
    expect(allowed).toEqual(["YELLOW PENDING", "YELLOW CONFIRMED", "BLACK PENDING", "BLACK CONFIRMED"]);
  });

  it("says why not: a red is praise, an entry rejected, voided or rectified no longer counts", () => {
    for (const status of STATUSES) expect(appealRefusal({ category: "RED", status, hasOpenAppeal: false })).toBe("RED");
    for (const category of ["YELLOW", "BLACK"] as const) {
      for (const status of ["REJECTED", "VOIDED", "RECTIFIED"] as const) {
        expect(appealRefusal({ category, status, hasOpenAppeal: false })).toBe("NOT_COUNTING");
      }
    }
  });

  it("allows one appeal at a time, and a new one once the last is answered", () => {
    expect(appealRefusal({ category: "BLACK", status: "CONFIRMED", hasOpenAppeal: true })).toBe("OPEN_APPEAL");
    expect(appealRefusal({ category: "YELLOW", status: "PENDING", hasOpenAppeal: true })).toBe("OPEN_APPEAL");
    // An open appeal does not hide why a red could never be appealed.
    expect(appealRefusal({ category: "RED", status: "CONFIRMED", hasOpenAppeal: true })).toBe("RED");
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
