import "../helpers/app-database";
import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";

// DESIGN.md "Sessions": a password change ends every other session and revokes every API token
// (the session that made the change carries on); deactivation revokes tokens for good;
// reactivation revives nothing.

// The page's Server Action reads and writes cookies through next/headers: a cookie jar stands in.
const jar = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.cookies.has(name) ? { name, value: jar.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.cookies.set(name, value),
  }),
  headers: async () => new Headers({ "user-agent": "vitest", origin: "http://localhost:3000" }),
}));
vi.mock("next/navigation", () => ({ redirect: (to: string) => { throw new Error(`redirect to ${to}`); } }));
// Only a failure would be translated; next-intl's server entry needs Next's request scope.
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
// A sign-in checks its secret outside any transaction (argon2 takes a while): a test can run
// something else right after the check and before the sign-in commits.
const interleave = vi.hoisted(() => ({ afterVerify: null as null | (() => Promise<unknown>) }));
vi.mock("@/lib/server/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/auth/password")>();
  return {
    ...original,
    verifySecret: async (hash: string | null | undefined, secret: string) => {
      const verified = await original.verifySecret(hash, secret);
      const step = interleave.afterVerify;
      interleave.afterVerify = null;
      if (step) await step();
      return verified;
    },
  };
});

const secret = () => process.env.NEXTAUTH_SECRET!;
const { sessionCookieName } = await import("@/lib/server/auth/session");

/** A session cookie as next-auth would have issued it at sign-in, `agoMs` ago. */
async function sessionOf(username: string, agoMs: number, viaAccessCode = false): Promise<string> {
  const { id } = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return encode({ token: { sub: id, signedInAt: Date.now() - agoMs, viaAccessCode }, secret: secret() });
}
const withCookie = (token: string) => ({ headers: { cookie: `${sessionCookieName()}=${token}` } });
const meWith = async (token: string) => (await callApi("GET", "/api/v1/me", withCookie(token))).status;
const meWithBearer = async (bearer: string) => (await callApi("GET", "/api/v1/me", { as: { bearer } })).status;

async function tokensOf(username: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await callApi("POST", "/api/v1/tokens", { as: { username }, body: { name: `t${i}` } });
    expect(res.status).toBe(201);
    tokens.push(res.body.token);
  }
  return tokens;
}

