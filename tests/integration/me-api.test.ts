import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { api, sessionCookieFor } from "../helpers/api-client";

// Through the typed client: a change of the /me answer or of the reset operation that the
// document does not show is a type error here.

describe("GET /api/v1/me", () => {
  it("answers 401 with a JSON error in Chinese when nobody is signed in", async () => {
    const { response, error } = await api(null).GET("/api/v1/me");
    expect(response.status).toBe(401);
    expect(error?.error).toMatchObject({ code: "UNAUTHENTICATED", message: "请先登录。" });
  });

  it("returns the account as the database has it now, not as the session was issued", async () => {
    const first = await api({ username: "clerk-xinhua" }).GET("/api/v1/me");
    expect(first.response.status).toBe(200);
    expect(first.data).toMatchObject({ username: "clerk-xinhua", role: "CLERK" });
    expect(first.data).not.toHaveProperty("passwordHash");

    await db.account.update({ where: { username: "clerk-xinhua" }, data: { active: false } });
    try {
      const after = await api({ username: "clerk-xinhua" }).GET("/api/v1/me");
      expect(after.response.status).toBe(401);
    } finally {
      await db.account.update({ where: { username: "clerk-xinhua" }, data: { active: true } });
    }
  });

  it("ends sessions opened before a password reset, even renewed ones", async () => {
    const cookie = await sessionCookieFor("rep-xinhua-2");
    const me = (headers: Record<string, string>) => api(null, { headers }).GET("/api/v1/me").then((r) => r.response.status);
    expect(await me({ cookie })).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    const id = (await db.account.findUniqueOrThrow({ where: { username: "rep-xinhua-2" } })).id;
    const reset = await api({ username: "official" }).POST("/api/v1/accounts/{id}/reset-password", { params: { path: { id } } });
    expect(reset.response.status).toBe(200);
    expect(await me({ cookie })).toBe(401);
    const { renewSessionToken, sessionCookieName } = await import("@/lib/server/auth/session");
    const { encode } = await import("next-auth/jwt");
    const account = await db.account.findUniqueOrThrow({ where: { username: "rep-xinhua-2" } });
    // A session signed in before the reset, old enough to be renewed by the proxy.
    const old = await encode({ token: { sub: account.id, signedInAt: Date.now() - 60_000 }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 600 });
    const renewed = await renewSessionToken(old);
    expect(renewed).toBeTypeOf("string");
    expect(await me({ cookie: `${sessionCookieName()}=${renewed}` })).toBe(401);
  });
});
