import { describe, expect, it } from "vitest";
import { formatQuarter, previousQuarter, quarterEnd, quarterOf, quarterStart } from "./quarter";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("quarterOf", () => {
  it.each([
    ["2026-01-01", 2026, 1],
    ["2026-03-31", 2026, 1],
    ["2026-04-01", 2026, 2],
    ["2026-09-30", 2026, 3],
    ["2026-10-01", 2026, 4],
    ["2026-12-31", 2026, 4],
  ])("%s is in %i Q%i", (date, year, quarter) => {
    expect(quarterOf(d(date))).toEqual({ year, quarter });
  });
});

describe("quarter bounds", () => {
  it("start and end enclose exactly the quarter's days, leap years included", () => {
    expect(quarterStart({ year: 2024, quarter: 1 })).toEqual(d("2024-01-01"));
    expect(quarterEnd({ year: 2024, quarter: 1 })).toEqual(d("2024-03-31"));
    expect(quarterEnd({ year: 2024, quarter: 4 })).toEqual(d("2024-12-31"));
    expect(quarterEnd({ year: 2026, quarter: 2 })).toEqual(d("2026-06-30"));
  });

  it("the previous quarter of Q1 is Q4 of the year before", () => {
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
    expect(formatQuarter({ year: 2026, quarter: 3 })).toBe("2026Q3");
  });
});
