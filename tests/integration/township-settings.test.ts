import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { chinaToday, dayAfter } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { getRankings } from "@/lib/server/rankings/get-rankings";
import { refreshStaleScores } from "@/lib/server/scores/refresh-stale-scores";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";
import { getTownshipSettings } from "@/lib/server/township-settings/get-settings";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { callApi } from "../helpers/api-client";
import { fields } from "../helpers/error-details";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";
import { actorOf, testContext as ctx } from "../helpers/review-village";

// Township settings (issue 9 point 1): effective-dated versions, audited, applied to the
// maintained scores at once from today or by the hourly job on a later day. The tests run in
// order on one database: a township has one version per day, so each change takes its own day.

const official = { username: "official" };
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (error) => error);
const inDays = (day: string, n: number): string => (n === 0 ? day : inDays(dayAfter(day), n - 1));
const noonInChina = (day: string) => new Date(`${day}T04:00:00Z`);

const now = new Date();
const today = chinaToday(now);
const year = Number(today.slice(0, 4));
let townshipId: string;
let other: OtherTownship;

// The seeded settings in force today (beforeAll), the base of every change below.
let base: {
  weightRed: number; weightYellow: number; weightBlack: number; civilizedMinReds: number; noticePeriodDays: number;
  noticeHidesNegativeDetail: boolean; honourBoardEnabled: boolean; extractValidityDays: number;
};
let seededVersions: number;
const snapshot = async () => ({
  versions: await db.townshipSettings.count(), audit: await db.auditLog.count(),
  scores: await db.householdScore.findMany({ orderBy: [{ householdId: "asc" }, { year: "asc" }], select: { householdId: true, year: true, score: true, settingsId: true } }),
});
/** Each ranked household's score is its parts under these weights. */
function expectScoredWith(items: { score: number; redMarks: number; activeYellowMarks: number; blackMarks: number }[], w: typeof base) {
  expect(items.length).toBeGreaterThan(0);
  for (const r of items) expect(r.score).toBe(r.redMarks * w.weightRed - r.activeYellowMarks * w.weightYellow - r.blackMarks * w.weightBlack);
}

beforeAll(async () => {
  ({ id: townshipId } = await db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } }));
  other = await createOtherTownship("QS");
  const { id: _id, effectiveFrom: _from, ...values } = await settingsInForce(db, townshipId, today);
  base = values;
  seededVersions = await db.townshipSettings.count({ where: { townshipId } });
});

