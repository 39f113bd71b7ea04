import "../helpers/app-database";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies } from "@/lib/domain/client-address";
import { signIn, SIGN_IN_LIMITS } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { requestContextFrom } from "@/lib/server/request-context";
import { stampClientAddress } from "../../scripts/stamp-client-address";
import { callApi } from "../helpers/api-client";

const from = (ip: string) => ({ ip, userAgent: "vitest" });
const auditCount = (action: string, targetId?: string) =>
  db.auditLog.count({ where: { action, ...(targetId ? { targetId } : {}) } });
const accountId = async (username: string) => (await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;

/**
 * A server that does what scripts/serve.ts does before Next sees a request (stamp the client
 * address), then signs in with the request's context: sign-in as deployed, without a build.
 */
async function signInServer(trustedProxies?: string): Promise<{ url: string; server: Server }> {
  const trusted = parseTrustedProxies(trustedProxies);
  const server = createServer((req, res) => {
    stampClientAddress(req, trusted);
    const context = requestContextFrom(new Headers(req.headers as Record<string, string>));
    const url = new URL(req.url ?? "/", "http://x");
    void signIn(url.searchParams.get("u") ?? "", url.searchParams.get("p") ?? "", context).then((result) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ result, ip: context.ip }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function attempt(base: string, username: string, password: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/?u=${encodeURIComponent(username)}&p=${encodeURIComponent(password)}`, { headers });
  return (await res.json()) as { result: { ok: boolean; reason?: string }; ip: string };
}

describe("signIn", () => {
  it("finds the account by its sign-in key: any case, full-width characters, spaces around", async () => {
    const id = await accountId("JS-XH-00001");
    const before = await auditCount("auth.signIn", id);
    for (const typed of ["js-xh-00001", " JS-XH-00001 ", "ＪＳ－ＸＨ－００００１"]) {
      expect(await signIn(typed, "demo1234", from("10.0.0.1"))).toEqual({
      ok: true, accountId: id, mustChangePassword: false, method: "PASSWORD", signedInAt: expect.any(Date),
    });
    }
    expect(await auditCount("auth.signIn", id)).toBe(before + 3);
    const attempts = await db.signInAttempt.findMany({ where: { accountId: id, succeeded: true }, select: { identifier: true, method: true } });
    expect(attempts).toEqual(Array(3).fill({ identifier: "js-xh-00001", method: "PASSWORD" }));
  });

  it("locks an account for one address after five failures there; the sixth attempt says until when", async () => {
    const username = "clerk-xinglong";
    const id = await accountId(username);
    for (let i = 1; i < SIGN_IN_LIMITS.accountFailures; i++) {
      expect(await signIn(username, `wrong-${i}`, from("10.0.0.2"))).toEqual({ ok: false, reason: "INVALID" });
    }
    const fifth = await signIn(username, "wrong-5", from("10.0.0.2"));
    expect(fifth).toMatchObject({ ok: false, reason: "LOCKED" });
    const until = (fifth as { retryAt: Date }).retryAt.getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    // Even the right password is refused from there while locked, with the same time to retry…
    const sixth = await signIn(username, "demo1234", from("10.0.0.2"));
    expect(sixth).toEqual({ ok: false, reason: "LOCKED", retryAt: new Date(until) });
    expect(await auditCount("auth.lockout", id)).toBe(1);
    expect(await auditCount("auth.signIn.refusedLocked", id)).toBe(1);
    // Further refusals cost the guesser nothing: they are not written to the audit log one by one.
    for (let i = 0; i < 3; i++) expect(await signIn(username, `wrong-${i}`, from("10.0.0.2"))).toMatchObject({ reason: "LOCKED" });
    expect(await auditCount("auth.signIn.refusedLocked", id)).toBe(1);
    // …but the holder at another address is not locked out by whoever failed at the first.
    expect(await signIn(username, "demo1234", from("10.0.9.9"))).toMatchObject({ ok: true });
    expect((await db.account.findUniqueOrThrow({ where: { id } })).lockedUntil).toBeNull();

    // After the lock has run out, the right password works at the first address again.
    const past = new Date(Date.now() - SIGN_IN_LIMITS.lockMs - 1000);
    await db.signInAttempt.updateMany({ where: { accountId: id, ip: "10.0.0.2" }, data: { createdAt: past, locksUntil: null } });
    expect(await signIn(username, "demo1234", from("10.0.0.2"))).toMatchObject({ ok: true });
  });

  it("counts a burst of parallel guesses in full: no more than five are checked", async () => {
    const username = "clerk-shuangxi";
    const id = await accountId(username);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(username, `burst-${i}`, from("10.0.0.12"))));
    const checked = await db.signInAttempt.count({ where: { accountId: id, ip: "10.0.0.12" } });
    expect(checked).toBe(SIGN_IN_LIMITS.accountFailures);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.reason === "LOCKED").length).toBeGreaterThanOrEqual(12 - SIGN_IN_LIMITS.accountFailures);
  });

  it("locks the account everywhere at the ceiling of failures from all addresses, until a reset", async () => {
    const username = "clerk-guanyinqiao";
    const id = await accountId(username);
    // Failures spread over many addresses, four each, so that no address is locked by itself.
    const spread = Array.from({ length: SIGN_IN_LIMITS.accountCeiling - 1 }, (_, i) => {
      const ip = `192.0.2.${Math.floor(i / 4)}`;
      return { identifier: username, accountId: id, ip, network: ip, succeeded: false };
    });
    await db.signInAttempt.createMany({ data: spread });
    const last = await signIn(username, "wrong", from("198.51.100.200"));
    expect(last).toMatchObject({ ok: false, reason: "ACCOUNT_LIMITED" });
    expect(await auditCount("auth.lockout.account", id)).toBe(1);
    expect(await signIn(username, "demo1234", from("198.51.100.201"))).toMatchObject({ ok: false, reason: "ACCOUNT_LIMITED" });

    // A reset lifts it, and the failures before it do not lock the account again at the next mistake.
    const { resetAccountPassword } = await import("@/lib/server/accounts/reset-password");
    const admin = await db.account.findUniqueOrThrow({ where: { username: "admin" } });
    const { temporaryPassword } = await resetAccountPassword({ ...admin, viaAccessCode: false }, id, from("10.9.9.9"));
    expect(await signIn(username, "wrong-again", from("198.51.100.201"))).toEqual({ ok: false, reason: "INVALID" });
    expect(await signIn(username, temporaryPassword, from("198.51.100.201"))).toMatchObject({ ok: true, mustChangePassword: true });
  });

  it("limits one address across accounts", async () => {
    const ip = "10.0.0.3";
    const names = ["clerk-huanghugang", "clerk-baiyanghu", "clerk-yanmen", "clerk-zhangshu", "clerk-qinglong", "clerk-wutong", "nobody"];
    for (let i = 0; i < SIGN_IN_LIMITS.ipFailures; i++) {
      await signIn(names[i % names.length]!, "wrong-password", from(ip));
    }
    const refused = await signIn("clerk-yangping", "demo1234", from(ip));
    expect(refused).toMatchObject({ ok: false, reason: "IP_LIMITED" });
    // Another address is not affected.
    expect(await signIn("clerk-yangping", "demo1234", from("10.0.0.4"))).toMatchObject({ ok: true });
  });

  it("counts the failures from one IPv6 /64 as from one address", async () => {
    const username = "clerk-hanfeng";
    for (let i = 1; i < SIGN_IN_LIMITS.accountFailures; i++) {
      expect(await signIn(username, "wrong", from(`2001:db8:7:1::${i}`))).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await signIn(username, "wrong", from("2001:db8:7:1:ffff::5"))).toMatchObject({ ok: false, reason: "LOCKED" });
    expect(await signIn(username, "demo1234", from("2001:db8:7:1:abcd:1:2:3"))).toMatchObject({ ok: false, reason: "LOCKED" });
    // The next /64 is someone else.
    expect(await signIn(username, "demo1234", from("2001:db8:7:2::1"))).toMatchObject({ ok: true });
  });

  it("limits one IPv6 /64 across accounts, and writes the limit to the audit log once, not per refused attempt", async () => {
    const names = ["nobody-6", "clerk-chanlin-2", "clerk-biyan", "nobody-7", "clerk-hanfeng-2", "nobody-8", "clerk-xinglong-2"];
    for (let i = 0; i < SIGN_IN_LIMITS.ipFailures; i++) {
      await signIn(names[i % names.length]!, "wrong-password", from(`2001:db8:8:1::${(i + 1).toString(16)}`));
    }
    const limited = { ip: { startsWith: "2001:db8:8:1:" }, action: "auth.signIn.ipLimited" };
    for (let i = 0; i < 5; i++) {
      expect(await signIn("clerk-biyan-2", "demo1234", from(`2001:db8:8:1:${i + 1}::77`))).toMatchObject({ ok: false, reason: "IP_LIMITED" });
    }
    expect(await db.auditLog.count({ where: limited })).toBe(1);
    expect(await signIn("clerk-biyan-2", "demo1234", from("2001:db8:8:2::77"))).toMatchObject({ ok: true });
  });

  it("spares an address the account signed in from within 90 days when it is locked everywhere", async () => {
    const username = "clerk-chanlin";
    const id = await accountId(username);
    expect(await signIn(username, "demo1234", from("198.51.100.10"))).toMatchObject({ ok: true });
    expect(await signIn(username, "demo1234", from("198.51.100.11"))).toMatchObject({ ok: true });
    await db.signInAttempt.updateMany({ where: { accountId: id, ip: "198.51.100.11" }, data: { createdAt: new Date(Date.now() - 91 * 86_400_000) } });
    const spread = Array.from({ length: SIGN_IN_LIMITS.accountCeiling }, (_, i) => {
      const ip = `192.0.2.${Math.floor(i / 4)}`;
      return { identifier: username, accountId: id, ip, network: ip, succeeded: false };
    });
    await db.signInAttempt.createMany({ data: spread });
    expect(await signIn(username, "wrong", from("198.51.100.200"))).toMatchObject({ ok: false, reason: "ACCOUNT_LIMITED" });
    expect(await signIn(username, "demo1234", from("198.51.100.201"))).toMatchObject({ ok: false, reason: "ACCOUNT_LIMITED" });
    expect(await signIn(username, "demo1234", from("198.51.100.11"))).toMatchObject({ ok: false, reason: "ACCOUNT_LIMITED" });
    // The holder at home keeps access, and a mistake there is just a mistake.
    expect(await signIn(username, "wrong", from("198.51.100.10"))).toEqual({ ok: false, reason: "INVALID" });
    expect(await signIn(username, "demo1234", from("198.51.100.10"))).toMatchObject({ ok: true });
  });

  it("refuses a name longer than 100 characters as invalid, storing nothing", async () => {
    const before = { attempts: await db.signInAttempt.count(), audit: await db.auditLog.count() };
    expect(await signIn("x".repeat(101), "demo1234", from("10.0.0.7"))).toEqual({ ok: false, reason: "INVALID" });
    expect(await signIn(`JS-XH-00001${" ".repeat(50)}${"x".repeat(95)}`, "demo1234", from("10.0.0.7"))).toEqual({ ok: false, reason: "INVALID" });
    expect({ attempts: await db.signInAttempt.count(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it("spends an access code once, even when two sign-ins race with it", async () => {
    const village = await db.village.findFirstOrThrow({ where: { code: "WT" }, select: { id: true } });
    const household = await db.household.findFirstOrThrow({
      where: { villageId: village.id, status: "ACTIVE", accounts: { none: {} }, residents: { none: {} } }, select: { id: true, archiveNo: true },
    });
    const issued = await callApi("POST", `/api/v1/households/${household.id}/access-code`, { as: { username: "clerk-wutong" } });
    expect(issued.status).toBe(200);
    const code: string = issued.body.accessCode.code;
    const results = await Promise.all([signIn(household.archiveNo, code, from("10.0.1.1")), signIn(household.archiveNo, code, from("10.0.1.2"))]);
    expect(results.filter((r) => r.ok)).toEqual([expect.objectContaining({ method: "ACCESS_CODE", mustChangePassword: true })]);
  });

  it("refuses a deactivated account with the right password, and says so; a wrong one or an unknown name is just invalid", async () => {
    await db.account.update({ where: { username: "clerk-xinhua-2" }, data: { active: false } });
    expect(await signIn("clerk-xinhua-2", "demo1234", from("10.0.0.5"))).toEqual({ ok: false, reason: "INACTIVE" });
    expect(await signIn("clerk-xinhua-2", "wrong", from("10.0.0.5"))).toEqual({ ok: false, reason: "INVALID" });
    expect(await signIn("no-such-user", "demo1234", from("10.0.0.5"))).toEqual({ ok: false, reason: "INVALID" });
  });

  it("refuses a name with a NUL or another control character as invalid, storing nothing", async () => {
    const before = await db.signInAttempt.count();
    for (const typed of ["JS-XH-00001\u0000", "\u0000", "JS-XH\u001b-00001"]) {
      expect(await signIn(typed, "demo1234", from("10.0.0.6"))).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await db.signInAttempt.count()).toBe(before);
  });
});

describe("the client address of a sign-in", () => {
  it("is the socket's without trusted proxies: a new X-Forwarded-For (or a forged address header) per attempt does not dodge the address limit", async () => {
    const { url, server } = await signInServer();
    servers.push(server);
    const names = ["nobody-1", "nobody-2", "nobody-3", "clerk-baofeng-2", "clerk-chayuan-2", "clerk-wutong-2", "nobody-4"];
    for (let i = 0; i < SIGN_IN_LIMITS.ipFailures; i++) {
      const answer = await attempt(url, names[i % names.length]!, "wrong", {
        "x-forwarded-for": `203.0.113.${i}`, [CLIENT_ADDRESS_HEADER]: `100.64.0.${i}`,
      });
      expect(answer.ip).toBe("127.0.0.1");
    }
    const refused = await attempt(url, "clerk-tiangongshan", "demo1234", { "x-forwarded-for": "203.0.113.250" });
    expect(refused.result).toMatchObject({ ok: false, reason: "IP_LIMITED" });
    expect(await db.signInAttempt.count({ where: { ip: { startsWith: "203.0.113." } } })).toBe(0);
    expect(await db.auditLog.count({ where: { ip: { startsWith: "100.64.0." } } })).toBe(0);
  });

  it("is the right-most untrusted X-Forwarded-For hop when the peer is a trusted proxy", async () => {
    const { url, server } = await signInServer("127.0.0.1, 10.0.0.0/8");
    servers.push(server);
    const id = await accountId("clerk-chayuan");
    // The client writes whatever it likes on the left; the proxy appends the address it saw.
    const answer = await attempt(url, "clerk-chayuan", "demo1234", { "x-forwarded-for": "1.2.3.4, 198.51.100.77, 10.1.2.3" });
    expect(answer).toMatchObject({ ip: "198.51.100.77", result: { ok: true } });
    expect(await db.signInAttempt.findFirst({ where: { accountId: id }, orderBy: { createdAt: "desc" }, select: { ip: true } })).toEqual({ ip: "198.51.100.77" });
    const audit = await db.auditLog.findFirst({ where: { action: "auth.signIn", targetId: id }, orderBy: { id: "desc" } });
    expect(audit?.ip).toBe("198.51.100.77");
    // Without any hop, the request came from the proxy itself.
    expect((await attempt(url, "nobody", "x")).ip).toBe("127.0.0.1");
  });
});
