import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { ALL_TIME } from "@/lib/domain/household-scores";
import { quarterEnd, quarterOf } from "@/lib/domain/quarter";
import { lodgeAppeal } from "@/lib/server/appeals/lodge-appeal";
import { resolveAppeal } from "@/lib/server/appeals/resolve-appeal";
import { db } from "@/lib/server/db";
import { voidEntry } from "@/lib/server/entries/void-entry";
import { getRankings } from "@/lib/server/rankings/get-rankings";
import { decideRectification } from "@/lib/server/rectifications/decide-rectification";
import { requestRectification } from "@/lib/server/rectifications/request-rectification";
import { refreshStaleScores } from "@/lib/server/scores/refresh-stale-scores";
import { unsafeVerifyScores } from "@/lib/server/scores/verify-scores";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { decideByReview } from "../helpers/archive-fixtures";
import { actorOf, createReviewVillage, recordVillageEntry, testContext, type ReviewVillage } from "../helpers/review-village";

// The maintained scores and the rankings against a brute-force recomputation from the entries,
// on a village filled at random (seeded: SCORES_SEED reproduces a failure) through the app's own
// use cases: entries over three years, a quarterly review that confirms most and rejects some,
// yellows rectified before and after their review, voids, appeals upheld and dismissed. Then
// the weights change, from successive days, and everything is compared again.

const SEED = Number(process.env.SCORES_SEED ?? Date.now() % 1_000_000);
const HOUSEHOLDS = 24;
const DAY = 86_400_000;

function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), chance: (p: number) => next() < p };
}

type Weights = { weightRed: number; weightYellow: number; weightBlack: number };

/** Score rows as the rules say, counted directly from the entries' stored statuses. */
async function bruteForce(village: ReviewVillage, weightsOf: (year: number) => Weights, currentYear: number) {
  const entries = await db.entry.findMany({
    where: { householdId: { in: village.households } }, select: { id: true, householdId: true, category: true, status: true, marks: true, occurredOn: true },
  });
  // The day (China) each confirmed yellow was rectified.
  const rectifiedOn = new Map((await db.entryEvent.findMany({
    where: { householdId: { in: village.households }, fromStatus: "CONFIRMED", toStatus: "RECTIFIED" }, select: { entryId: true, createdAt: true },
  })).map((e) => [e.entryId, chinaToday(e.createdAt)]));
  const rows = new Map<string, Map<number, { red: number; yellow: number; black: number; score: number; unrectified: number }>>();
  for (const householdId of village.households) rows.set(householdId, new Map());
  const first = new Map<string, number>();
  for (const e of entries) first.set(e.householdId, Math.min(first.get(e.householdId) ?? 9999, e.occurredOn.getUTCFullYear()));
  for (const [householdId, years] of rows) {
    const from = first.get(householdId);
    if (from === undefined) continue;
    let total = 0;
    for (let year = from; year <= currentYear; year++) {
      const mine = entries.filter((e) => e.householdId === householdId && e.occurredOn.getUTCFullYear() === year && e.status === "CONFIRMED");
      const sum = (category: string) => mine.filter((e) => e.category === category).reduce((n, e) => n + e.marks, 0);
      const w = weightsOf(year);
      const [red, yellow, black] = [sum("RED"), sum("YELLOW"), sum("BLACK")];
      const score = red * w.weightRed - yellow * w.weightYellow - black * w.weightBlack;
      // Yellows of the year or before, confirmed and not rectified by the year's end.
      const yearEnd = `${year}-12-31`;
      const unrectified = entries.filter((e) => e.householdId === householdId && e.category === "YELLOW"
        && e.occurredOn.toISOString().slice(0, 10) <= yearEnd
        && (e.status === "CONFIRMED" || (e.status === "RECTIFIED" && (rectifiedOn.get(e.id) ?? "") > yearEnd))).length;
      years.set(year, { red, yellow, black, score, unrectified });
      total += score;
    }
    years.set(ALL_TIME, { red: 0, yellow: 0, black: 0, score: total, unrectified: 0 });
  }
  return rows;
}

async function expectMatches(village: ReviewVillage, weightsOf: (year: number) => Weights, now: Date) {
  const currentYear = Number(chinaToday(now).slice(0, 4));
  const expected = await bruteForce(village, weightsOf, currentYear);
  const official = await actorOf("official");
  for (const year of [currentYear - 2, currentYear - 1, currentYear, ALL_TIME]) {
    const want = village.households.map((id) => ({ id, score: expected.get(id)!.get(year)?.score ?? 0 }));
    const ranking = await getRankings(official, { year: year === ALL_TIME ? "all" : year, villageId: village.villageId, page: 1, pageSize: 200 }, now);
    expect(ranking.total).toBe(HOUSEHOLDS);
    for (const item of ranking.items) {
      const mine = want.find((w) => w.id === item.householdId)!;
      const higher = want.filter((w) => w.score > mine.score).length;
      const same = want.filter((w) => w.score === mine.score).length;
      expect({ year, household: item.archiveNo, score: item.score, rank: item.rank, tied: item.tied })
        .toEqual({ year, household: item.archiveNo, score: mine.score, rank: higher + 1, tied: same > 1 });
      const parts = expected.get(item.householdId)!.get(year);
      if (year !== ALL_TIME) {
        expect([item.redMarks, item.activeYellowMarks, item.blackMarks]).toEqual([parts?.red ?? 0, parts?.yellow ?? 0, parts?.black ?? 0]);
      }
    }
    if (year !== ALL_TIME) {
      const stored = await db.householdScore.findMany({ where: { householdId: { in: village.households }, year }, select: { householdId: true, unrectifiedYellows: true } });
      for (const row of stored) expect(row.unrectifiedYellows).toBe(expected.get(row.householdId)!.get(year)?.unrectified ?? 0);
    }
    // Ordered by score, best first.
    const scores = ranking.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  }
  const check = await unsafeVerifyScores(now);
  expect(check.mismatches).toEqual([]);
}

