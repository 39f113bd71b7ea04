import { DEMO_TOWNSHIP, VILLAGES, type TownshipSpec } from "./villages";

// A prefecture for the benchmarks (scripts/bench/generate-data.ts): townships of the demo's size,
// the first of them the demo township 夹山镇 with its demo accounts, the others with their own
// codes, names and staff accounts and the same seventeen villages' layout.

/** Households of one township at most (Jiashan's size, DESIGN.md). */
export const TOWNSHIP_HOUSEHOLDS = 13_600;
/** Households of one township at least: ten per village, so each has three representatives. */
export const MIN_TOWNSHIP_HOUSEHOLDS = VILLAGES.length * 10;

/** The households of each township: ceil(n / 13,600) townships (`perTownship` in tests), as even as can be. */
export function splitPrefecture(households: number, perTownship = TOWNSHIP_HOUSEHOLDS): number[] {
  if (!Number.isInteger(households) || households < MIN_TOWNSHIP_HOUSEHOLDS) {
    throw new Error(`households must be an integer of at least ${MIN_TOWNSHIP_HOUSEHOLDS}, got ${households}`);
  }
  const townships = Math.ceil(households / perTownship);
  const base = Math.floor(households / townships);
  const extra = households % townships;
  return Array.from({ length: townships }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Township `index` (0-based) of the prefecture: 0 is the demo township. */
export function prefectureTownship(index: number): TownshipSpec {
  if (index === 0) return DEMO_TOWNSHIP;
  const number = String(index + 1).padStart(3, "0");
  return {
    code: `T${number}`, name: `模拟${index + 1}号镇`, county: DEMO_TOWNSHIP.county, villages: VILLAGES,
    accountPrefix: `t${number}-`, hasAdmin: false,
  };
}