/** POST /api/v1/me/password through its route handler, keeping the response's Set-Cookie. */
async function changePassword(auth: { cookie?: string; bearer?: string }, currentPassword: string, newPassword: string) {
  const { POST } = await import("@/app/api/v1/me/password/route");
  const headers = new Headers({ origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" });
  if (auth.cookie) headers.set("cookie", `${sessionCookieName()}=${auth.cookie}`);
  if (auth.bearer) headers.set("authorization", `Bearer ${auth.bearer}`);
  const request = new Request("http://localhost:3000/api/v1/me/password", {
    method: "POST", headers, body: JSON.stringify({ currentPassword, newPassword, confirmPassword: newPassword }),
  });
  const response = await POST(request, { params: Promise.resolve({}) });
  const cookie = response.headers.get("set-cookie");
  const token = cookie?.match(new RegExp(`^${sessionCookieName()}=([^;]+)`))?.[1] ?? null;
  return { status: response.status, body: await response.json(), token, cookie };
}

describe("changing one's password through the API", () => {
  it("ends every other session and revokes every token, while the session that changed it carries on", async () => {
    const username = "clerk-wutong";
    const here = await sessionOf(username, 120_000);
    const otherDevice = await sessionOf(username, 60_000);
    const tokens = await tokensOf(username, 2);
    expect([await meWith(here), await meWith(otherDevice), ...(await Promise.all(tokens.map(meWithBearer)))]).toEqual([200, 200, 200, 200]);

    const changed = await changePassword({ cookie: here }, "demo1234", "Changed-2026");
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.cookie).toMatch(/HttpOnly/);
    expect(changed.cookie).toMatch(/SameSite=Lax/);

    expect(await meWith(otherDevice)).toBe(401);
    for (const token of tokens) expect(await meWithBearer(token)).toBe(401);
    // The re-issued cookie works; the one it replaced (signed in before the change) does not.
    expect(await meWith(changed.token!)).toBe(200);
    expect(await meWith(here)).toBe(401);

    const account = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
    expect(await db.apiToken.count({ where: { accountId: account.id, revokedAt: null } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "account.changePassword", targetId: account.id } });
    expect(audit.after).toMatchObject({ tokensRevoked: 2 });
  });

  it("leaves a stolen token nothing: it cannot mint a new one after the change", async () => {
    const [stolen] = await tokensOf("clerk-qinglong", 1);
    const changed = await changePassword({ cookie: await sessionOf("clerk-qinglong", 5_000) }, "demo1234", "Changed-2026");
    expect(changed.status).toBe(200);
    const minted = await callApi("POST", "/api/v1/tokens", { as: { bearer: stolen! }, body: { name: "still here" } });
    expect(minted.status).toBe(401);
  });

  it("made with a token, ends every session and revokes that token too, issuing no cookie", async () => {
    const username = "clerk-baofeng";
    const session = await sessionOf(username, 5_000);
    const [token] = await tokensOf(username, 1);
    const changed = await changePassword({ bearer: token }, "demo1234", "Changed-2026");
    expect(changed.status).toBe(200);
    expect(changed.cookie).toBeNull();
    expect(await meWithBearer(token!)).toBe(401);
    expect(await meWith(session)).toBe(401);
  });

  it("keeps the mark of a session that began with an access code on the re-issued cookie", async () => {
    const username = "JS-XH-00001";
    const code = await sessionOf(username, 5_000, true);
    const changed = await changePassword({ cookie: code }, "demo1234", "Changed-2026");
    expect(changed.status).toBe(200);
    const claims = await decode({ token: changed.token!, secret: secret() });
    expect(claims).toMatchObject({ viaAccessCode: true });
  });
});

describe("changing one's password on the account page", () => {
  it("re-issues the page's session cookie and ends the other sessions", async () => {
    const { changePasswordAction } = await import("@/app/account/actions");
    const username = "clerk-yanmen";
    const here = await sessionOf(username, 120_000);
    const otherDevice = await sessionOf(username, 60_000);
    const [token] = await tokensOf(username, 1);
    jar.cookies.clear();
    jar.cookies.set(sessionCookieName(), here);

    const form = new FormData();
    form.set("currentPassword", "demo1234");
    form.set("newPassword", "Changed-2026");
    form.set("confirmPassword", "Changed-2026");
    expect(await changePasswordAction({}, form)).toEqual({ ok: true });

    const reissued = jar.cookies.get(sessionCookieName())!;
    expect(reissued).not.toBe(here);
    expect(await meWith(reissued)).toBe(200);
    expect(await meWith(otherDevice)).toBe(401);
    expect(await meWithBearer(token!)).toBe(401);
  });
});

describe("deactivating and reactivating an account", () => {
  it("revokes its tokens for good and ends its sessions; reactivation revives neither", async () => {
    const username = `clerk-t-${randomUUID().slice(0, 6)}`;
    const xinhua = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true, townshipId: true } });
    const created = await callApi("POST", "/api/v1/accounts", {
      as: { username: "official" }, body: { role: "CLERK", username, displayName: "临时理事", password: "Start-2026x", villageId: xinhua.id },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.account.id;
    await db.account.update({ where: { id }, data: { mustChangePassword: false } });
    const session = await sessionOf(username, 5_000);
    const tokens = await tokensOf(username, 2);

    expect((await callApi("POST", `/api/v1/accounts/${id}/deactivate`, { as: { username: "official" } })).status).toBe(200);
    expect(await meWith(session)).toBe(401);
    for (const token of tokens) expect(await meWithBearer(token)).toBe(401);
    const revoked = await db.apiToken.findMany({ where: { accountId: id }, select: { revokedAt: true } });
    expect(revoked.every((t) => t.revokedAt !== null)).toBe(true);

    expect((await callApi("POST", `/api/v1/accounts/${id}/reactivate`, { as: { username: "official" } })).status).toBe(200);
    expect(await meWith(session)).toBe(401);
    for (const token of tokens) expect(await meWithBearer(token)).toBe(401);
    expect(await db.apiToken.count({ where: { accountId: id, revokedAt: null } })).toBe(0);
    // A sign-in after the reactivation works as usual.
    expect(await meWith(await sessionOf(username, -1_000))).toBe(200);
  });

  it("a password reset by an official also ends the sessions and revokes the tokens", async () => {
    const username = "clerk-zhangshu-2";
    const { id } = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
    const session = await sessionOf(username, 5_000);
    const [token] = await tokensOf(username, 1);
    expect((await callApi("POST", `/api/v1/accounts/${id}/reset-password`, { as: { username: "official" } })).status).toBe(200);
    expect(await meWith(session)).toBe(401);
    expect(await meWithBearer(token!)).toBe(401);
  });
});

