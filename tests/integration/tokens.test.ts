import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { hashApiToken, resolveActor } from "@/lib/server/auth/resolve-actor";
import { db } from "@/lib/server/db";
import { createToken } from "@/lib/server/tokens/create-token";
import { callApi, sessionCookieFor } from "../helpers/api-client";
import { messages } from "../helpers/error-details";

const clerk = { username: "clerk-xinhua" };
const createdTokens: string[] = [];

async function createTokenAs(username: string, name = "spreadsheet sync") {
  const res = await callApi("POST", "/api/v1/tokens", { as: { username }, body: { name } });
  expect(res.status).toBe(201);
  createdTokens.push(res.body.token);
  return res.body as { id: string; token: string; prefix: string; name: string };
}

const auditCount = (where: { action?: string; targetId?: string } = {}) => db.auditLog.count({ where });

describe("personal API tokens", () => {
  it("creates a token shown once, stored only as its hash, that authenticates as its account", async () => {
    const before = await auditCount();
    const created = await createTokenAs(clerk.username, "  表格同步  ");
    expect(created.token).toMatch(/^fca_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "表格同步", prefix: created.token.slice(0, 12), revokedAt: null });

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(await auditCount()).toBe(before + 1);
    expect(await auditCount({ action: "token.create", targetId: created.id })).toBe(1);

    const me = await callApi("GET", "/api/v1/me", { as: { bearer: created.token } });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: "clerk-xinhua", role: "CLERK" });

    const list = await callApi("GET", "/api/v1/tokens", { as: clerk });
    expect(list.status).toBe(200);
    const listed = list.body.items.find((t: { id: string }) => t.id === created.id);
    expect(listed).toMatchObject({ prefix: created.prefix });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.body)).not.toContain(created.token);
    expect(JSON.stringify(list.body)).not.toContain(row.tokenHash);
  });

  it("stops working the moment it is revoked, and cannot be revoked twice", async () => {
    const { id, token } = await createTokenAs(clerk.username);
    expect((await callApi("GET", "/api/v1/me", { as: { bearer: token } })).status).toBe(200);

    const before = await auditCount();
    const revoked = await callApi("POST", `/api/v1/tokens/${id}/revoke`, { as: clerk });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(await auditCount()).toBe(before + 1);
    expect(await auditCount({ action: "token.revoke", targetId: id })).toBe(1);

    const after = await callApi("GET", "/api/v1/me", { as: { bearer: token } });
    expect(after.status).toBe(401);

    const again = await callApi("POST", `/api/v1/tokens/${id}/revoke`, { as: clerk });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    expect(await auditCount()).toBe(before + 1);
  });

  it("can be revoked with the token itself, from any origin", async () => {
    const { id, token } = await createTokenAs(clerk.username);
    const res = await callApi("POST", `/api/v1/tokens/${id}/revoke`, {
      as: { bearer: token }, headers: { origin: "https://elsewhere.example" },
    });
    expect(res.status).toBe(200);
    expect((await callApi("GET", "/api/v1/tokens", { as: { bearer: token } })).status).toBe(401);
  });

  it("stops working when its account is deactivated", async () => {
    const { token } = await createTokenAs("rep-xinhua-1");
    expect((await callApi("GET", "/api/v1/me", { as: { bearer: token } })).status).toBe(200);
    await db.account.update({ where: { username: "rep-xinhua-1" }, data: { active: false } });
    try {
      expect((await callApi("GET", "/api/v1/me", { as: { bearer: token } })).status).toBe(401);
    } finally {
      await db.account.update({ where: { username: "rep-xinhua-1" }, data: { active: true } });
    }
  });

  it("refuses households, unknown tokens and foreign cookie writes, writing nothing", async () => {
    const before = await auditCount();
    const household = { username: "JS-XH-00001" };
    expect((await callApi("POST", "/api/v1/tokens", { as: household, body: { name: "x" } })).status).toBe(403);
    expect((await callApi("GET", "/api/v1/tokens", { as: household })).status).toBe(403);
    expect((await callApi("GET", "/api/v1/tokens")).status).toBe(401);
    expect((await callApi("GET", "/api/v1/me", { as: { bearer: "fca_not-a-real-token" } })).status).toBe(401);
    const foreign = await callApi("POST", "/api/v1/tokens", { as: clerk, body: { name: "x" }, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it("answers 404 for another account's token and leaves it working", async () => {
    const { id, token } = await createTokenAs("clerk-yangping");
    const before = await auditCount();
    const res = await callApi("POST", `/api/v1/tokens/${id}/revoke`, { as: clerk });
    expect(res.status).toBe(404);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect((await callApi("GET", "/api/v1/me", { as: { bearer: token } })).body.username).toBe("clerk-yangping");
    const mine = await callApi("GET", "/api/v1/tokens", { as: clerk });
    expect(mine.body.items.map((t: { id: string }) => t.id)).not.toContain(id);
    expect(await auditCount()).toBe(before);
  });

  it("validates the name with per-field messages", async () => {
    const before = await auditCount();
    const empty = await callApi("POST", "/api/v1/tokens", { as: clerk, body: { name: "   " } });
    expect(empty.status).toBe(400);
    expect(messages(empty.body.error.details)).toEqual({ name: "请填写令牌名称。" });
    const long = await callApi("POST", "/api/v1/tokens", { as: clerk, body: { name: "x".repeat(61) } });
    expect(long.status).toBe(400);
    expect((await callApi("POST", "/api/v1/tokens/not-a-uuid/revoke", { as: clerk })).status).toBe(400);
    expect(await auditCount()).toBe(before);
  });

  it("allows at most 20 active tokens per account (422), counting only unrevoked ones", async () => {
    const official = "official";
    const tokens = [];
    for (let i = 0; i < 20; i++) tokens.push(await createTokenAs(official, `t${i}`));
    const before = await auditCount();
    const refused = await callApi("POST", "/api/v1/tokens", { as: { username: official }, body: { name: "one too many" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("RULE_VIOLATION");
    expect(await auditCount()).toBe(before);
    expect((await callApi("POST", `/api/v1/tokens/${tokens[0]!.id}/revoke`, { as: { username: official } })).status).toBe(200);
    await createTokenAs(official, "replacement");
  });

  // A request is authenticated, then its use case runs: a password reset or a revocation may
  // commit in between. The token must not outlive what authenticated the request.
  describe("created by a request whose credential ends while it runs", () => {
    const context = { ip: "198.51.100.80", userAgent: "vitest" };
    const refusedWithoutToken = async (run: () => Promise<unknown>, accountId: string) => {
      const before = { tokens: await db.apiToken.count({ where: { accountId } }), audit: await auditCount() };
      await expect(run()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      expect({ tokens: await db.apiToken.count({ where: { accountId } }), audit: await auditCount() }).toEqual(before);
    };

    it("is refused when the session's password is reset", async () => {
      const cookie = (await sessionCookieFor("clerk-baofeng")).split("=").slice(1).join("=");
      const actor = (await resolveActor(null, cookie))!;
      expect(actor).toMatchObject({ username: "clerk-baofeng", via: "session" });
      const reset = await callApi("POST", `/api/v1/accounts/${actor.id}/reset-password`, { as: { username: "official" } });
      expect(reset.status).toBe(200);
      await refusedWithoutToken(() => createToken(actor, { name: "after the reset" }, context), actor.id);
    });

    it("is refused when the token that authenticated it is revoked, or its account deactivated", async () => {
      const { id, token } = await createTokenAs("clerk-chayuan");
      const actor = (await resolveActor(`Bearer ${token}`, undefined))!;
      expect(actor).toMatchObject({ username: "clerk-chayuan", via: "token" });
      expect((await callApi("POST", `/api/v1/tokens/${id}/revoke`, { as: { username: "clerk-chayuan" } })).status).toBe(200);
      await refusedWithoutToken(() => createToken(actor, { name: "after the revocation" }, context), actor.id);

      const second = await createTokenAs("clerk-chayuan");
      const stillValid = (await resolveActor(`Bearer ${second.token}`, undefined))!;
      expect((await callApi("POST", `/api/v1/accounts/${actor.id}/deactivate`, { as: { username: "official" } })).status).toBe(200);
      await refusedWithoutToken(() => createToken(stillValid, { name: "after the deactivation" }, context), actor.id);
    });
  });

  // Runs last: by now every kind of token write has been logged.
  it("never writes a token, or its hash, into the audit log", async () => {
    const rows = await db.auditLog.findMany({ select: { before: true, after: true, targetId: true, userAgent: true } });
    const logged = JSON.stringify(rows);
    expect(createdTokens.length).toBeGreaterThan(20);
    for (const token of createdTokens) {
      expect(logged).not.toContain(token);
      expect(logged).not.toContain(hashApiToken(token));
    }
  });
});
