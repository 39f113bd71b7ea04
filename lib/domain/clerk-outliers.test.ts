import { describe, expect, it } from "vitest";
import { binomialTail, clerkFlags, MIN_ENTRIES, TAIL_THRESHOLD, townshipNorm, type ClerkTally } from "./clerk-outliers";

const flagOf = (tallies: ClerkTally[], id: string) => clerkFlags(tallies).get(id);
// 1,000 entries of other clerks, 10% yellow or black.
const others: ClerkTally[] = Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, entries: 100, yellowBlack: 10 }));

describe("townshipNorm", () => {
  it("is the share of yellow and black over every clerk's entries", () => {
    expect(townshipNorm([{ id: "a", entries: 30, yellowBlack: 3 }, { id: "b", entries: 10, yellowBlack: 5 }])).toEqual({ entries: 40, yellowBlack: 8, share: 0.2 });
    expect(townshipNorm([])).toEqual({ entries: 0, yellowBlack: 0, share: null });
  });
});

// P(from ≤ X ≤ to) summed term by term from exact binomial coefficients.
const directTail = (n: number, p: number, from: number, to: number) => {
  let total = 0;
  for (let k = from; k <= to; k++) {
    let coefficient = 1;
    for (let i = 1; i <= k; i++) coefficient = (coefficient * (n - k + i)) / i;
    total += coefficient * p ** k * (1 - p) ** (n - k);
  }
  return total;
};

describe("binomialTail", () => {
  it("is the exact binomial tail", () => {
    expect(binomialTail(10, 0.3, 0, 10)).toBeCloseTo(1, 12);
    expect(binomialTail(10, 0.3, 4, 10)).toBeCloseTo(directTail(10, 0.3, 4, 10), 12);
    expect(binomialTail(30, 0.1, 0, 1)).toBeCloseTo(0.9 ** 30 + 30 * 0.1 * 0.9 ** 29, 12);
    expect(binomialTail(20, 0.001, 1, 20)).toBeCloseTo(1 - 0.999 ** 20, 12);
  });

  it("stays finite and exact in relative terms for many entries and tiny tails", () => {
    const tail = binomialTail(5000, 0.1, 0, 300);
    expect(tail).toBeGreaterThan(0);
    expect(tail).toBeLessThan(1e-20); // 9 standard deviations below the mean
    expect(binomialTail(5000, 0.1, 0, 5000)).toBeCloseTo(1, 10);
    expect(binomialTail(60, 0.2, 30, 60) / directTail(60, 0.2, 30, 60)).toBeCloseTo(1, 8);
  });
});

describe("clerkFlags", () => {
  // The others' share with half an entry of each kind added (the estimate the clerk is compared with).
  const p = 100.5 / 1001;

  it("flags a clerk whose share is far above the others', with the share, the norm and the tail", () => {
    const flag = flagOf([...others, { id: "x", entries: 30, yellowBlack: 12 }], "x");
    expect(flag).toMatchObject({ direction: "HIGH", share: 0.4, norm: 0.1 });
    expect(flag!.tail).toBeCloseTo(directTail(30, p, 12, 30), 12);
    expect(flag!.tail).toBeLessThan(TAIL_THRESHOLD);
  });

  it("draws the line at a one-sided tail of 0.0062: 19 of 100 is flagged against a norm of 10%, 18 of 100 is not", () => {
    // P(X ≥ 19) ≈ 0.0048, P(X ≥ 18) ≈ 0.0104 for X ~ Binomial(100, p).
    expect(directTail(100, p, 19, 100)).toBeLessThan(TAIL_THRESHOLD);
    expect(directTail(100, p, 18, 100)).toBeGreaterThan(TAIL_THRESHOLD);
    expect(flagOf([...others, { id: "x", entries: 100, yellowBlack: 19 }], "x")?.direction).toBe("HIGH");
    expect(flagOf([...others, { id: "x", entries: 100, yellowBlack: 18 }], "x")).toBeNull();
    // Below: P(X ≤ 2) ≈ 0.0019 is flagged, P(X ≤ 3) ≈ 0.0076 is not.
    expect(flagOf([...others, { id: "x", entries: 100, yellowBlack: 2 }], "x")?.direction).toBe("LOW");
    expect(flagOf([...others, { id: "x", entries: 100, yellowBlack: 3 }], "x")).toBeNull();
  });

  it("flags a clerk far below the norm too (only reds recorded for many households)", () => {
    const flag = flagOf([...others, { id: "x", entries: 200, yellowBlack: 0 }], "x");
    expect(flag).toMatchObject({ direction: "LOW", share: 0, norm: 0.1 });
    expect(flag!.tail).toBeCloseTo((1 - p) ** 200, 15);
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

  it("leaves a clerk's rows in other villages out of its norm", () => {
    // The clerk's second village (all yellow) would lift the norm its first village is compared with.
    const rows: ClerkTally[] = [...others, { id: "x@1", clerk: "x", entries: 100, yellowBlack: 19 }, { id: "x@2", clerk: "x", entries: 100, yellowBlack: 100 }];
    const flags = clerkFlags(rows);
    expect(flags.get("x@1")).toMatchObject({ direction: "HIGH", norm: 0.1 });
    expect(flags.get("x@2")).toMatchObject({ direction: "HIGH", norm: 0.1 });
    // Without the clerk key the two rows count as two clerks and the first is within the norm.
    expect(clerkFlags(rows.map(({ clerk: _, ...r }) => r)).get("x@1")).toBeNull();
  });

  it("does not flag one yellow in 20 when no other clerk recorded any, but does flag a few", () => {
    // The normal approximation would give z ≈ 6.9 here; the exact tail P(X ≥ 1) is about 2%.
    expect(flagOf([{ id: "o", entries: 500, yellowBlack: 0 }, { id: "x", entries: 20, yellowBlack: 1 }], "x")).toBeNull();
    expect(flagOf([{ id: "o", entries: 500, yellowBlack: 0 }, { id: "x", entries: 20, yellowBlack: 0 }], "x")).toBeNull();
    const flag = flagOf([{ id: "o", entries: 500, yellowBlack: 0 }, { id: "x", entries: 20, yellowBlack: 3 }], "x");
    expect(flag).toMatchObject({ direction: "HIGH", share: 0.15, norm: 0 });
  });

  it("refuses impossible tallies", () => {
    expect(() => clerkFlags([{ id: "x", entries: 3, yellowBlack: 4 }])).toThrow(RangeError);
    expect(() => clerkFlags([{ id: "x", entries: 3, yellowBlack: -1 }])).toThrow(RangeError);
  });
});
