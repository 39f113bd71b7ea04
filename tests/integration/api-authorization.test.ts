import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { hashApiToken } from "@/lib/server/auth/resolve-actor";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";
import { createOtherTownship, type OtherTownship } from "../helpers/other-township";

// Every /api/v1 operation × every kind of caller → the expected status. The operations come
// from the OpenAPI document, so a new endpoint without a row here fails this test.

const WHO = ["anonymous", "admin", "official", "officialOther", "clerk", "clerkOther", "representative", "household", "householdOther"] as const;
type Who = (typeof WHO)[number];

const usernames: Record<Exclude<Who, "anonymous" | "officialOther">, string> = {
  admin: "admin", official: "official", clerk: "clerk-xinhua", clerkOther: "clerk-yangping",
  representative: "rep-xinhua-1", household: "JS-XH-00001", householdOther: "JS-YP-00001",
};

type Fixtures = {
  other: OtherTownship;
  xinhuaId: string;
  xinhuaHouseholdId: string; // a 新花村 household that is not JS-XH-00001
  clerk2Id: string;
};
type Request = { method: string; path: string; body?: unknown };
type Row = { request: (fx: Fixtures, who: Who) => Promise<Request> | Request; expect: Record<Who, number> };

/** Statuses for all callers: signed-in callers get `base` unless named; anonymous gets 401. */
function statuses(base: number, overrides: Partial<Record<Who, number>> = {}): Record<Who, number> {
  return Object.fromEntries(WHO.map((w) => [w, overrides[w] ?? (w === "anonymous" ? 401 : base)])) as Record<Who, number>;
}
const townshipStaffOnly = (ok: number, outOfScope = 404) =>
  statuses(403, { admin: ok, official: ok, officialOther: outOfScope });

const uniq = () => randomUUID().slice(0, 8);

async function newRepresentative(fx: Fixtures): Promise<string> {
  const account = await db.account.create({
    data: { username: `rep-t-${uniq()}`, displayName: "测试代表", role: "REPRESENTATIVE", townshipId: (await township()).id, villageId: fx.xinhuaId },
    select: { id: true },
  });
  return account.id;
}
const township = () => db.township.findUniqueOrThrow({ where: { code: "JS" }, select: { id: true } });

async function tokenOf(username: string): Promise<string> {
  const account = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const token = `fca_${randomUUID()}`;
  const row = await db.apiToken.create({
    data: { accountId: account.id, name: "t", prefix: token.slice(0, 12), tokenHash: hashApiToken(token) },
    select: { id: true },
  });
  return row.id;
}

