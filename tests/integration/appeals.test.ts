import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { lodgeAppeal } from "@/lib/server/appeals/lodge-appeal";
import { resolveActor } from "@/lib/server/auth/resolve-actor";
import { db } from "@/lib/server/db";
import { callApi, sessionCookieFor } from "../helpers/api-client";
import {
  archiveOf, audited, counts, expectChainIntact, freshHousehold, householdAccountFor, recordConfirmed, recordEntry, refused,
} from "../helpers/archive-fixtures";
import { createOtherTownship } from "../helpers/other-township";
import { messages } from "../helpers/error-details";

const clerk = { username: "clerk-xinhua" };
const otherClerk = { username: "clerk-yangping" };
const household = { username: "JS-XH-00001" };
const rep = { username: "rep-xinhua-1" };
const official = { username: "official" };
const admin = { username: "admin" };
let homeId: string;
let neighbour: { username: string; householdId: string };
let yangping: { username: string; householdId: string };

const lodge = (entryId: string, as: { username: string } = household, body: unknown = { reason: "那天是帮邻居清理，记录的不是我家" }) =>
  callApi("POST", `/api/v1/entries/${entryId}/appeals`, { as, body });
const resolve = (id: string, as: { username: string }, body: unknown) => callApi("POST", `/api/v1/appeals/${id}/resolution`, { as, body });
const listAs = (as: { username: string }, query = "") => callApi("GET", `/api/v1/appeals${query}`, { as });

beforeAll(async () => {
  homeId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true } })).id;
  neighbour = await householdAccountFor("JS-XH-00002");
  yangping = await householdAccountFor("JS-YP-00001");
});

describe("lodging an appeal", () => {
  it("lets a household dispute its own entry; one open appeal per entry", async () => {
    const entryId = await recordEntry(homeId, "YELLOW");
    const before = await counts();
    const res = await audited("appeal.lodge", () => lodge(entryId));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: "OPEN", reason: "那天是帮邻居清理，记录的不是我家", ageDays: 0, resolution: null,
      entry: { id: entryId, status: "PENDING" }, household: { id: homeId }, village: { name: "新花村" },
    });
    // The lodging and its text are chained (it leaves the entry's status as it is).
    expect(await counts()).toMatchObject({ entries: before.entries, events: before.events + 1, appeals: before.appeals + 1, statuses: before.statuses });
    const lodged = await db.entryEvent.findFirstOrThrow({ where: { appealId: res.body.id }, select: { type: true, fromStatus: true, toStatus: true, reason: true } });
    expect(lodged).toEqual({ type: "APPEAL_LODGED", fromStatus: "PENDING", toStatus: "PENDING", reason: "那天是帮邻居清理，记录的不是我家" });
    await expectChainIntact(homeId);
    expect((await refused("POST", `/api/v1/entries/${entryId}/appeals`, household, { reason: "再申诉一次" }, 409)).code).toBe("CONFLICT");
    const shown = (await archiveOf(homeId, household)).entries.find((e: { id: string }) => e.id === entryId);
    expect(shown).toMatchObject({ canAppeal: false, appeals: [{ status: "OPEN", ageDays: 0 }] });
  });

  it("refuses, changing nothing: a red, an entry that no longer counts, others' entries, staff, bad input", async () => {
    const red = await recordConfirmed(homeId, "RED");
    const voided = await recordEntry(homeId, "YELLOW");
    await callApi("POST", `/api/v1/entries/${voided}/void`, { as: clerk, body: { reason: "记错了" } });
    const entryId = await recordEntry(homeId, "BLACK");
    const path = (id: string) => `/api/v1/entries/${id}/appeals`;
    const body = { reason: "处罚决定已被撤销" };
    // A confirmed red is praise: the archive offers no button, and the API says why.
    expect(await refused("POST", path(red), household, body, 422)).toMatchObject({ code: "RULE_VIOLATION", message: "红榜是表彰，不需要申诉。" });
    expect(await refused("POST", path(voided), household, body, 422)).toMatchObject({ code: "RULE_VIOLATION", message: expect.stringContaining("不计入档案") });
    const shown = (await archiveOf(homeId, household)).entries.filter((e: { id: string }) => e.id === red || e.id === voided);
    expect(shown.map((e: { canAppeal: boolean }) => e.canAppeal)).toEqual([false, false]);
    for (const as of [neighbour, yangping]) await refused("POST", path(entryId), as, body, 404);
    for (const as of [clerk, otherClerk, rep, official, admin]) await refused("POST", path(entryId), as, body, 403);
    await refused("POST", path(entryId), null, body, 401);
    expect(messages((await refused("POST", path(entryId), household, { reason: "" }, 400)).details)).toHaveProperty("reason");
    await refused("POST", path(crypto.randomUUID()), household, body, 404);
  });
});