describe("changing the township's settings", () => {
  it("refuses bad input field by field and a day before today, writing nothing", async () => {
    const before = await snapshot();
    const bad = await callApi("POST", "/api/v1/township/settings", {
      as: official, body: { ...base, effectiveFrom: "2026-13-01", weightRed: 101, weightBlack: -1, civilizedMinReds: 51, noticePeriodDays: 0, extractValidityDays: 29, reason: " " },
    });
    expect(bad.status, JSON.stringify(bad.body)).toBe(400);
    expect(fields(bad.body.error.details)).toEqual(["civilizedMinReds", "effectiveFrom", "extractValidityDays", "noticePeriodDays", "reason", "weightBlack", "weightRed"]);
    expect(bad.body.error.details.find((d: { field: string }) => d.field === "weightRed").message).toBe("权重须为 0 到 100 之间的整数。");

    const past = await callApi("POST", "/api/v1/township/settings", { as: official, body: { ...base, effectiveFrom: "2026-01-01", reason: "补记年初的调整" } });
    expect(past.status, JSON.stringify(past.body)).toBe(422);
    expect(past.body.error.message).toContain(`不能早于今天（${today}）`);
    expect(fields(past.body.error.details)).toEqual(["effectiveFrom"]);
    expect(await snapshot()).toEqual(before);
  });

  it("is for the township's officials only; another township's official changes only his own", async () => {
    const before = await snapshot();
    for (const username of ["clerk-xinhua", "admin", "rep-xinhua-1", "JS-XH-00001"]) {
      const res = await callApi("POST", "/api/v1/township/settings", { as: { username }, body: { ...base, effectiveFrom: today, reason: "越权修改" } });
      expect(res.status, username).toBe(403);
    }
    await expect(failure(changeTownshipSettings(await actorOf("clerk-xinhua"), { ...base, effectiveFrom: today, reason: "越权修改" }, ctx)))
      .resolves.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);

    // The other township's official: the version is his township's, whatever he asks for.
    const theirs = await callApi("POST", "/api/v1/township/settings?township=JS", { as: { username: other.officialUsername }, body: { ...base, weightRed: 9, effectiveFrom: inDays(today, 1), reason: "秦团镇调整" } });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    const written = await db.townshipSettings.findUniqueOrThrow({ where: { id: theirs.body.version.id }, select: { townshipId: true } });
    expect(written.townshipId).toBe(other.townshipId);
    expect(await db.townshipSettings.count({ where: { townshipId } })).toBe(seededVersions);
    // Reading: each official sees his own township; an administrator chooses one.
    const read = await callApi("GET", "/api/v1/township/settings?township=JS", { as: { username: other.officialUsername } });
    expect(read.body.township.id).toBe(other.townshipId);
    // A new township starts with DESIGN.md's defaults from the day it was created (a trigger).
    expect(read.body.current).toMatchObject({ weightRed: 1, weightYellow: 1, weightBlack: 3, reason: "建镇时的默认设置" });
    expect(read.body.items[0]).toMatchObject({ weightRed: 9, status: "SCHEDULED", reason: "秦团镇调整", createdBy: { displayName: "秦团镇干部" } });
    const admin = await callApi("GET", "/api/v1/township/settings?township=QS", { as: { username: "admin" } });
    expect(admin.body).toMatchObject({ township: { code: "QS" }, items: [{ weightRed: 9 }, { weightRed: 1 }] });
    expect((await callApi("GET", "/api/v1/township/settings", { as: { username: "clerk-xinhua" } })).status).toBe(403);
  });

  it("from today: writes the version and its audit record and recomputes every score in the same transaction", async () => {
    const actor = await actorOf("official");
    const ranked = await getRankings(actor, { year, pageSize: 200 }, now);
    expectScoredWith(ranked.items, base);
    const seeded = ranked.settings!;
    const top = ranked.items[0]!;
    expect(top.redMarks).toBeGreaterThan(0);

    const weights = { ...base, weightRed: base.weightRed + 4, weightBlack: base.weightBlack + 1 };
    const result = await changeTownshipSettings(actor, { ...weights, effectiveFrom: today, reason: "镇党委会议决定提高红榜分值" }, ctx, now);
    const scored = await db.householdScore.count({ where: { townshipId } });
    expect(result).toMatchObject({ scheduled: false, version: { effectiveFrom: today, weightRed: weights.weightRed, reason: "镇党委会议决定提高红榜分值", createdBy: { displayName: actor.displayName } } });
    expect(result.refreshedHouseholds).toBeGreaterThan(100);
    expect(scored).toBeGreaterThan(result.refreshedHouseholds);

    // The ranking changed at once, read from the maintained rows: no job has run.
    const after = await getRankings(actor, { year, pageSize: 200 }, now);
    expect(after.settings).toMatchObject({ id: result.version.id, weightRed: weights.weightRed });
    expectScoredWith(after.items, weights);
    const topAfter = after.items.find((r) => r.householdId === top.householdId)!;
    expect(topAfter.score).toBe(top.redMarks * weights.weightRed - top.activeYellowMarks * weights.weightYellow - top.blackMarks * weights.weightBlack);
    expect(topAfter.score).toBe(top.score + 4 * top.redMarks - top.blackMarks);
    expect(await db.householdScore.count({ where: { townshipId, year, settingsId: { not: result.version.id } } })).toBe(0);
    // Past years keep the settings they were judged by.
    expect(await db.householdScore.count({ where: { townshipId, year: year - 1, settingsId: seeded.id } }))
      .toBe(await db.householdScore.count({ where: { townshipId, year: year - 1 } }));

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "township.settings.change", townshipId }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      actorId: actor.id, targetType: "TownshipSettings", targetId: result.version.id,
      before: { id: seeded.id, weightRed: base.weightRed, weightBlack: base.weightBlack },
      after: { id: result.version.id, weightRed: weights.weightRed, weightBlack: weights.weightBlack, reason: "镇党委会议决定提高红榜分值" },
    });
  });

  it("refuses a second version for the same day (409) and writes nothing", async () => {
    const before = await snapshot();
    const res = await callApi("POST", "/api/v1/township/settings", { as: official, body: { ...base, weightRed: 6, effectiveFrom: today, reason: "再改一次" } });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.error.message).toContain(today);
    expect(await snapshot()).toEqual(before);
  });

  it("from a later day: scheduled, today's ranking unchanged, applied by the hourly job on its day", async () => {
    const actor = await actorOf("official");
    const day = inDays(today, 3);
    const dayYear = Number(day.slice(0, 4));
    const before = await snapshot();
    const rankedToday = await getRankings(actor, { year, pageSize: 200 }, now);

    const weights = { ...base, weightRed: 2, weightYellow: 2, weightBlack: 6 };
    const res = await callApi("POST", "/api/v1/township/settings", { as: official, body: { ...weights, effectiveFrom: day, reason: "明年起统一标准" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ scheduled: true, refreshedHouseholds: 0, version: { effectiveFrom: day } });
    const after = await snapshot();
    expect(after.scores).toEqual(before.scores);
    expect(after.versions).toBe(before.versions + 1);
    expect(await getRankings(actor, { year, pageSize: 200 }, now)).toEqual(rankedToday);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "township.settings.change", townshipId }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ effectiveFrom: today, weightRed: base.weightRed + 4 });

    const view = await getTownshipSettings(actor, undefined, now);
    expect(view.current).toMatchObject({ effectiveFrom: today, weightRed: base.weightRed + 4 });
    const seeded = await db.townshipSettings.findMany({ where: { townshipId, effectiveFrom: { lt: new Date(today) } }, orderBy: { effectiveFrom: "desc" }, select: { id: true } });
    expect(view).toMatchObject({ total: seeded.length + 2, today, current: { effectiveFrom: today, status: "IN_FORCE" } });
    expect(view.items).toMatchObject([
      { effectiveFrom: day, status: "SCHEDULED", weightRed: 2, reason: "明年起统一标准", createdBy: { displayName: actor.displayName } },
      { effectiveFrom: today, status: "IN_FORCE", weightRed: base.weightRed + 4 },
      ...seeded.map(({ id }) => ({ id, status: "SUPERSEDED" })),
    ]);

    // The job before that day changes nothing (unless a new year began meanwhile, which adds
    // the new year's rows); on that day it applies the version.
    if (inDays(today, 2).slice(0, 4) === today.slice(0, 4)) {
      expect(await refreshStaleScores(noonInChina(inDays(today, 2)))).toBe(0);
      expect((await snapshot()).scores).toEqual(before.scores);
    }
    const onTheDay = noonInChina(day);
    expect(await refreshStaleScores(onTheDay)).toBeGreaterThan(100);
    const applied = await getRankings(actor, { year: dayYear, pageSize: 200 }, onTheDay);
    expect(applied.settings).toMatchObject({ id: res.body.version.id });
    expectScoredWith(applied.items, weights);
    expect(await refreshStaleScores(onTheDay)).toBe(0);
  });
});
