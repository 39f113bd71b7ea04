import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { operations } from "@/lib/api/registry";
import { db } from "@/lib/server/db";
import { purgeIdempotencyKeys } from "@/lib/server/api/idempotency";
import { sessionCookieFor } from "../helpers/api-client";
import * as entriesRoute from "@/app/api/v1/entries/route";
import * as householdsRoute from "@/app/api/v1/households/route";
import * as tokensRoute from "@/app/api/v1/tokens/route";

// The Idempotency-Key header on creating operations (lib/server/api/idempotency.ts), checked on
// three of them: recording an entry, creating a household, creating an API token.
const ORIGIN = "http://localhost:3000";
type Route = { POST: (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> };

async function post(route: Route, path: string, username: string, body: unknown, key?: string) {
  const headers = new Headers({
    origin: ORIGIN, host: "localhost:3000", "content-type": "application/json", "accept-language": "zh-CN",
    "x-fca-client-ip": "198.51.100.77", cookie: await sessionCookieFor(username),
  });
  if (key) headers.set("Idempotency-Key", key);
  const response = await route.POST(new Request(new URL(path, ORIGIN), { method: "POST", headers, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  const text = await response.text();
  return { status: response.status, replayed: response.headers.get("Idempotency-Replayed"), text, body: text ? JSON.parse(text) : null };
}

const snapshot = async () => ({
  entries: await db.entry.count(), households: await db.household.count(), members: await db.member.count(),
  tokens: await db.apiToken.count(), audit: await db.auditLog.count(),
});

let entryBody: Record<string, unknown>;
const householdBody = { headName: "易安然", headGender: "FEMALE", headBirthYear: 1980, address: "夹山镇新花村2组7号", registeredOn: "2026-11-01" };

beforeAll(async () => {
  const home = await db.household.findUniqueOrThrow({ where: { archiveNo: "JS-XH-00001" }, select: { id: true, villageId: true } });
  const rule = await db.rule.findFirstOrThrow({
    where: { ruleSet: { villageId: home.villageId, version: 1 }, category: "RED" }, select: { id: true },
  });
  entryBody = { householdId: home.id, ruleId: rule.id, occurredOn: "2026-11-01", description: "帮邻居修水渠" };
});

describe("the Idempotency-Key header", () => {
  it.each([
    { name: "recordEntry", route: entriesRoute, path: "/api/v1/entries", as: "clerk-xinhua", body: () => entryBody, other: { description: "另一件事" } },
    { name: "createHousehold", route: householdsRoute, path: "/api/v1/households", as: "clerk-xinhua", body: () => householdBody, other: { headName: "易安宁" } },
    { name: "createToken", route: tokensRoute, path: "/api/v1/tokens", as: "official", body: () => ({ name: "同步" }), other: { name: "另一个" } },
  ])("$name: a replay answers the original status and body, marked, and writes nothing; another body is a 409", async ({ route, path, as, body, other }) => {
    const key = randomUUID();
    const first = await post(route as Route, path, as, body(), key);
    expect(first.status, first.text).toBe(201);
    expect(first.replayed).toBeNull();

    const before = await snapshot();
    const again = await post(route as Route, path, as, body(), key);
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(await snapshot()).toEqual(before);

    const conflict = await post(route as Route, path, as, { ...body(), ...other }, key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe("CONFLICT");
    expect(await snapshot()).toEqual(before);

    // Keys are per account: another account's same key is a new request.
    const account = await db.account.findUniqueOrThrow({ where: { username: as }, select: { id: true } });
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(1);
    const row = await db.idempotencyKey.findUniqueOrThrow({ where: { accountId_key: { accountId: account.id, key } } });
    expect(row.responseStatus).toBe(201);
    // Stored sealed: a new token's secret is not readable from the table.
    expect(JSON.stringify(row.responseBody)).not.toContain(first.text.slice(1, 40));
  });

  it("lets two accounts use the same key independently", async () => {
    const key = randomUUID();
    const a = await post(tokensRoute, "/api/v1/tokens", "official", { name: "甲" }, key);
    const b = await post(tokensRoute, "/api/v1/tokens", "admin", { name: "甲" }, key);
    expect([a.status, b.status, b.replayed]).toEqual([201, 201, null]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it("writes once when calls with one key arrive together; all answer the first answer", async () => {
    const key = randomUUID();
    const before = await snapshot();
    const answers = await Promise.all([0, 1, 2].map(() => post(householdsRoute, "/api/v1/households", "clerk-xinhua", { ...householdBody, headName: "易同时" }, key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === "true")).toHaveLength(2);
    const after = await snapshot();
    expect(after.households).toBe(before.households + 1);
    expect(after.audit).toBe(before.audit + 1);
  });

  it("releases the key when the first call fails, so a corrected retry goes through", async () => {
    const key = randomUUID();
    const bad = await post(householdsRoute, "/api/v1/households", "clerk-xinhua", { ...householdBody, headName: "" }, key);
    expect(bad.status).toBe(400);
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(0);
    const forbidden = await post(householdsRoute, "/api/v1/households", "official", householdBody, "not a valid key\u00e9");
    expect(forbidden.status).toBe(403);
    const malformed = await post(householdsRoute, "/api/v1/households", "clerk-xinhua", { ...householdBody, headName: "易改正" }, "bad key with spaces");
    expect(malformed.status).toBe(400);
    const good = await post(householdsRoute, "/api/v1/households", "clerk-xinhua", { ...householdBody, headName: "易改正" }, key);
    expect(good.status).toBe(201);
  });

  it("keeps the entries' body field working, now answering a retry with 201", async () => {
    const input = { ...entryBody, idempotencyKey: randomUUID(), description: "带编号的记录" };
    const first = await post(entriesRoute, "/api/v1/entries", "clerk-xinhua", input);
    const again = await post(entriesRoute, "/api/v1/entries", "clerk-xinhua", input);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
  });

  it("is documented on every creating operation, with the replay header on its answer", () => {
    const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { parameters: { $ref?: string }[]; responses: Record<string, { headers?: object }> }>> };
    const creating = operations.filter((op) => op.method === "POST" && op.status === 201);
    expect(creating.length).toBeGreaterThanOrEqual(15);
    for (const op of creating) {
      const documented = doc.paths[`/api/v1${op.path}`]!.post!;
      expect(documented.parameters, op.id).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
      expect(documented.responses["201"]!.headers, op.id).toHaveProperty("Idempotency-Replayed");
    }
    for (const op of operations.filter((o) => !creating.includes(o))) {
      const documented = doc.paths[`/api/v1${op.path}`]![op.method.toLowerCase()]!;
      expect(documented.parameters, op.id).not.toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
    }
  });

  it("purges keys older than a day", async () => {
    const key = randomUUID();
    expect((await post(tokensRoute, "/api/v1/tokens", "official", { name: "旧" }, key)).status).toBe(201);
    await purgeIdempotencyKeys(new Date(Date.now() + 23 * 3600_000));
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(1);
    await purgeIdempotencyKeys(new Date(Date.now() + 25 * 3600_000));
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(0);
  });
});