describe("resolving an appeal", () => {
  it("upholds: the entry is voided by a chained event carrying the appeal, and stops counting", async () => {
    const fresh = await freshHousehold(9101);
    await recordConfirmed(fresh.householdId, "RED");
    const black = await recordConfirmed(fresh.householdId, "BLACK");
    const before = await archiveOf(fresh.householdId, fresh);
    expect(before.thisYear).toMatchObject({ score: before.settings.weightRed - before.settings.weightBlack, black: 1 });
    expect(before.settings.weightBlack).toBeGreaterThan(0);
    expect(before.eligibility).toMatchObject({ eligible: false, reasons: [{ code: "HAS_BLACK", count: 1 }] });

    const { body: appeal } = await lodge(black, fresh, { reason: "处罚决定已被依法撤销" });
    const snapshot = await counts();
    const res = await audited("appeal.uphold", () => resolve(appeal.id, clerk, { outcome: "UPHELD", resolution: "经核实处罚决定已撤销，撤销该记录" }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "UPHELD", resolution: "经核实处罚决定已撤销，撤销该记录", entry: { status: "VOIDED" } });
    expect(await counts()).toMatchObject({ entries: snapshot.entries, events: snapshot.events + 1, appeals: snapshot.appeals });
    const event = await db.entryEvent.findFirstOrThrow({ where: { entryId: black }, orderBy: { chainSeq: "desc" }, select: { type: true, fromStatus: true, toStatus: true, appealId: true, reason: true } });
    expect(event).toEqual({ type: "VOIDED", fromStatus: "CONFIRMED", toStatus: "VOIDED", appealId: appeal.id, reason: "经核实处罚决定已撤销，撤销该记录" });
    await expectChainIntact(fresh.householdId);

    const after = await archiveOf(fresh.householdId, fresh);
    expect(after.thisYear).toMatchObject({ score: 1, black: 0 });
    expect(after.eligibility).toMatchObject({ eligible: true, reasons: [] });
    expect(after.entries.find((e: { id: string }) => e.id === black)).toMatchObject({ status: "VOIDED", canAppeal: false, appeals: [{ status: "UPHELD" }] });
    expect((await refused("POST", `/api/v1/appeals/${appeal.id}/resolution`, clerk, { outcome: "DISMISSED", resolution: "再处理一次" }, 409)).code).toBe("CONFLICT");
  });

  it("dismisses with a resolution the household sees; the entry is unchanged and may be appealed again", async () => {
    const yellow = await recordConfirmed(homeId, "YELLOW");
    const { body: appeal } = await lodge(yellow);
    const path = `/api/v1/appeals/${appeal.id}/resolution`;
    expect(messages((await refused("POST", path, clerk, { outcome: "DISMISSED" }, 400)).details)).toHaveProperty("resolution");
    expect(messages((await refused("POST", path, clerk, { outcome: "MAYBE", resolution: "理由" }, 400)).details)).toHaveProperty("outcome");
    const before = await counts();
    const res = await audited("appeal.dismiss", () => resolve(appeal.id, clerk, { outcome: "DISMISSED", resolution: "经核实记录与事实相符" }));
    expect(res.body).toMatchObject({ status: "DISMISSED", entry: { status: "CONFIRMED" } });
    expect(await counts()).toMatchObject({ entries: before.entries, events: before.events + 1, statuses: before.statuses });
    const event = await db.entryEvent.findFirstOrThrow({ where: { entryId: yellow }, orderBy: { chainSeq: "desc" }, select: { type: true, fromStatus: true, toStatus: true, appealId: true, reason: true } });
    expect(event).toEqual({ type: "APPEAL_DISMISSED", fromStatus: "CONFIRMED", toStatus: "CONFIRMED", appealId: appeal.id, reason: "经核实记录与事实相符" });
    const shown = (await archiveOf(homeId, household)).entries.find((e: { id: string }) => e.id === yellow);
    expect(shown).toMatchObject({ status: "CONFIRMED", canAppeal: true, appeals: [{ status: "DISMISSED", resolution: "经核实记录与事实相符" }] });
    expect((await lodge(yellow, household, { reason: "有新的证据" })).status).toBe(201);
  });

  it("refuses, changing nothing: other villages, other roles", async () => {
    const { body: appeal } = await lodge(await recordEntry(homeId, "YELLOW"));
    const path = `/api/v1/appeals/${appeal.id}/resolution`;
    const body = { outcome: "UPHELD", resolution: "申诉成立" };
    await refused("POST", path, otherClerk, body, 404);
    for (const as of [household, rep, official, admin]) await refused("POST", path, as, body, 403);
    await refused("POST", `/api/v1/appeals/${crypto.randomUUID()}/resolution`, clerk, body, 404);
  });

  it("upholds an appeal whose entry a clerk voided meanwhile: chained, without voiding it twice", async () => {
    const entryId = await recordEntry(homeId, "YELLOW");
    const { body: appeal } = await lodge(entryId);
    await callApi("POST", `/api/v1/entries/${entryId}/void`, { as: clerk, body: { reason: "记错了户" } });
    const before = await counts();
    const res = await resolve(appeal.id, clerk, { outcome: "UPHELD", resolution: "记录已撤销，申诉成立" });
    expect(res.body).toMatchObject({ status: "UPHELD", entry: { status: "VOIDED" } });
    expect(await counts()).toMatchObject({ events: before.events + 1, statuses: before.statuses });
    const event = await db.entryEvent.findFirstOrThrow({ where: { appealId: appeal.id, type: "VOIDED" }, select: { fromStatus: true, toStatus: true } });
    expect(event).toEqual({ fromStatus: "VOIDED", toStatus: "VOIDED" });
    await expectChainIntact(homeId);
  });

  it("leaves a clerk's own household to another clerk (recusal)", async () => {
    const { homeHouseholdId } = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua" }, select: { homeHouseholdId: true } });
    const lodger = await householdAccountFor((await db.household.findUniqueOrThrow({ where: { id: homeHouseholdId! }, select: { archiveNo: true } })).archiveNo);
    const { body: appeal } = await lodge(await recordEntry(homeHouseholdId!, "YELLOW", "clerk-xinhua-2"), lodger);
    await refused("POST", `/api/v1/appeals/${appeal.id}/resolution`, clerk, { outcome: "DISMISSED", resolution: "维持" }, 403);
    expect((await resolve(appeal.id, { username: "clerk-xinhua-2" }, { outcome: "DISMISSED", resolution: "维持原记录" })).status).toBe(200);
  });
});

