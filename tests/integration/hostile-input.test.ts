import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as uploadEvidenceRoute } from "@/app/api/v1/evidence/route";
import { POST as createHouseholdRoute } from "@/app/api/v1/households/route";
import { POST as importRoute } from "@/app/api/v1/villages/[id]/households/import/route";
import { POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { POST as revokeTokenRoute } from "@/app/api/v1/tokens/[id]/revoke/route";
import { signIn } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { callApi, sessionCookieFor } from "../helpers/api-client";
import { messages } from "../helpers/error-details";

// Issue 7 point 8: text a client sends can hold anything. A NUL (which PostgreSQL refuses in
// text) or another control character is invalid input, "_" and "%" are literal characters in
// a search, and a write says what it sends.

const ORIGIN = "http://localhost:3000";
const clerk = { username: "clerk-xinhua" };
const official = { username: "official" };
const admin = { username: "admin" };

let xinhuaId: string;
let ruleId: string;
let householdId: string;

const written = async () => ({
  households: await db.household.count(), members: await db.member.count(), entries: await db.entry.count(),
  tokens: await db.apiToken.count(), photos: await db.evidencePhoto.count(), audit: await db.auditLog.count(),
});

/** A 400 naming the failing field, in the JSON error shape, and nothing written. */
async function invalid(run: () => Promise<{ status: number; body: any }>, field: string) {
  const before = await written();
  const res = await run();
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error).toMatchObject({ code: "INVALID_INPUT", message: expect.any(String) });
  expect(messages(res.body.error.details)[field], JSON.stringify(res.body.error.details)).toBe("含有不允许的控制字符（如 NUL；单行的项目也不能换行），请删除后重新填写。");
  expect(await written()).toEqual(before);
}

async function raw(route: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  path: string, body: BodyInit, contentType: string | null, params: Record<string, string> = {}) {
  const headers = new Headers({ origin: ORIGIN, "accept-language": "zh-CN", cookie: await sessionCookieFor(clerk.username) });
  const request = new Request(`${ORIGIN}${path}`, { method: "POST", headers, body });
  // A Request built from a string sets text/plain by itself; the probe decides what is sent.
  if (contentType === null) request.headers.delete("content-type");
  else request.headers.set("content-type", contentType);
  const response = await route(request, { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  xinhuaId = (await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } })).id;
  householdId = (await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00002" }, select: { id: true } })).id;
  ruleId = (await db.rule.findFirstOrThrow({ where: { ruleSet: { villageId: xinhuaId, status: "ADOPTED" }, category: "RED" }, select: { id: true } })).id;
});

describe("control characters in query strings", () => {
  it.each([
    ["/api/v1/households?q=张%00", "q", clerk],
    ["/api/v1/households?q=%00", "q", clerk],
    ["/api/v1/households?q=JS-XH%01", "q", clerk],
    ["/api/v1/accounts?q=clerk%00", "q", official],
    ["/api/v1/audit-log?action=token%00", "action", admin],
    ["/api/v1/audit-log?actor=%00", "actor", admin],
    ["/api/v1/audit-log?targetType=Account%00", "targetType", admin],
    ["/api/v1/audit-log?targetId=%00", "targetId", admin],
  ])("GET %s is a 400 naming %s", async (path, field, as) => {
    await invalid(() => callApi("GET", path, { as }), field);
  });

  it("GET /villages/{id}/entries?archiveNo=%00 is a 400 naming archiveNo", async () => {
    await invalid(() => callApi("GET", `/api/v1/villages/${xinhuaId}/entries?archiveNo=%00`, { as: clerk }), "archiveNo");
  });
});