const table: Record<string, Row> = {
  getMe: { request: () => ({ method: "GET", path: "/api/v1/me" }), expect: statuses(200) },
  changeMyPassword: {
    request: () => ({ method: "POST", path: "/api/v1/me/password",
      body: { currentPassword: "demo1234", newPassword: "Changed-2026", confirmPassword: "Changed-2026" } }),
    expect: statuses(200),
  },
  listMyTokens: { request: () => ({ method: "GET", path: "/api/v1/tokens" }), expect: statuses(200, { household: 403, householdOther: 403 }) },
  createToken: { request: () => ({ method: "POST", path: "/api/v1/tokens", body: { name: `t-${uniq()}` } }), expect: statuses(201, { household: 403, householdOther: 403 }) },
  revokeToken: {
    // A token of clerk-xinhua: only its owner may revoke it; to everyone else it does not exist.
    request: async () => ({ method: "POST", path: `/api/v1/tokens/${await tokenOf("clerk-xinhua")}/revoke` }),
    expect: statuses(404, { clerk: 200, household: 403, householdOther: 403 }),
  },
  listAuditLog: { request: () => ({ method: "GET", path: "/api/v1/audit-log" }), expect: townshipStaffOnly(200, 200) },
  listAccounts: { request: () => ({ method: "GET", path: "/api/v1/accounts" }), expect: townshipStaffOnly(200, 200) },
  createAccount: {
    request: (fx) => ({ method: "POST", path: "/api/v1/accounts",
      body: { role: "REPRESENTATIVE", username: `rep-new-${uniq()}`, displayName: "新代表", password: "Start-2026x", villageId: fx.xinhuaId } }),
    expect: townshipStaffOnly(201),
  },
  getAccount: { request: (fx) => ({ method: "GET", path: `/api/v1/accounts/${fx.clerk2Id}` }), expect: townshipStaffOnly(200) },
  updateAccount: {
    request: async (fx) => ({ method: "PATCH", path: `/api/v1/accounts/${await newRepresentative(fx)}`, body: { displayName: "改名" } }),
    expect: townshipStaffOnly(200),
  },
  deactivateAccount: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/accounts/${await newRepresentative(fx)}/deactivate` }),
    expect: townshipStaffOnly(200),
  },
  reactivateAccount: {
    request: async (fx) => {
      const id = await newRepresentative(fx);
      await db.account.update({ where: { id }, data: { active: false } });
      return { method: "POST", path: `/api/v1/accounts/${id}/reactivate` };
    },
    expect: townshipStaffOnly(200),
  },
  resetAccountPassword: {
    request: async (fx) => ({ method: "POST", path: `/api/v1/accounts/${await newRepresentative(fx)}/reset-password` }),
    expect: townshipStaffOnly(200),
  },
  issueAccessCode: {
    request: (fx) => ({ method: "POST", path: `/api/v1/households/${fx.xinhuaHouseholdId}/access-code` }),
    expect: statuses(403, { admin: 200, official: 200, officialOther: 404, clerk: 200, clerkOther: 404 }),
  },
  listVillages: { request: () => ({ method: "GET", path: "/api/v1/villages" }), expect: statuses(200, { household: 403, householdOther: 403 }) },
  createVillage: {
    request: (fx, who) => ({ method: "POST", path: "/api/v1/villages",
      body: { code: `T${uniq().slice(0, 5).toUpperCase()}`, name: `测试村${uniq()}`, kind: "VILLAGE",
        ...(who === "admin" ? { townshipId: fx.other.townshipId } : {}) } }),
    expect: statuses(403, { admin: 201, official: 201, officialOther: 201 }),
  },
  updateVillage: {
    request: (fx) => ({ method: "PATCH", path: `/api/v1/villages/${fx.xinhuaId}`, body: { kind: "VILLAGE" } }),
    expect: townshipStaffOnly(200),
  },
  verifyChains: {
    // Reads only; an official of another township verifies its own (empty) township.
    request: () => ({ method: "POST", path: "/api/v1/chains/verify" }),
    expect: townshipStaffOnly(200, 200),
  },
};

let fx: Fixtures;

beforeAll(async () => {
  const other = await createOtherTownship();
  const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
  const household = await db.household.findFirstOrThrow({
    where: { villageId: xinhua.id, archiveNo: { not: "JS-XH-00001" }, status: "ACTIVE" }, select: { id: true },
  });
  const clerk2 = await db.account.findUniqueOrThrow({ where: { username: "clerk-xinhua-2" }, select: { id: true } });
  fx = { other, xinhuaId: xinhua.id, xinhuaHouseholdId: household.id, clerk2Id: clerk2.id };
});

const document = buildOpenApiDocument();
const operationIds = Object.values(document.paths).flatMap((p) => Object.values(p).map((o) => (o as { operationId: string }).operationId));

describe("the authorization table", () => {
  it("has a row for every operation of the OpenAPI document, and no stale rows", () => {
    expect(operationIds.filter((id) => !table[id]), "operations without a row").toEqual([]);
    expect(Object.keys(table).filter((id) => !operationIds.includes(id)), "rows without an operation").toEqual([]);
  });

  for (const id of operationIds) {
    const row = table[id];
    if (!row) continue;
    it.each(WHO.map((who) => [who, row.expect[who]] as const))(`${id} as %s → %i`, async (who, status) => {
      const request = await row.request(fx, who);
      const as = who === "anonymous" ? null : { username: who === "officialOther" ? fx.other.officialUsername : usernames[who] };
      const response = await callApi(request.method, request.path, { as, body: request.body });
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      if (status >= 400) expect(response.body.error.code).toBeTypeOf("string");
    });
  }
});