describe("GET /api/v1/appeals", () => {
  it("shows the township official every open appeal of the township with its age, oldest first", async () => {
    const xinhuaAppeal = (await lodge(await recordEntry(homeId, "YELLOW"))).body;
    const yangpingEntry = await recordEntry(yangping.householdId, "YELLOW", "clerk-yangping", "YP");
    // Lodged twelve days ago (its time is chained and cannot be changed afterwards).
    const cookie = (await sessionCookieFor(yangping.username)).split("=")[1];
    const lodger = (await resolveActor(null, cookie))!;
    const twelveDaysAgo = new Date(Date.now() - 12 * 86_400_000);
    const yangpingAppeal = await lodgeAppeal(lodger, yangpingEntry, { reason: "不是我家" }, { ip: "127.0.0.1", userAgent: null }, twelveDaysAgo);

    const res = await listAs(official);
    expect(res.status).toBe(200);
    const open = await db.appeal.count({ where: { status: "OPEN" } });
    expect(res.body.total).toBe(open);
    expect(res.body.items.every((a: { status: string }) => a.status === "OPEN")).toBe(true);
    expect(res.body.items[0]).toMatchObject({ id: yangpingAppeal.id, ageDays: 12, village: { name: "杨坪社区" } });
    expect(res.body.items.map((a: { id: string }) => a.id)).toContain(xinhuaAppeal.id);
    const ages = res.body.items.map((a: { ageDays: number }) => a.ageDays);
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    expect((await listAs(admin)).body.total).toBe(open);
  });

  it("shows a clerk the appeals of the village only, and nobody outside the township any", async () => {
    const xinhua = await listAs(clerk);
    expect(xinhua.body.items.length).toBeGreaterThan(0);
    expect(xinhua.body.items.every((a: { village: { name: string } }) => a.village.name === "新花村")).toBe(true);
    const yangpingList = await listAs(otherClerk);
    expect(yangpingList.body.items.length).toBeGreaterThan(0);
    expect(yangpingList.body.items.every((a: { village: { name: string } }) => a.village.name === "杨坪社区")).toBe(true);
    const resolved = await listAs(clerk, "?status=DISMISSED");
    expect(resolved.body.items.length).toBeGreaterThan(0);
    expect(resolved.body.items.every((a: { status: string }) => a.status === "DISMISSED")).toBe(true);

    const other = await createOtherTownship();
    expect((await listAs({ username: other.officialUsername })).body).toMatchObject({ items: [], total: 0 });
    for (const as of [household, rep]) expect((await listAs(as)).status).toBe(403);
    expect((await callApi("GET", "/api/v1/appeals")).status).toBe(401);
  });
});