describe("control characters in bodies", () => {
  const household = { headName: "张三", headBirthYear: 1970, address: "新花村一组", registeredOn: "2020-01-01" };
  const entry = () => ({ idempotencyKey: randomUUID(), householdId, ruleId, occurredOn: "2026-11-02", description: "拾金不昧" });

  it.each([
    ["headName", { ...household, headName: "张\u0000三" }],
    ["headName", { ...household, headName: "张\n三" }], // one line: no line breaks either
    ["address", { ...household, address: "新花村\u0000一组" }],
    ["phone", { ...household, phone: "138\u00000736123" }],
  ])("POST /households with a control character in %s is a 400", async (field, body) => {
    await invalid(() => callApi("POST", "/api/v1/households", { as: clerk, body }), field);
  });

  it("POST /entries with a NUL in the description or the legal basis is a 400", async () => {
    await invalid(() => callApi("POST", "/api/v1/entries", { as: clerk, body: { ...entry(), description: "拾金\u0000不昧" } }), "description");
    await invalid(() => callApi("POST", "/api/v1/entries", { as: clerk, body: { ...entry(), legalAuthority: "\u0000" } }), "legalAuthority");
  });

  it("POST /tokens, /accounts and /me/password refuse control characters", async () => {
    await invalid(() => callApi("POST", "/api/v1/tokens", { as: clerk, body: { name: "\u0000" } }), "name");
    await invalid(() => callApi("POST", "/api/v1/accounts", {
      as: official, body: { role: "CLERK", username: "new-clerk", displayName: "新\u0007人", password: "abcd1234", villageId: xinhuaId },
    }), "displayName");
    await invalid(() => callApi("POST", "/api/v1/me/password", {
      as: clerk, body: { currentPassword: "demo1234", newPassword: "abcd\u00001234", confirmPassword: "abcd\u00001234" },
    }), "newPassword");
  });

  it("multi-line text keeps its tabs and line breaks", async () => {
    const description = "拾到手机一部，\n当天归还失主。\t（有照片）";
    const res = await callApi("POST", "/api/v1/entries", { as: clerk, body: { ...entry(), description } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await db.entry.findUniqueOrThrow({ where: { id: res.body.id }, select: { description: true } })).description).toBe(description);
  });
});

describe("control characters in an imported file", () => {
  const file = [
    "档案编号,户主姓名,村民小组,住址,联系电话,建档日期,户状态,成员姓名,与户主关系,性别,出生年份",
    ",王五,,新花村三组,,2020-01-01,在册,王五,户主,男,1970",
    ",王五,,新花村三组,,2020-01-01,在册,李\u0007六,配偶,女,1972", // a NUL makes the whole file unreadable already
  ].join("\r\n");
  const importFile = async (dryRun: boolean) => {
    const form = new FormData();
    form.set("file", new File([file], "农户.csv"));
    const headers = { origin: ORIGIN, "accept-language": "zh-CN", cookie: await sessionCookieFor(clerk.username) };
    const request = new Request(`${ORIGIN}/api/v1/villages/${xinhuaId}/households/import?dryRun=${dryRun}`, { method: "POST", headers, body: form });
    const response = await importRoute(request, { params: Promise.resolve({ id: xinhuaId }) });
    return { status: response.status, body: await response.json() };
  };

  it("are a problem of their cell, and nothing is imported", async () => {
    const before = await written();
    const problem = { row: 3, column: "成员姓名", message: "含有不可见的控制字符（如 NUL 或换行），请删除" };
    const dry = await importFile(true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.problems).toEqual([problem]);
    const real = await importFile(false);
    expect(real.status, JSON.stringify(real.body)).toBe(422);
    expect(real.body.error.report.problems).toEqual([problem]);
    expect(await written()).toEqual(before);
  });
});

describe("LIKE wildcards in searches are literal", () => {
  it("q=_ and q=% match no household (none has either character)", async () => {
    for (const q of ["_", "%", "__", "JS_XH", "JS-XH-0000_", "张_", "张%", "1_"]) {
      const res = await callApi("GET", `/api/v1/households?q=${encodeURIComponent(q)}`, { as: official });
      expect(res.status, q).toBe(200);
      expect({ q, total: res.body.total }).toEqual({ q, total: 0 });
    }
  });

  it("the same searches without the wildcard still find households", async () => {
    const res = await callApi("GET", `/api/v1/households?q=${encodeURIComponent("JS-XH-0000")}`, { as: official });
    expect(res.body.total).toBe(9);
  });

  it("accounts: q=_ and q=% match no account", async () => {
    for (const q of ["_", "%", "clerk_xinhua"]) {
      const res = await callApi("GET", `/api/v1/accounts?q=${encodeURIComponent(q)}`, { as: admin });
      expect(res.status, q).toBe(200);
      expect({ q, total: res.body.total }).toEqual({ q, total: 0 });
    }
  });

  it("entries: archiveNo with _ matches no household's entries", async () => {
    const withEntries = await db.entry.findFirstOrThrow({ where: { villageId: xinhuaId }, select: { household: { select: { archiveNo: true } } } });
    const archiveNo = withEntries.household.archiveNo;
    const exact = await callApi("GET", `/api/v1/villages/${xinhuaId}/entries?archiveNo=${archiveNo.toLowerCase()}`, { as: clerk });
    expect(exact.body.total).toBeGreaterThan(0);
    const wild = await callApi("GET", `/api/v1/villages/${xinhuaId}/entries?archiveNo=${archiveNo.slice(0, -1)}_`, { as: clerk });
    expect(wild.status).toBe(200);
    expect(wild.body.total).toBe(0);
  });
});

