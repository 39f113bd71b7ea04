import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { db } from "@/lib/server/db";
import { callApi, sessionCookieFor } from "../helpers/api-client";

// Issue 7 point 9: anyone may ask whether the app is healthy; only an admin learns why not.

const BROKEN = "20991231000000_half_applied";
let adminToken: string;

async function health(headers: Record<string, string> = {}) {
  const response = await healthRoute(new Request("http://localhost:3000/api/health", { headers }));
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}
const asSession = async (username: string) => ({ cookie: await sessionCookieFor(username) });

beforeAll(async () => {
  const created = await callApi("POST", "/api/v1/tokens", { as: { username: "admin" }, body: { name: "monitoring" } });
  expect(created.status).toBe(201);
  adminToken = created.body.token;
});

describe("a healthy installation", () => {
  it("tells an anonymous caller only that it is ok", async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: "ok" } });
    expect((await health()).body).toEqual({ status: "ok" });
  });

  it("tells a signed-in admin the database and migration state", async () => {
    const res = await health(await asSession("admin"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", ok: true, database: { reachable: true }, migrations: { ok: true, pending: [], failed: [] } });
    expect(res.body.migrations.applied).toBeGreaterThan(0);
  });
});

describe("a migration that failed half-way", () => {
  beforeAll(async () => {
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES (${randomUUID()}, ${"0".repeat(64)}, ${BROKEN}, now(), 0)`;
  });
  afterAll(async () => {
    await db.$executeRaw`DELETE FROM _prisma_migrations WHERE migration_name = ${BROKEN}`;
  });

  it.each([
    ["anonymous", async () => ({})],
    ["an official", () => asSession("official")],
    ["a clerk", () => asSession("clerk-xinhua")],
    ["a forged bearer token", async () => ({ authorization: "Bearer fca_not-a-real-token" })],
  ])("tells %s that it is unavailable, and nothing else", async (_who, headers) => {
    const res = await health(await headers());
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: "unavailable" });
    expect(res.text).not.toContain(BROKEN);
  });

  it.each([
    ["session", () => asSession("admin")],
    ["API token", async () => ({ authorization: `Bearer ${adminToken}` })],
  ])("names the failed migration to an admin signed in by %s", async (_how, headers) => {
    const res = await health(await headers());
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "unavailable", ok: false, migrations: { ok: false, failed: [BROKEN] } });
  });
});
