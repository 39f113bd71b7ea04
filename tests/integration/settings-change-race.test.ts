import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { chinaToday } from "@/lib/domain/entry-date";
import { ALL_TIME } from "@/lib/domain/household-scores";
import { previousQuarter, quarterEnd, quarterOf, type Quarter } from "@/lib/domain/quarter";
import { db } from "@/lib/server/db";
import { voidEntry } from "@/lib/server/entries/void-entry";
import { decideRectification } from "@/lib/server/rectifications/decide-rectification";
import { requestRectification } from "@/lib/server/rectifications/request-rectification";
import { castBallot } from "@/lib/server/reviews/cast-ballot";
import { closeReview } from "@/lib/server/reviews/close-review";
import { openReview } from "@/lib/server/reviews/open-review";
import { unsafeVerifyScores } from "@/lib/server/scores/verify-scores";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { decideByReview } from "../helpers/archive-fixtures";
import { actorOf, createReviewVillage, recordVillageEntry, testContext, type ReviewVillage } from "../helpers/review-village";

// A settings change taking effect today re-weighs the township's score rows while entries of its
// households change status: a quarterly review closing, voids, rectifications, started a few
// milliseconds apart, the settings change a little later each round so that it falls at another
// point of the burst (before the fix, rounds after the first left rows under the superseded
// version, and rows naming the new version with a score from superseded marks). Whatever the interleaving, every maintained row must end as a
// full recomputation from the chains gives it (the verifier), with no job run in between. Each
// household is changed by one of them only, so that no later refresh hides a row the race left
// stale. One township per round, since a township takes one settings version a day.

const ROUNDS = 4;
const GROUP = 8; // households whose entry is decided by the review, then as many with an entry voided, then with a yellow rectified
const HOUSEHOLDS = 3 * GROUP;
const DAY = 86_400_000;
const STAGGER_MS = 40;

const now = new Date();
const today = chinaToday(now);
// The last quarter that has ended (its entries are decided during the race), and the one before.
const raceQuarter = previousQuarter(quarterOf(new Date(`${today}T00:00:00Z`)));
const setupQuarter = previousQuarter(raceQuarter);
const dayIn = (q: Quarter, n: number) => new Date(quarterEnd(q).getTime() - n * DAY).toISOString().slice(0, 10);
const closingTime = new Date(quarterEnd(raceQuarter).getTime() + 26 * 3_600_000); // 10:00 in China, the day after
const after = <T>(ms: number, run: () => Promise<T>) => new Promise((resolve) => setTimeout(resolve, ms)).then(run);

type Round = { village: ReviewVillage; official: string; reviewId: string; voids: string[]; rectifications: string[] };

/** A township whose households have decided entries, and the changes that will race the settings change. */
async function prepareRound(k: number): Promise<Round> {
  const code = `R${k}`;
  // Created years ago, so that its first settings version (a trigger's) leaves today free for the change.
  const township = await db.township.create({ data: { code, name: `竞态镇${k}`, county: "石门县", createdAt: new Date("2019-01-01") }, select: { id: true } });
  const official = `official-${code.toLowerCase()}`;
  await db.account.create({ data: { username: official, displayName: `竞态镇干部${k}`, role: "TOWNSHIP_OFFICIAL", townshipId: township.id } });
  const village = await createReviewVillage({ code: `V${k}`, township: code, representatives: 3, households: HOUSEHOLDS });
  const voidable: string[] = [];
  const yellows: string[] = [];
  const decided: string[] = [];
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const red = await recordVillageEntry(village, i, "RED", dayIn(setupQuarter, 10 + i));
    decided.push(red);
    if (i >= GROUP && i < 2 * GROUP) voidable.push(red);
    if (i % 4 === 0) decided.push(await recordVillageEntry(village, i, "BLACK", dayIn(setupQuarter, 30)));
    if (i >= 2 * GROUP) {
      yellows.push(await recordVillageEntry(village, i, "YELLOW", dayIn(setupQuarter, 40)));
      decided.push(yellows.at(-1)!);
    }
  }
  await decideByReview(decided);
  const rectifications: string[] = [];
  for (const id of yellows) {
    rectifications.push((await requestRectification(village.clerk, id, { note: "已清理干净并保证不再发生", evidenceIds: [] }, testContext)).id);
  }
  // Entries of the last ended quarter, put to a review whose ballots are cast: closing it decides them.
  for (let i = 0; i < GROUP; i++) await recordVillageEntry(village, i, i % 3 === 2 ? "YELLOW" : "RED", dayIn(raceQuarter, 5 + i));
  const review = await openReview(village.clerk, village.villageId, raceQuarter, testContext, closingTime);
  for (const rep of village.reps) await castBallot(rep, review.id, { defaultDecision: "APPROVE", exceptions: [] }, testContext);
  return { village, official, reviewId: review.id, voids: voidable, rectifications };
}

/** Every row of the townships says what its own parts give under the version it names, and all time is the sum of the years. */
async function expectSelfConsistent(townshipIds: string[]) {
  const rows = await db.householdScore.findMany({ where: { townshipId: { in: townshipIds } } });
  const versions = new Map((await db.townshipSettings.findMany({ where: { townshipId: { in: townshipIds } } })).map((v) => [v.id, v]));
  const problems: string[] = [];
  for (const row of rows) {
    if (row.year === ALL_TIME) {
      const sum = rows.filter((r) => r.householdId === row.householdId && r.year !== ALL_TIME).reduce((n, r) => n + r.score, 0);
      if (row.score !== sum) problems.push(`${row.householdId} all time: ${row.score}, years sum to ${sum}`);
      continue;
    }
    const w = versions.get(row.settingsId!)!;
    const want = row.redMarks * w.weightRed - row.activeYellowMarks * w.weightYellow - row.blackMarks * w.weightBlack;
    if (row.score !== want) problems.push(`${row.householdId} ${row.year}: ${row.score}, its parts give ${want}`);
  }
  expect(problems).toEqual([]);
}

describe("a settings change from today racing entries being decided", () => {
  it("leaves every maintained score equal to a full recomputation", async () => {
    const rounds: Round[] = [];
    for (let k = 0; k < ROUNDS; k++) rounds.push(await prepareRound(k));
    for (const [k, round] of rounds.entries()) {
      const { village } = round;
      const official = await actorOf(round.official);
      const { id: _id, effectiveFrom: _from, ...current } = await settingsInForce(db, village.townshipId, today);
      const weights = { weightRed: 3 + k, weightYellow: 2, weightBlack: 5 + k };
      const results = await Promise.allSettled([
        after(k * 3 * STAGGER_MS, () => changeTownshipSettings(official, { ...current, ...weights, effectiveFrom: today, reason: `并发测试 ${k}` }, testContext, now)),
        after((k % 3) * STAGGER_MS, () => closeReview(village.clerk, round.reviewId, { meetingDate: chinaToday(closingTime), minutes: "测试会议记录" }, testContext, closingTime)),
        ...round.voids.map((id, i) => after(2 * i * STAGGER_MS, () => voidEntry(village.clerk, id, { reason: "重复录入" }, testContext))),
        ...round.rectifications.map((id, i) => after((2 * i + 1) * STAGGER_MS, () =>
          decideRectification(village.clerk, id, { decision: "APPROVE", reason: "现场核实已整改" }, testContext))),
      ]);
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    }
    await expectSelfConsistent(rounds.map((r) => r.village.townshipId));
    const check = await unsafeVerifyScores(now);
    expect(check.mismatches).toEqual([]);
  });
});