describe("LIKE wildcards in names looked up case-insensitively", () => {
  it("signing in as \"%\" or with \"_\" for a character finds no account", async () => {
    const context = { ip: "198.51.100.77", userAgent: "hostile-input-test" };
    for (const name of ["%", "clerk_xinhua", "CLERK-XINHU_"]) {
      expect(await signIn(name, "demo1234", context), name).toMatchObject({ ok: false, reason: "INVALID" });
    }
    expect(await signIn("CLERK-XINHUA", "demo1234", context)).toMatchObject({ ok: true });
  });
});

describe("writes say what they send", () => {
  const json = JSON.stringify({ name: "脚本令牌" });

  it.each([
    ["text/plain", "text/plain;charset=UTF-8"],
    ["form-urlencoded", "application/x-www-form-urlencoded"],
    ["no content type", null],
    ["xml", "application/xml"],
  ])("POST /tokens sent as %s is a 415 and writes nothing", async (_label, type) => {
    const before = await written();
    const res = await raw(createTokenRoute, "/api/v1/tokens", json, type);
    expect(res.status, JSON.stringify(res.body)).toBe(415);
    expect(res.body.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: "请求内容的格式不受支持：请以 application/json 发送。" });
    expect(await written()).toEqual(before);
  });

  it("POST /households as text/plain is a 415 and writes nothing", async () => {
    const before = await written();
    const body = JSON.stringify({ headName: "李四", headBirthYear: 1980, address: "新花村二组", registeredOn: "2020-01-01" });
    const res = await raw(createHouseholdRoute, "/api/v1/households", body, "text/plain");
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await written()).toEqual(before);
  });

  it("an upload sent as JSON is a 415: uploads are multipart/form-data", async () => {
    const before = await written();
    const res = await raw(uploadEvidenceRoute, "/api/v1/evidence", JSON.stringify({ file: "AAAA" }), "application/json");
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: "请求内容的格式不受支持：请以 multipart/form-data 发送。" });
    expect(await written()).toEqual(before);
  });

  it("the OpenAPI document lists the 415 for every write, and only for writes", () => {
    const paths = buildOpenApiDocument().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const listed = Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ at: `${method} ${path}`, has415: "415" in op.responses, isWrite: method !== "get" })));
    expect(listed.filter((o) => o.has415 !== o.isWrite)).toEqual([]);
    expect(listed.filter((o) => o.isWrite).length).toBeGreaterThan(20);
  });

  it("a write that takes no body refuses one that is not JSON, and does nothing", async () => {
    const created = await raw(createTokenRoute, "/api/v1/tokens", json, "application/json");
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const revoke = (body: string) => raw(revokeTokenRoute, `/api/v1/tokens/${created.body.id}/revoke`, body, "application/json", { id: created.body.id });
    for (const body of ["{", "not json", " "]) {
      const res = await revoke(body);
      expect(res.status, body).toBe(400);
      expect(res.body.error).toMatchObject({ code: "INVALID_INPUT", message: "请求内容不是有效的 JSON。" });
    }
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: created.body.id }, select: { revokedAt: true } })).toEqual({ revokedAt: null });
    expect((await revoke("{}")).status).toBe(200); // valid JSON it does not take is ignored
  });

  it("application/json with a charset is accepted, and a write without a body needs no content type", async () => {
    const created = await raw(createTokenRoute, "/api/v1/tokens", json, "application/json; charset=utf-8");
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const revoked = await callApi("POST", `/api/v1/tokens/${created.body.id}/revoke`, { as: clerk });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
  });
});