describe(`maintained scores and rankings (SCORES_SEED=${SEED})`, () => {
  it("equal a brute-force recomputation after reviews, rectifications, voids and appeals, under several weights", async () => {
    const rng = prng(SEED);
    const village = await createReviewVillage({ code: "SC", representatives: 4, households: HOUSEHOLDS });
    const now = new Date();
    const thisYear = Number(chinaToday(now).slice(0, 4));
    const lastEnded = quarterOf(new Date(Date.parse(chinaToday(now)) - 92 * DAY));

    // Entries in the quarters of three years, up to the last ended quarter.
    const recorded: { id: string; household: number; category: "RED" | "YELLOW" | "BLACK" }[] = [];
    for (let i = 0; i < 70; i++) {
      const household = rng.int(0, HOUSEHOLDS - 1);
      const category = rng.chance(0.65) ? "RED" : rng.chance(0.7) ? "YELLOW" : "BLACK";
      const start = Date.UTC(thisYear - 2, 0, 1);
      const end = quarterEnd(lastEnded).getTime();
      const day = new Date(start + rng.int(0, Math.floor((end - start) / DAY)) * DAY).toISOString().slice(0, 10);
      recorded.push({ id: await recordVillageEntry(village, household, category, day), household, category });
    }
    const clerk = village.clerk;
    // Some yellows corrected before their review: they never count.
    const early = recorded.filter((e) => e.category === "YELLOW").filter(() => rng.chance(0.3));
    for (const entry of early) await rectify(clerk, entry.id);

    const pending = recorded.filter((e) => !early.includes(e));
    const rejected = pending.filter(() => rng.chance(0.15));
    await decideByReview(pending.filter((e) => !rejected.includes(e)).map((e) => e.id), rejected.map((e) => e.id));

    const confirmed = await db.entry.findMany({ where: { id: { in: recorded.map((e) => e.id) }, status: "CONFIRMED" }, select: { id: true, category: true, householdId: true } });
    for (const entry of confirmed) {
      const roll = rng.next();
      if (entry.category === "YELLOW" && roll < 0.4) await rectify(clerk, entry.id);
      else if (roll < 0.1) await voidEntry(clerk, entry.id, { reason: "重复录入" }, testContext);
      else if (roll < 0.25 && entry.category !== "RED") {
        const household = await householdActor(entry.householdId);
        const appeal = await lodgeAppeal(household, entry.id, { reason: "情况不属实" }, testContext);
        const outcome = rng.chance(0.5) ? "UPHELD" : "DISMISSED";
        await resolveAppeal(clerk, appeal.id, { outcome, resolution: outcome === "UPHELD" ? "经核实属实，撤销该记录" : "经核实记录无误" }, testContext);
      }
    }
    const seeded = await settingsInForce(db, village.townshipId, chinaToday(now));
    await expectMatches(village, () => seeded, now);

    const official = await actorOf("official");
    const changes: { from: string; weights: Weights }[] = [{ from: "2019-01-01", weights: seeded }];
    // The weights a year is judged by: those in force on its last day, or on the day of the check.
    const weightsFor = (day: string) => (year: number) =>
      changes.filter((c) => c.from <= (`${year}-12-31` < day ? `${year}-12-31` : day)).at(-1)!.weights;
    // From today (applied in the change's own transaction), then from the following days (by the job).
    for (const [k, weights] of [[0, { weightRed: 2, weightYellow: 3, weightBlack: 1 }], [1, { weightRed: 3, weightYellow: 2, weightBlack: 5 }], [2, { weightRed: 1, weightYellow: 0, weightBlack: 10 }], [3, { weightRed: 2, weightYellow: 4, weightBlack: 0 }]] as const) {
      const day = new Date(now.getTime() + k * DAY);
      const { id: _id, effectiveFrom: _from, ...current } = await settingsInForce(db, village.townshipId, chinaToday(day));
      const before = await db.householdScore.findMany({
        where: { householdId: { in: village.households }, year: thisYear }, orderBy: { householdId: "asc" }, select: { score: true, redMarks: true },
      });
      await changeTownshipSettings(official, { ...current, ...weights, effectiveFrom: chinaToday(day), reason: `测试权重 ${k}` }, testContext, now);
      changes.push({ from: chinaToday(day), weights });
      await refreshStaleScores(day);
      await expectMatches(village, weightsFor(chinaToday(day)), day);
      // While the running year has confirmed marks (from April on), its scores follow the new weights.
      const after = await db.householdScore.findMany({
        where: { householdId: { in: village.households }, year: thisYear }, orderBy: { householdId: "asc" }, select: { score: true },
      });
      if (before.some((r) => r.redMarks > 0)) expect(after.map((r) => r.score)).not.toEqual(before.map((r) => r.score));
    }
  });
});

async function rectify(clerk: Awaited<ReturnType<typeof actorOf>>, entryId: string) {
  const request = await requestRectification(clerk, entryId, { note: "已清理干净并保证不再发生", evidenceIds: [] }, testContext);
  await decideRectification(clerk, request.id, { decision: "APPROVE", reason: "现场核实已整改" }, testContext);
}

async function householdActor(householdId: string) {
  const username = `home-${householdId}`;
  const existing = await db.account.findUnique({ where: { username }, select: { id: true } });
  if (!existing) {
    const household = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { village: { select: { townshipId: true, id: true } } } });
    await db.account.create({
      data: { username, displayName: "户主", role: "HOUSEHOLD", townshipId: household.village.townshipId, villageId: household.village.id, householdId },
    });
  }
  return actorOf(username);
}
