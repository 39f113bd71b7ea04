import { describe, expect, it } from "vitest";
import { clerkFlags, MIN_ENTRIES, townshipNorm, type ClerkTally } from "./clerk-outliers";

const flagOf = (tallies: ClerkTally[], id: string) => clerkFlags(tallies).get(id);
// 1,000 entries of other clerks, 10% yellow or black.
const others: ClerkTally[] = Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, entries: 100, yellowBlack: 10 }));

describe("townshipNorm", () => {
  it("is the share of yellow and black over every clerk's entries", () => {
    expect(townshipNorm([{ id: "a", entries: 30, yellowBlack: 3 }, { id: "b", entries: 10, yellowBlack: 5 }])).toEqual({ entries: 40, yellowBlack: 8, share: 0.2 });
    expect(townshipNorm([])).toEqual({ entries: 0, yellowBlack: 0, share: null });
  });
});

describe("clerkFlags", () => {
  it("flags a clerk whose share is far above the others', with the share and the norm it was compared with", () => {
    const flag = flagOf([...others, { id: "x", entries: 50, yellowBlack: 19 }], "x");
    expect(flag).toMatchObject({ direction: "HIGH", share: 0.38, norm: 0.1 });
    // p = 100.5 / 1001; z = (19 − 50p) / √(50p(1 − p))
    const p = 100.5 / 1001;
    expect(flag!.z).toBeCloseTo((19 - 50 * p) / Math.sqrt(50 * p * (1 - p)), 10);
  });

  it("draws the line at |z| = 2.5: 18 of 100 is flagged against a norm of 10%, 17 of 100 is not", () => {
    expect(flagOf([...others, { id: "x", entries: 100, yellowBlack: 18 }], "x")?.direction).toBe("HIGH");
    expect(flagOf([...others, { id: "x", entries: 100, yellowBlack: 17 }], "x")).toBeNull();
    expect(flagOf([...others, { id: "x", entries: 100, yellowBlack: 3 }], "x")).toBeNull();
  });

  it("flags a clerk far below the norm too (only reds recorded for many households)", () => {
    const flag = flagOf([...others, { id: "x", entries: 200, yellowBlack: 0 }], "x");
    expect(flag).toMatchObject({ direction: "LOW", share: 0, norm: 0.1 });
    expect(flag!.z).toBeLessThan(-2.5);
  });

  it("leaves clerks within the norm unflagged", () => {
    const flags = clerkFlags([...others, { id: "x", entries: 120, yellowBlack: 14 }]);
    expect([...flags.values()].every((f) => f === null)).toBe(true);
  });

  it(`judges nobody with fewer than ${MIN_ENTRIES} entries, however far off`, () => {
    expect(flagOf([...others, { id: "x", entries: MIN_ENTRIES - 1, yellowBlack: MIN_ENTRIES - 1 }], "x")).toBeNull();
    expect(flagOf([...others, { id: "x", entries: MIN_ENTRIES, yellowBlack: MIN_ENTRIES }], "x")?.direction).toBe("HIGH");
  });

  it("compares a clerk with the other clerks, not with a norm it pulls towards itself", () => {
    // Two clerks: each is compared with the other alone.
    const flags = clerkFlags([{ id: "a", entries: 100, yellowBlack: 50 }, { id: "b", entries: 100, yellowBlack: 0 }]);
    expect(flags.get("a")).toMatchObject({ direction: "HIGH", norm: 0 });
    expect(flags.get("b")).toMatchObject({ direction: "LOW", norm: 0.5 });
    // A lone clerk has no norm to be compared with, nor one whose colleagues have too few entries.
    expect(flagOf([{ id: "a", entries: 500, yellowBlack: 400 }], "a")).toBeNull();
    expect(flagOf([{ id: "a", entries: 500, yellowBlack: 400 }, { id: "b", entries: MIN_ENTRIES - 1, yellowBlack: 0 }], "a")).toBeNull();
  });

  it("gives a finite z when no other clerk recorded any yellow or black", () => {
    const flag = flagOf([{ id: "o", entries: 500, yellowBlack: 0 }, { id: "x", entries: 20, yellowBlack: 1 }], "x");
    expect(flag?.direction).toBe("HIGH");
    expect(Number.isFinite(flag!.z)).toBe(true);
    expect(flagOf([{ id: "o", entries: 500, yellowBlack: 0 }, { id: "x", entries: 20, yellowBlack: 0 }], "x")).toBeNull();
  });

  it("refuses impossible tallies", () => {
    expect(() => clerkFlags([{ id: "x", entries: 3, yellowBlack: 4 }])).toThrow(RangeError);
    expect(() => clerkFlags([{ id: "x", entries: 3, yellowBlack: -1 }])).toThrow(RangeError);
  });
});
