import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { POST as uploadRoute } from "@/app/api/v1/evidence/route";
import { POST as uploadForRectificationRoute } from "@/app/api/v1/rectifications/evidence/route";
import { EVIDENCE_UNATTACHED_MAX } from "@/lib/schemas/evidence";
import { db } from "@/lib/server/db";
import { assertUnattachedAllowance } from "@/lib/server/evidence/unattached-allowance";
import { removeUnattachedEvidence } from "@/lib/server/evidence/remove-unattached-evidence";
import { periodicJobs } from "@/lib/server/jobs/periodic-jobs";
import { runPeriodicJob } from "@/lib/server/jobs/start-periodic-jobs";
import { systemContext } from "@/lib/server/jobs/system-context";
import { storage } from "@/lib/server/storage/storage";
import { appDatabaseUrl } from "../helpers/app-database";
import { callApi, sessionCookieFor } from "../helpers/api-client";
import { recordEntry } from "../helpers/archive-fixtures";

// Issue 7 point 10: photos uploaded but never attached are removed after a day, with their
// files, by a periodic job; and nobody can pile up more than EVIDENCE_UNATTACHED_MAX of them.

const uploadDir = vi.hoisted(() => {
  const dir = `.data/test-uploads/cleanup-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

const ORIGIN = "http://localhost:3000";
const DAY = 24 * 60 * 60 * 1000;
const clerk = { username: "clerk-xinhua" };
const household = { username: "JS-XH-00001" };
let homeId: string;
let ruleId: string;

async function upload(as: { username: string }, route = uploadRoute, path = "/api/v1/evidence") {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 160, b: 20 } } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([Buffer.from(png)], "p.png", { type: "image/png" }));
  const headers = { origin: ORIGIN, "accept-language": "zh-CN", cookie: await sessionCookieFor(as.username) };
  const response = await route(new Request(`${ORIGIN}${path}`, { method: "POST", body: form, headers }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}
const uploaded = async (as: { username: string }) => {
  const res = await upload(as);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};

// No row can be aged (the triggers keep evidence append-only): the clean-up is run "later" instead.
const createdAt = async (id: string) => (await db.evidencePhoto.findUniqueOrThrow({ where: { id }, select: { createdAt: true } })).createdAt;
const keyOf = async (id: string) => (await db.evidencePhoto.findUniqueOrThrow({ where: { id }, select: { storageKey: true } })).storageKey;
const files = async () => (await readdir(`${uploadDir}/evidence`).catch(() => [] as string[])).length;

beforeAll(async () => {
  homeId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00002" }, select: { id: true } })).id;
  ruleId = (await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "XH" }, status: "ADOPTED" }, category: "RED" }, select: { id: true } })).id;
});

describe("removing unattached uploads", () => {
  it("removes a day-old unattached photo with its file and an audit record by the system; keeps fresh and attached ones", async () => {
    const [stale, alsoStale, forEntry] = [await uploaded(clerk), await uploaded(clerk), await uploaded(clerk)];
    const forRequest = (await upload(household, uploadForRectificationRoute, "/api/v1/rectifications/evidence")).body.id as string;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const fresh = await uploaded(clerk);
    // Run exactly a day after the last upload: it is a day old, not older; the others are older.
    const later = new Date((await createdAt(fresh)).getTime() + DAY);
    for (const id of [stale, alsoStale, forEntry, forRequest]) expect((await createdAt(id)).getTime()).toBeLessThan(later.getTime() - DAY);
    const recorded = await callApi("POST", "/api/v1/entries", {
      as: clerk, body: { idempotencyKey: randomUUID(), householdId: homeId, ruleId, occurredOn: "2026-11-02", description: "拾金不昧", evidenceIds: [forEntry] },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const yellow = await recordEntry((await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id, "YELLOW");
    const requested = await callApi("POST", `/api/v1/entries/${yellow}/rectifications`, { as: household, body: { note: "已整改", evidenceIds: [forRequest] } });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);

    const keys = Object.fromEntries(await Promise.all([stale, alsoStale, fresh, forEntry, forRequest].map(async (id) => [id, await keyOf(id)])));
    const audit = await db.auditLog.count();
    const photosBefore = await db.evidencePhoto.count();

    expect(await removeUnattachedEvidence(systemContext("test"), new Date())).toEqual({ removed: 0 }); // none is a day old yet
    expect(await removeUnattachedEvidence(systemContext("test"), later)).toEqual({ removed: 2 });

    expect(await db.evidencePhoto.findMany({ where: { id: { in: [stale, alsoStale] } } })).toEqual([]);
    expect(await db.evidencePhoto.count()).toBe(photosBefore - 2);
    for (const id of [stale, alsoStale]) expect(await storage().get(keys[id]!), id).toBeNull();
    for (const id of [fresh, forEntry, forRequest]) expect(await storage().get(keys[id]!), id).not.toBeNull();

    const records = await db.auditLog.findMany({ where: { action: "evidence.removeUnattached" }, orderBy: { id: "asc" } });
    expect(await db.auditLog.count()).toBe(audit + 2);
    expect(records.map((r) => r.targetId).sort()).toEqual([stale, alsoStale].sort());
    const clerkAccount = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { id: true, townshipId: true, villageId: true } });
    for (const record of records) {
      expect(record).toMatchObject({ actorId: null, targetType: "EvidencePhoto", townshipId: clerkAccount.townshipId, villageId: clerkAccount.villageId, ip: "system" });
      expect(record.before).toMatchObject({ uploadedById: clerkAccount.id });
    }

    expect(await removeUnattachedEvidence(systemContext("test"), later)).toEqual({ removed: 0 }); // nothing left to do
  });

  it("runs as the periodic job evidence.removeUnattached, skipped while another instance holds its lock", async () => {
    const job = periodicJobs.find((j) => j.name === "evidence.removeUnattached")!;
    expect(job.everyMs).toBeLessThanOrEqual(DAY);
    const stale = await uploaded(clerk);
    // The job runs at the real time: pretend it is a day and a minute later (only Date is faked).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date((await createdAt(stale)).getTime() + DAY + 60_000));
    onTestFinished(() => { vi.useRealTimers(); });

    const otherInstance = new pg.Client({ connectionString: appDatabaseUrl });
    await otherInstance.connect();
    try {
      await otherInstance.query("SELECT pg_advisory_lock(7260102, hashtext('evidence.removeUnattached'))");
      expect(await runPeriodicJob(job)).toBe("busy");
      expect(await db.evidencePhoto.count({ where: { id: stale } })).toBe(1);
      await otherInstance.query("SELECT pg_advisory_unlock(7260102, hashtext('evidence.removeUnattached'))");
    } finally {
      await otherInstance.end();
    }
    expect(await runPeriodicJob(job)).toBe("done");
    expect(await db.evidencePhoto.count({ where: { id: stale } })).toBe(0);
  });

  it("logs a failing job instead of throwing", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await runPeriodicJob({ name: "test.fails", everyMs: DAY, run: () => Promise.reject(new Error("boom")) })).toBe("failed");
      expect(error).toHaveBeenCalledWith("[jobs] test.fails failed", expect.objectContaining({ message: "boom" }));
    } finally {
      error.mockRestore();
    }
  });
});

describe("the cap on unattached uploads", () => {
  const uploader = { username: "clerk-yangping" };

  let yangpingHouseholdId: string;
  let yangpingRuleId: string;
  beforeAll(async () => {
    const { homeHouseholdId } = await db.account.findUniqueOrThrow({ where: { username: uploader.username }, select: { homeHouseholdId: true } });
    yangpingHouseholdId = (await db.household.findFirstOrThrow({
      where: { village: { code: "YP" }, status: "ACTIVE", ...(homeHouseholdId ? { id: { not: homeHouseholdId } } : {}) }, select: { id: true },
    })).id;
    yangpingRuleId = (await db.rule.findFirstOrThrow({ where: { ruleSet: { village: { code: "YP" }, status: "ADOPTED" }, category: "RED" }, select: { id: true } })).id;
  });

  it(`refuses the ${EVIDENCE_UNATTACHED_MAX + 1}st unattached photo of a day, saying how many and that they expire, and writes nothing`, async () => {
    const account = await db.account.findUniqueOrThrow({ where: { username: uploader.username }, select: { id: true } });
    const held = await db.evidencePhoto.count({ where: { uploadedById: account.id, entryId: null, rectificationId: null } });
    const ids: string[] = [];
    for (let i = held; i < EVIDENCE_UNATTACHED_MAX; i++) ids.push(await uploaded(uploader));

    const before = { photos: await db.evidencePhoto.count(), audit: await db.auditLog.count(), files: await files() };
    const refused = await upload(uploader);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: "RATE_LIMITED",
      message: "您在过去 24 小时内已上传 30 张还没有用到记录或申请里的照片，最多只能有 30 张。请先把它们用到记录或申请里；没有用到的照片会在上传 24 小时后自动删除，之后就可以再上传。",
    });
    expect({ photos: await db.evidencePhoto.count(), audit: await db.auditLog.count(), files: await files() }).toEqual(before);

    // Photos older than a day no longer count (they are about to be removed)…
    const later = new Date((await createdAt(ids.at(-1)!)).getTime() + DAY + 1);
    await expect(assertUnattachedAllowance(db, account.id, later)).resolves.toBeUndefined();
    // …nor do attached ones: once one is used, one more may be uploaded.
    const recorded = await callApi("POST", "/api/v1/entries", {
      as: uploader, body: { idempotencyKey: randomUUID(), householdId: yangpingHouseholdId, ruleId: yangpingRuleId, occurredOn: "2026-11-02", description: "帮助邻居", evidenceIds: [ids[0]] },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect((await upload(uploader)).status).toBe(201);
    expect((await upload(uploader)).status).toBe(429);
  });
});
