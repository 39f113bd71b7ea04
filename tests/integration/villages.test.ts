import "../helpers/app-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { api, callApi } from "../helpers/api-client";
import { codes, fields, messages } from "../helpers/error-details";

const CLIENT = { "x-fca-client-ip": "198.51.100.9", "user-agent": "villages-test" };
const as = (username: string) => ({ as: { username }, headers: CLIENT });
const create = (username: string, body: unknown) => callApi("POST", "/api/v1/villages", { ...as(username), body });
const patch = (username: string, id: string, body: unknown) => callApi("PATCH", `/api/v1/villages/${id}`, { ...as(username), body });

const lastAuditId = async () => (await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
const counts = async () => ({ villages: await db.village.count(), audit: await db.auditLog.count() });

async function refused(run: () => Promise<{ status: number; body: any }>, status: number) {
  const before = await counts();
  const snapshot = await db.village.findMany({ orderBy: { id: "asc" }, select: { id: true, code: true, name: true, kind: true, active: true } });
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(await counts()).toEqual(before);
  expect(await db.village.findMany({ orderBy: { id: "asc" }, select: { id: true, code: true, name: true, kind: true, active: true } })).toEqual(snapshot);
  return res;
}

async function audited(run: () => Promise<{ status: number; body: any }>, status: number, username: string) {
  const since = await lastAuditId();
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const records = await db.auditLog.findMany({ where: { id: { gt: since } } });
  expect(records).toHaveLength(1);
  const actor = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
  expect(records[0]).toMatchObject({ actorId: actor.id, targetType: "Village", targetId: res.body.id, ip: "198.51.100.9", userAgent: "villages-test" });
  return { res, audit: records[0]! };
}

let jiashan: string;
let otherTownship: string;
let otherVillage: string;

beforeAll(async () => {
  jiashan = (await db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } })).id;
  otherTownship = (await db.township.create({ data: { code: "QT", name: "其他镇", county: "石门县" } })).id;
  otherVillage = (await db.village.create({ data: { townshipId: otherTownship, code: "ZZ", name: "远村", kind: "VILLAGE" } })).id;
});

describe("listing villages", () => {
  it("shows each caller the villages of its scope", async () => {
    // Through the typed client: the answer's fields are the document's, checked by tsc.
    const list = (username: string, query: { townshipId?: string } = {}) =>
      api({ username }, { headers: CLIENT }).GET("/api/v1/villages", { params: { query } });
    const admin = await list("admin");
    expect(admin.data?.items).toHaveLength(18);
    const official = (await list("official")).data?.items ?? [];
    expect(official).toHaveLength(17);
    expect(official.every((v) => v.township.id === jiashan)).toBe(true);
    expect(official.reduce((n, v) => n + v.households, 0)).toBe(240);
    expect((await list("clerk-xinhua")).data?.items.map((v) => v.code)).toEqual(["XH"]);
    expect((await list("JS-XH-00001")).response.status).toBe(403);
    expect((await list("admin", { townshipId: otherTownship })).data?.items.map((v) => v.code)).toEqual(["ZZ"]);
  });
});

describe("creating villages", () => {
  it("lets an official add a village to its own township, audited once", async () => {
    const { res, audit } = await audited(() => create("official", { code: "xq", name: "新桥村", kind: "VILLAGE" }), 201, "official");
    expect(res.body).toMatchObject({ code: "XQ", name: "新桥村", kind: "VILLAGE", active: true, households: 0, township: { id: jiashan } });
    expect(audit).toMatchObject({ action: "village.create", townshipId: jiashan, before: null, after: { code: "XQ", name: "新桥村" } });
  });

  it("lets an admin add one to any township it names", async () => {
    await refused(() => create("admin", { code: "NN", name: "南村", kind: "VILLAGE" }), 400);
    const { res } = await audited(() => create("admin", { townshipId: otherTownship, code: "NN", name: "南村", kind: "COMMUNITY" }), 201, "admin");
    expect(res.body.township.id).toBe(otherTownship);
  });

  it("refuses duplicates, bad input, other townships and clerks, changing nothing", async () => {
    const code = await refused(() => create("official", { code: "XH", name: "另一个村", kind: "VILLAGE" }), 409);
    expect(codes(code.body.error.details)).toEqual({ code: "errors.villageCodeTaken" });
    const name = await refused(() => create("official", { code: "LY", name: "新花村", kind: "VILLAGE" }), 409);
    expect(codes(name.body.error.details)).toEqual({ name: "errors.villageNameTaken" });
    const bad = await refused(() => create("official", { code: "X-1", name: "", kind: "TOWN" }), 400);
    expect(fields(bad.body.error.details)).toEqual(["code", "kind", "name"]);
    expect(messages(bad.body.error.details).code).toBe("代码为 1 到 8 位大写字母或数字，例如 XH。");
    await refused(() => create("official", { townshipId: otherTownship, code: "LY", name: "柳叶村", kind: "VILLAGE" }), 404);
    await refused(() => create("clerk-xinhua", { code: "LY", name: "柳叶村", kind: "VILLAGE" }), 403);
  });
});

describe("updating villages", () => {
  it("renames, reclassifies and deactivates, auditing before and after", async () => {
    const village = await db.village.findFirstOrThrow({ where: { code: "CY" }, select: { id: true } });
    const { res, audit } = await audited(() => patch("official", village.id, { name: "茶园社区", kind: "COMMUNITY" }), 200, "official");
    expect(res.body).toMatchObject({ name: "茶园社区", kind: "COMMUNITY", code: "CY" });
    expect(audit).toMatchObject({ action: "village.update", before: { name: "茶园村", kind: "VILLAGE" }, after: { name: "茶园社区", kind: "COMMUNITY" } });
    const off = await audited(() => patch("official", village.id, { active: false }), 200, "official");
    expect(off.audit).toMatchObject({ before: { active: true }, after: { active: false } });

    // No one new is placed in a deactivated village.
    const staff = { role: "CLERK", username: "clerk-chayuan-3", displayName: "新理事", password: "secret123", villageId: village.id };
    expect((await callApi("POST", "/api/v1/accounts", { ...as("official"), body: staff })).status).toBe(422);
  });

  it("keeps the code of a village that has households, but lets an empty one change it", async () => {
    const used = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
    const refusal = await refused(() => patch("official", used.id, { code: "XH2" }), 422);
    expect(codes(refusal.body.error.details)).toEqual({ code: "errors.villageCodeInUse" });
    const empty = await db.village.findFirstOrThrow({ where: { code: "XQ", townshipId: jiashan }, select: { id: true } });
    const { res } = await audited(() => patch("official", empty.id, { code: "XQC" }), 200, "official");
    expect(res.body.code).toBe("XQC");
  });

  it("refuses clashes, villages of other townships and clerks, changing nothing", async () => {
    const village = await db.village.findFirstOrThrow({ where: { code: "BF" }, select: { id: true } });
    await refused(() => patch("official", village.id, { name: "新花村" }), 409);
    await refused(() => patch("official", otherVillage, { name: "改名" }), 404);
    await refused(() => patch("clerk-xinhua", village.id, { name: "改名" }), 403);
    await refused(() => patch("official", village.id, { active: "no" }), 400);
  });
});
