import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { callApi, sessionCookieFor } from "../helpers/api-client";

describe("GET /api/v1/me", () => {
  it("answers 401 with a JSON error in Chinese when nobody is signed in", async () => {
    const res = await callApi("GET", "/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: "UNAUTHENTICATED", message: "请先登录。" });
  });

  it("returns the account as the database has it now, not as the session was issued", async () => {
    const first = await callApi("GET", "/api/v1/me", { as: { username: "clerk-xinhua" } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ username: "clerk-xinhua", role: "CLERK" });
    expect(first.body).not.toHaveProperty("passwordHash");

    await db.account.update({ where: { username: "clerk-xinhua" }, data: { active: false } });
    try {
      const after = await callApi("GET", "/api/v1/me", { as: { username: "clerk-xinhua" } });
      expect(after.status).toBe(401);
    } finally {
      await db.account.update({ where: { username: "clerk-xinhua" }, data: { active: true } });
    }
  });

  it("ends sessions opened before a password reset, even renewed ones", async () => {
    const cookie = await sessionCookieFor("rep-xinhua-2");
    const headers = { cookie };
    expect((await callApi("GET", "/api/v1/me", { headers })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    const reset = await callApi("POST", `/api/v1/accounts/${(await db.account.findUniqueOrThrow({ where: { username: "rep-xinhua-2" } })).id}/reset-password`, { as: { username: "official" } });
    expect(reset.status).toBe(200);
    expect((await callApi("GET", "/api/v1/me", { headers })).status).toBe(401);
    const { renewSessionToken, sessionCookieName } = await import("@/lib/server/auth/session");
    const { encode } = await import("next-auth/jwt");
    const account = await db.account.findUniqueOrThrow({ where: { username: "rep-xinhua-2" } });
    // A session signed in before the reset, old enough to be renewed by the proxy.
    const old = await encode({ token: { sub: account.id, signedInAt: Date.now() - 60_000 }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 600 });
    const renewed = await renewSessionToken(old);
    expect(renewed).toBeTypeOf("string");
    expect((await callApi("GET", "/api/v1/me", { headers: { cookie: `${sessionCookieName()}=${renewed}` } })).status).toBe(401);
  });
});
