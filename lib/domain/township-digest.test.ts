import { describe, expect, it } from "vitest";
import { applyHeads, computeTownshipDigest, diffHeads, formatDigest, parseDigest, type ChainHead } from "./township-digest";

const h = (n: number) => String(n).repeat(64).slice(0, 64);
const heads = (entries: [string, ChainHead][]) => new Map(entries);
const base = heads([["b-house", { chainLength: 3, head: h(1) }], ["a-house", { chainLength: 1, head: h(2) }]]);

describe("computeTownshipDigest", () => {
  it("is one SHA-256 that does not depend on the order the heads come in", () => {
    const digest = computeTownshipDigest("t1", base);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(computeTownshipDigest("t1", heads([...base.entries()].reverse()))).toBe(digest);
  });

  it("changes with any head, length, household or township, and ignores empty chains", () => {
    const digest = computeTownshipDigest("t1", base);
    expect(computeTownshipDigest("t2", base)).not.toBe(digest);
    expect(computeTownshipDigest("t1", heads([...base, ["a-house", { chainLength: 1, head: h(3) }]]))).not.toBe(digest);
    expect(computeTownshipDigest("t1", heads([...base, ["a-house", { chainLength: 2, head: h(2) }]]))).not.toBe(digest);
    expect(computeTownshipDigest("t1", heads([...base, ["c-house", { chainLength: 1, head: h(4) }]]))).not.toBe(digest);
    expect(computeTownshipDigest("t1", heads([...base, ["c-house", { chainLength: 0, head: "" }]]))).toBe(digest);
  });
});

describe("diffHeads and applyHeads", () => {
  it("store only what changed, and rebuild the heads from a base and the change", () => {
    const current = heads([["b-house", { chainLength: 4, head: h(5) }], ["c-house", { chainLength: 1, head: h(6) }]]);
    const delta = diffHeads(base, current);
    expect(delta).toEqual({ "b-house": [4, h(5)], "c-house": [1, h(6)], "a-house": null });
    expect(applyHeads(base, delta)).toEqual(current);
    expect(diffHeads(current, current)).toEqual({});
    expect(applyHeads(new Map(), diffHeads(new Map(), base))).toEqual(base);
  });
});

describe("formatDigest and parseDigest", () => {
  const printed = { townshipCode: "JS", takenAt: new Date("2026-12-01T16:00:00Z"), digest: h(7) };

  it("print the township, the minute and every hex digit, and read them back", () => {
    const text = formatDigest(printed);
    expect(text).toBe(`JS-20261201T1600Z-${h(7)}`);
    expect(parseDigest(text)).toEqual(printed);
  });

  it("read a digest retyped from paper: spaces, line breaks and upper case", () => {
    const retyped = `JS-20261201T1600Z-${h(7).slice(0, 32)}\n ${h(7).slice(32).toUpperCase()}`;
    expect(parseDigest(retyped)).toEqual(printed);
  });

  it("refuse a digit missing, an impossible time or no township", () => {
    expect(parseDigest(`JS-20261201T1600Z-${h(7).slice(1)}`)).toBeNull();
    expect(parseDigest(`JS-20261301T1600Z-${h(7)}`)).toBeNull();
    expect(parseDigest(`JS-20261201T2460Z-${h(7)}`)).toBeNull();
    expect(parseDigest(`20261201T1600Z-${h(7)}`)).toBeNull();
  });
});
