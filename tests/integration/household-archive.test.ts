import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { changeTownshipSettings } from "@/lib/server/township-settings/change-settings";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { callApi } from "../helpers/api-client";
import { archiveOf, recordEntry, ruleOf, today } from "../helpers/archive-fixtures";
import { createOtherTownship } from "../helpers/other-township";
import { actorOf, testContext } from "../helpers/review-village";

type Entry = { id: string; category: string; status: string; marks: number; year: number; occurredOn: string; [key: string]: unknown };

const household = { username: "JS-XH-00001" };
let homeId: string;
let townshipId: string;

// A photo row as an upload leaves it (the archive lists photos; their bytes are evidence.test.ts's business).
const photoRow = (uploadedById: string) => db.evidencePhoto.create({
  data: { storageKey: `evidence/${randomUUID()}.jpg`, mimeType: "image/jpeg", width: 10, height: 10, bytes: 100, sha256: randomUUID().replaceAll("-", "").repeat(2), uploadedById },
  select: { id: true },
});

beforeAll(async () => {
  const home = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true, village: { select: { townshipId: true } } } });
  homeId = home.id;
  townshipId = home.village.townshipId;
});

describe("GET /api/v1/households/{id}/archive", () => {
  it("shows the demo household its whole history, its score and why it is not eligible yet", async () => {
    const archive = await archiveOf(homeId, household);
    expect(archive.household).toMatchObject({ id: homeId, archiveNo: "JS-XH-00001", village: { name: "新花村" } });
    // The seeded settings in force today (prisma/seed/settings.ts: a black weighs 5 from 2023).
    const { weightRed, weightYellow, weightBlack, civilizedMinReds } = await settingsInForce(db, townshipId, today());
    expect(archive.settings).toEqual({ weightRed, weightYellow, weightBlack, civilizedMinReds });
    expect(archive.settings).toMatchObject({ weightRed: 1, civilizedMinReds: 1 });
    expect(archive.asOf).toBe(today());
    const entries: Entry[] = archive.entries;
    expect(entries).toHaveLength(await db.entry.count({ where: { householdId: homeId } }));
    const dates = entries.map((e) => e.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());

    // Reds confirmed over the years, a yellow corrected and erased, reds awaiting review: two put to
    // 新花村's open review of the last ended quarter and one of this quarter (prisma/seed/entries.ts).
    const reds = (status: string) => entries.filter((e) => e.category === "RED" && e.status === status);
    const confirmed = reds("CONFIRMED").reduce((n, e) => n + e.marks, 0);
    expect(confirmed).toBeGreaterThan(0);
    expect(archive.cumulative).toMatchObject({ score: confirmed, red: confirmed, activeYellow: 0, black: 0 });
    expect(archive.cumulative.marks.YELLOW.RECTIFIED).toBeGreaterThanOrEqual(1);
    expect(archive.cumulative.entries.RED).toMatchObject({ CONFIRMED: reds("CONFIRMED").length, PENDING: reds("PENDING").length });
    expect(reds("PENDING").length).toBeGreaterThanOrEqual(3);
    const rectified = entries.find((e) => e.status === "RECTIFIED");
    expect(rectified).toMatchObject({
      category: "YELLOW", canRequestRectification: false, canAppeal: false,
      rectifications: [{ status: "APPROVED", decisionReason: expect.stringContaining("已整改到位"), decidedAt: expect.any(String) }],
    });
    expect(entries.find((e) => e.status === "PENDING")).toMatchObject({ category: "RED", canAppeal: false, canRequestRectification: false });
    expect(entries[0]).toMatchObject({ rule: { code: expect.any(String), title: expect.any(String) }, evidence: expect.any(Array) });

    const year = Number(today().slice(0, 4));
    const ofYear = (status: string) => entries.filter((e) => e.year === year && e.category === "RED" && e.status === status).reduce((n, e) => n + e.marks, 0);
    expect(archive.thisYear).toMatchObject({ red: ofYear("CONFIRMED"), score: ofYear("CONFIRMED") });
    expect(archive.eligibility).toMatchObject({ year, eligible: ofYear("CONFIRMED") >= 1, blacks: 0, unrectifiedYellows: 0 });
    if (ofYear("CONFIRMED") === 0) {
      expect(archive.eligibility.reasons).toEqual([{ code: "TOO_FEW_REDS", have: 0, need: 1 }]);
      if (ofYear("PENDING") > 0) expect(archive.eligibility.notices).toContainEqual({ code: "PENDING_REDS", count: ofYear("PENDING"), wouldSuffice: true });
    }
    expect(archive.eligibility.notices).toContainEqual({ code: "YEAR_NOT_OVER", asOf: today() });
  });

  it("uses the township's settings for the score and the threshold", async () => {
    // A new version from today (the tests after this one do not depend on the weights; a
    // township has one version per day, so it stays in force for the rest of this file).
    const current = await settingsInForce(db, townshipId, today());
    const { id: _id, effectiveFrom: _from, ...values } = current;
    await changeTownshipSettings(await actorOf("official"), { ...values, weightRed: 2, civilizedMinReds: 0, effectiveFrom: today(), reason: "测试：提高红榜分值" }, testContext);
    const archive = await archiveOf(homeId, household);
    expect(archive.settings).toMatchObject({ weightRed: 2, civilizedMinReds: 0 });
    // This year's reds count double; earlier years keep the weights they were judged by.
    expect(archive.thisYear.score).toBe(2 * archive.thisYear.red);
    expect(archive.cumulative.score).toBe(archive.cumulative.red + archive.thisYear.red);
    expect(archive.cumulative.red).toBeGreaterThan(0);
    expect(archive.eligibility).toMatchObject({ eligible: true, reasons: [], needReds: 0 });
  });

  it("shows each entry's member, evidence and due process", async () => {
    const clerk = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true } });
    const member = await db.member.findFirstOrThrow({ where: { householdId: homeId }, select: { id: true, name: true } });
    const photo = await photoRow(clerk.id);
    const recorded = await callApi("POST", "/api/v1/entries", {
      as: { username: "clerk-xinhua" },
      body: { idempotencyKey: randomUUID(), householdId: homeId, memberId: member.id, ruleId: await ruleOf("XH", "YELLOW"), occurredOn: today(), description: "乱堆柴草", evidenceIds: [photo.id] },
    });
    const asked = await callApi("POST", `/api/v1/entries/${recorded.body.id}/rectifications`, { as: household, body: { note: "已清理柴草" } });
    expect(asked.status).toBe(201);
    const entry = (await archiveOf(homeId, household)).entries.find((e: Entry) => e.id === recorded.body.id);
    expect(entry).toMatchObject({
      category: "YELLOW", status: "PENDING", description: "乱堆柴草", member: { name: member.name },
      evidence: [{ id: photo.id, url: `/api/v1/evidence/${photo.id}` }],
      rectifications: [{ status: "REQUESTED", note: "已清理柴草", decidedAt: null, decisionReason: null, evidence: [] }],
      canRequestRectification: false, canAppeal: true, appeals: [],
    });
  });

  it("is for the household itself, the clerks of its village, the township and administrators", async () => {
    const path = `/api/v1/households/${homeId}/archive`;
    for (const username of ["JS-XH-00001", "clerk-xinhua", "clerk-xinhua-2", "official", "admin"]) {
      expect((await callApi("GET", path, { as: { username } })).status, username).toBe(200);
    }
    const other = await createOtherTownship();
    for (const username of ["clerk-yangping", "JS-YP-00001", other.officialUsername]) {
      expect((await callApi("GET", path, { as: { username } })).status, username).toBe(404);
    }
    expect((await callApi("GET", path, { as: { username: "rep-xinhua-1" } })).status).toBe(403);
    expect((await callApi("GET", path)).status).toBe(401);
    expect((await callApi("GET", `/api/v1/households/${randomUUID()}/archive`, { as: { username: "admin" } })).status).toBe(404);
    expect((await callApi("GET", "/api/v1/households/not-a-uuid/archive", { as: { username: "admin" } })).status).toBe(400);
  });

  it("writes nothing when read", async () => {
    await recordEntry(homeId, "RED");
    const before = await Promise.all([db.auditLog.count(), db.entryEvent.count(), db.household.findUniqueOrThrow({ where: { id: homeId } })]);
    await archiveOf(homeId, household);
    expect(await Promise.all([db.auditLog.count(), db.entryEvent.count(), db.household.findUniqueOrThrow({ where: { id: homeId } })])).toEqual(before);
  });
});
