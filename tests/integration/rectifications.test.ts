import "../helpers/app-database";
import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadRoute } from "@/app/api/v1/evidence/[id]/route";
import { POST as uploadRoute } from "@/app/api/v1/rectifications/evidence/route";
import { db } from "@/lib/server/db";
import { callApi, sessionCookieFor } from "../helpers/api-client";
import {
  archiveOf, audited, counts, expectChainIntact, freshHousehold, householdAccountFor, recordConfirmed, recordEntry,
  refused,
} from "../helpers/archive-fixtures";
import { messages } from "../helpers/error-details";

// Photos of this file go to a directory of its own under the git-ignored .data/, removed at the end.
const uploadDir = vi.hoisted(() => {
  const dir = `.data/test-uploads/rectifications-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = dir;
  return dir;
});
afterAll(() => rm(uploadDir, { recursive: true, force: true }));

const ORIGIN = "http://localhost:3000";
const clerk = { username: "clerk-xinhua" };
const otherClerk = { username: "clerk-yangping" };
const household = { username: "JS-XH-00001" };
const rep = { username: "rep-xinhua-1" };
const official = { username: "official" };
let homeId: string;
let xinhuaId: string;
let neighbour: { username: string; householdId: string }; // another household of 新花村
let yangping: { username: string };

const request = (entryId: string, as: { username: string }, body: unknown = { note: "已清理干净，以后定点投放" }) =>
  callApi("POST", `/api/v1/entries/${entryId}/rectifications`, { as, body });
const decide = (id: string, as: { username: string }, body: unknown) => callApi("POST", `/api/v1/rectifications/${id}/decision`, { as, body });

async function upload(as: { username: string }, width = 200) {
  const png = await sharp({ create: { width, height: 150, channels: 3, background: { r: 30, g: 120, b: 40 } } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([Buffer.from(png)], "fixed.png", { type: "image/png" }));
  const headers = { origin: ORIGIN, "accept-language": "zh-CN", cookie: await sessionCookieFor(as.username) };
  const response = await uploadRoute(new Request(`${ORIGIN}/api/v1/rectifications/evidence`, { method: "POST", body: form, headers }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

async function download(as: { username: string }, id: string) {
  const headers = { origin: ORIGIN, cookie: await sessionCookieFor(as.username) };
  const response = await downloadRoute(new Request(`${ORIGIN}/api/v1/evidence/${id}`, { headers }), { params: Promise.resolve({ id }) });
  return response.status;
}

beforeAll(async () => {
  homeId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id;
  xinhuaId = (await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } })).id;
  neighbour = await householdAccountFor("JS-XH-00002");
  yangping = { username: "JS-YP-00001" };
});

describe("requesting a rectification", () => {
  it("lets a household ask for its own yellow, with a note and its own photos attached by rectificationId", async () => {
    const entryId = await recordEntry(homeId, "YELLOW");
    const photos = [(await upload(household)).body.id, (await upload(household, 300)).body.id];
    const before = await counts();
    const res = await audited("rectification.request", () => request(entryId, household, { note: "已把垃圾清运干净", evidenceIds: photos }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: "REQUESTED", note: "已把垃圾清运干净", decidedAt: null, requestedBy: { isHousehold: true },
      entry: { id: entryId, category: "YELLOW", status: "PENDING" }, household: { id: homeId },
    });
    expect(res.body.evidence.map((p: { id: string }) => p.id).sort()).toEqual([...photos].sort());
    // The request, its note and its photos' hashes are chained (the entry's status is unchanged).
    expect(await counts()).toMatchObject({ entries: before.entries, events: before.events + 1, rectifications: before.rectifications + 1, statuses: before.statuses });
    const requested = await db.entryEvent.findFirstOrThrow({ where: { rectificationId: res.body.id }, select: { type: true, fromStatus: true, toStatus: true, reason: true } });
    expect(requested).toEqual({ type: "RECTIFICATION_REQUESTED", fromStatus: "PENDING", toStatus: "PENDING", reason: "已把垃圾清运干净" });
    const stored = await db.evidencePhoto.findMany({ where: { id: { in: photos } }, select: { entryId: true, rectificationId: true } });
    expect(stored).toEqual(photos.map(() => ({ entryId: null, rectificationId: res.body.id })));
    await expectChainIntact(homeId);
    for (const as of [household, clerk, official]) expect(await download(as, photos[0]!)).toBe(200);
    for (const as of [otherClerk, neighbour]) expect(await download(as, photos[0]!)).toBe(404);

    const again = await refused("POST", `/api/v1/entries/${entryId}/rectifications`, clerk, { note: "再申请一次" }, 409);
    expect(again.code).toBe("CONFLICT");
  });

  it("lets a clerk of the village ask on the household's behalf", async () => {
    const entryId = await recordConfirmed(homeId, "YELLOW");
    const res = await audited("rectification.request", () => request(entryId, clerk));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ requestedBy: { displayName: expect.any(String), isHousehold: false }, entry: { status: "CONFIRMED" } });
  });

  it("refuses, changing nothing: a red or black, a voided or rectified yellow, others' entries, other roles, bad input", async () => {
    const red = await recordEntry(homeId, "RED");
    const black = await recordEntry(homeId, "BLACK");
    const voided = await recordEntry(homeId, "YELLOW");
    await callApi("POST", `/api/v1/entries/${voided}/void`, { as: clerk, body: { reason: "记错了" } });
    const yellow = await recordEntry(homeId, "YELLOW");
    const path = (id: string) => `/api/v1/entries/${id}/rectifications`;
    const note = { note: "已整改到位" };
    for (const id of [red, black, voided]) expect((await refused("POST", path(id), household, note, 422)).code).toBe("RULE_VIOLATION");
    for (const as of [neighbour, yangping, otherClerk]) await refused("POST", path(yellow), as, note, 404);
    for (const as of [rep, official, { username: "admin" }]) await refused("POST", path(yellow), as, note, 403);
    await refused("POST", path(yellow), null, note, 401);
    expect(messages((await refused("POST", path(yellow), household, { note: " " }, 400)).details)).toHaveProperty("note");
    const five = Array.from({ length: 5 }, () => crypto.randomUUID());
    expect(messages((await refused("POST", path(yellow), household, { ...note, evidenceIds: five }, 400)).details)).toHaveProperty("evidenceIds");
  });

  it("attaches only the requester's own unattached photos", async () => {
    const yellow = await recordEntry(homeId, "YELLOW");
    const clerksPhoto = (await upload(clerk)).body.id;
    const neighboursPhoto = (await upload(neighbour)).body.id;
    for (const id of [clerksPhoto, neighboursPhoto]) {
      const error = await refused("POST", `/api/v1/entries/${yellow}/rectifications`, household, { note: "已整改", evidenceIds: [id] }, 422);
      expect(messages(error.details)).toHaveProperty("evidenceIds");
    }
    const mine = (await upload(household)).body.id;
    expect((await request(yellow, household, { note: "已整改", evidenceIds: [mine] })).status).toBe(201);
    const other = await recordEntry(homeId, "YELLOW");
    await refused("POST", `/api/v1/entries/${other}/rectifications`, household, { note: "已整改", evidenceIds: [mine] }, 422);
  });

  it("takes photos for rectifications from households and clerks, not from representatives or officials", async () => {
    for (const as of [household, clerk]) expect((await upload(as)).status).toBe(201);
    for (const as of [rep, official]) expect((await upload(as)).status).toBe(403);
  });
});

describe("deciding a rectification", () => {
  it("approves: the yellow becomes RECTIFIED through a chained event, stops counting, and the household becomes eligible", async () => {
    const fresh = await freshHousehold(9001);
    await recordConfirmed(fresh.householdId, "RED");
    const yellow = await recordConfirmed(fresh.householdId, "YELLOW");
    const before = await archiveOf(fresh.householdId);
    expect(before.thisYear).toMatchObject({ score: 0, red: 1, activeYellow: 1, black: 0 });
    expect(before.eligibility).toMatchObject({ eligible: false, reasons: [{ code: "UNRECTIFIED_YELLOW", count: 1 }] });

    const { body: asked } = await request(yellow, fresh);
    const snapshot = await counts();
    const res = await audited("rectification.approve", () => decide(asked.id, clerk, { decision: "APPROVE", reason: "现场核实已整改到位" }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "APPROVED", decisionReason: "现场核实已整改到位", entry: { status: "RECTIFIED" }, decidedBy: { displayName: expect.any(String) } });
    expect(await counts()).toMatchObject({ entries: snapshot.entries, events: snapshot.events + 1, rectifications: snapshot.rectifications });
    const events = await db.entryEvent.findMany({ where: { entryId: yellow }, orderBy: { chainSeq: "asc" }, select: { type: true, fromStatus: true, toStatus: true, rectificationId: true, reason: true } });
    expect(events.at(-1)).toEqual({ type: "RECTIFIED", fromStatus: "CONFIRMED", toStatus: "RECTIFIED", rectificationId: asked.id, reason: "现场核实已整改到位" });
    await expectChainIntact(fresh.householdId);

    const after = await archiveOf(fresh.householdId, fresh);
    expect(after.thisYear).toMatchObject({ score: 1, red: 1, activeYellow: 0 });
    expect(after.thisYear.marks.YELLOW.RECTIFIED).toBe(1);
    expect(after.cumulative.score).toBe(1);
    expect(after.eligibility).toMatchObject({ eligible: true, reasons: [] });
    const shown = after.entries.find((e: { id: string }) => e.id === yellow);
    expect(shown).toMatchObject({ status: "RECTIFIED", canRequestRectification: false, rectifications: [{ status: "APPROVED", decisionReason: "现场核实已整改到位" }] });

    expect((await refused("POST", `/api/v1/rectifications/${asked.id}/decision`, clerk, { decision: "DECLINE", reason: "再决定一次" }, 409)).code).toBe("CONFLICT");
  });

  it("approves a pending yellow from PENDING", async () => {
    const yellow = await recordEntry(homeId, "YELLOW");
    const { body: asked } = await request(yellow, household);
    expect((await decide(asked.id, clerk, { decision: "APPROVE" })).status).toBe(200);
    const event = await db.entryEvent.findFirstOrThrow({ where: { entryId: yellow, type: "RECTIFIED" }, select: { fromStatus: true, toStatus: true, reason: true } });
    expect(event).toEqual({ fromStatus: "PENDING", toStatus: "RECTIFIED", reason: null });
    await expectChainIntact(homeId);
  });

  it("declines with a reason the household sees; the entry is unchanged and may be asked again", async () => {
    const yellow = await recordConfirmed(homeId, "YELLOW");
    const { body: asked } = await request(yellow, household);
    const path = `/api/v1/rectifications/${asked.id}/decision`;
    expect(messages((await refused("POST", path, clerk, { decision: "DECLINE" }, 400)).details)).toHaveProperty("reason");
    expect((await refused("POST", path, clerk, { decision: "MAYBE" }, 400)).code).toBe("INVALID_INPUT");
    const before = await counts();
    const res = await audited("rectification.decline", () => decide(asked.id, clerk, { decision: "DECLINE", reason: "现场核实仍未清理" }));
    expect(res.body).toMatchObject({ status: "DECLINED", entry: { status: "CONFIRMED" } });
    expect(await counts()).toMatchObject({ entries: before.entries, events: before.events + 1, statuses: before.statuses });
    const declined = await db.entryEvent.findFirstOrThrow({ where: { rectificationId: asked.id, type: "RECTIFICATION_DECLINED" }, select: { fromStatus: true, toStatus: true, reason: true } });
    expect(declined).toEqual({ fromStatus: "CONFIRMED", toStatus: "CONFIRMED", reason: "现场核实仍未清理" });
    const shown = (await archiveOf(homeId, household)).entries.find((e: { id: string }) => e.id === yellow);
    expect(shown).toMatchObject({ status: "CONFIRMED", canRequestRectification: true, rectifications: [{ status: "DECLINED", decisionReason: "现场核实仍未清理" }] });
    expect((await request(yellow, household)).status).toBe(201);
  });

  it("refuses, changing nothing: other villages, other roles, an entry voided since", async () => {
    const yellow = await recordEntry(homeId, "YELLOW");
    const { body: asked } = await request(yellow, household);
    const path = `/api/v1/rectifications/${asked.id}/decision`;
    const approve = { decision: "APPROVE" };
    await refused("POST", path, otherClerk, approve, 404);
    for (const as of [household, rep, official]) await refused("POST", path, as, approve, 403);
    await refused("POST", `/api/v1/rectifications/${crypto.randomUUID()}/decision`, clerk, approve, 404);

    await callApi("POST", `/api/v1/entries/${yellow}/void`, { as: clerk, body: { reason: "重复记录" } });
    expect((await refused("POST", path, clerk, approve, 422)).code).toBe("RULE_VIOLATION");
    expect((await decide(asked.id, clerk, { decision: "DECLINE", reason: "记录已撤销" })).status).toBe(200);
    await expectChainIntact(homeId);
  });

  it("leaves a clerk's own household to another clerk (recusal)", async () => {
    const { homeHouseholdId } = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { homeHouseholdId: true } });
    const yellow = await recordEntry(homeHouseholdId!, "YELLOW", "clerk-xinhua-2");
    const { body: asked } = await request(yellow, { username: "clerk-xinhua-2" });
    await refused("POST", `/api/v1/rectifications/${asked.id}/decision`, clerk, { decision: "APPROVE" }, 403);
    expect((await decide(asked.id, { username: "clerk-xinhua-2" }, { decision: "APPROVE" })).status).toBe(200);
  });
});

describe("GET /api/v1/villages/{id}/rectifications", () => {
  it("lists open requests first, oldest first, then the latest decided", async () => {
    const res = await callApi("GET", `/api/v1/villages/${xinhuaId}/rectifications`, { as: clerk });
    expect(res.status).toBe(200);
    const statuses: string[] = res.body.items.map((r: { status: string }) => r.status);
    const firstDecided = statuses.findIndex((s) => s !== "REQUESTED");
    expect(firstDecided).toBeGreaterThan(0);
    expect(statuses.slice(firstDecided).every((s) => s !== "REQUESTED")).toBe(true);
    const open = res.body.items.slice(0, firstDecided).map((r: { createdAt: string }) => r.createdAt);
    expect(open).toEqual([...open].sort());
    const only = await callApi("GET", `/api/v1/villages/${xinhuaId}/rectifications?status=DECLINED`, { as: official });
    expect(only.body.items.length).toBeGreaterThan(0);
    expect(only.body.items.every((r: { status: string }) => r.status === "DECLINED")).toBe(true);
  });

  it("is for the village's clerks and the township", async () => {
    const path = `/api/v1/villages/${xinhuaId}/rectifications`;
    expect((await callApi("GET", path, { as: otherClerk })).status).toBe(404);
    for (const as of [household, rep]) expect((await callApi("GET", path, { as })).status).toBe(403);
  });
});