describe("a sign-in that meets a reset or deactivation", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
  const context = { ip: "198.51.100.60", userAgent: "vitest" };
  const officialActor = async () => ({ ...(await db.account.findUniqueOrThrow({ where: { username: "official" } })), viaAccessCode: false });
  const idOf = async (username: string) => (await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;

  /** next-auth's two steps: authorize (checks the password), then the jwt callback (writes the session). */
  async function nextAuthSteps() {
    const { authOptions } = await import("@/lib/server/auth/auth-options");
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
    const jwt = authOptions.callbacks!.jwt! as unknown as (args: { token: object; user: object }) => Promise<Record<string, unknown>>;
    const { CLIENT_ADDRESS_HEADER } = await import("@/lib/domain/client-address");
    return {
      authorize: (username: string, password: string) =>
        authorize({ username, password }, { headers: { [CLIENT_ADDRESS_HEADER]: context.ip, "user-agent": "vitest" } }),
      session: async (user: object) => encode({ token: await jwt({ token: {}, user }), secret: secret() }),
    };
  }

  it("is refused when a reset commits between checking the old password and recording the sign-in", async () => {
    const { signIn } = await import("@/lib/server/auth/sign-in");
    const { resetAccountPassword } = await import("@/lib/server/accounts/reset-password");
    const id = await idOf("clerk-huanghugang");
    interleave.afterVerify = async () => resetAccountPassword(await officialActor(), id, context);
    const result = await signIn("clerk-huanghugang", "demo1234", context);
    expect(interleave.afterVerify).toBeNull();
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await db.signInAttempt.count({ where: { accountId: id, succeeded: true } })).toBe(0);
  });

  it("is refused when a deactivation commits between the check and the record", async () => {
    const { signIn } = await import("@/lib/server/auth/sign-in");
    const { setAccountActive } = await import("@/lib/server/accounts/set-account-active");
    const id = await idOf("clerk-baiyanghu");
    interleave.afterVerify = async () => setAccountActive(await officialActor(), id, false, context);
    expect(await signIn("clerk-baiyanghu", "demo1234", context)).toMatchObject({ ok: false, reason: "INACTIVE" });
    expect(await db.signInAttempt.count({ where: { accountId: id, succeeded: true } })).toBe(0);
  });

  it("that was checked before a reset gets a session the reset ends, though next-auth writes the session after it", async () => {
    const { resetAccountPassword } = await import("@/lib/server/accounts/reset-password");
    const steps = await nextAuthSteps();
    const id = await idOf("clerk-yanmen-2");
    const user = await steps.authorize("clerk-yanmen-2", "demo1234");
    expect(user).toMatchObject({ id });
    await resetAccountPassword(await officialActor(), id, context);
    expect(await meWith(await steps.session(user!))).toBe(401);
  });

  it("is ended by a reset in the same millisecond, too", async () => {
    const { resetAccountPassword } = await import("@/lib/server/accounts/reset-password");
    const steps = await nextAuthSteps();
    const id = await idOf("clerk-zhangshu");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date());
      const user = await steps.authorize("clerk-zhangshu", "demo1234");
      const session = await steps.session(user!);
      await resetAccountPassword(await officialActor(), id, context);
      expect(await meWith(session)).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});
