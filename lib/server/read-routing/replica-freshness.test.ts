import { describe, expect, it } from "vitest";
import { freshAsOf, keepRecent } from "./replica-freshness";

const samples = [
  { at: 1_000, lsn: 100n },
  { at: 2_000, lsn: 250n },
  { at: 3_000, lsn: 250n },
  { at: 4_000, lsn: 400n },
];

describe("freshAsOf", () => {
  it("is the time of the newest sample the replica has replayed", () => {
    expect(freshAsOf(samples, 399n)).toBe(3_000);
    expect(freshAsOf(samples, 400n)).toBe(4_000);
    expect(freshAsOf(samples, 1_000n)).toBe(4_000);
  });

  it("is null when the replica is behind every sample", () => {
    expect(freshAsOf(samples, 99n)).toBeNull();
    expect(freshAsOf([], 500n)).toBeNull();
  });
});

describe("keepRecent", () => {
  it("drops samples older than the window", () => {
    expect(keepRecent(samples, 5_000, 2_500).map((s) => s.at)).toEqual([3_000, 4_000]);
  });

  it("keeps the newest sample even when it is old (a primary that stopped answering)", () => {
    expect(keepRecent(samples, 60_000, 2_500)).toEqual([{ at: 4_000, lsn: 400n }]);
  });
});
