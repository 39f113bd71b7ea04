import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { signIn, SIGN_IN_LIMITS } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";

const from = (ip: string) => ({ ip, userAgent: "vitest" });
const auditCount = (action: string, targetId?: string) =>
  db.auditLog.count({ where: { action, ...(targetId ? { targetId } : {}) } });

describe("signIn", () => {
  it("accepts the right password, case-insensitively for the name, and audits it once", async () => {
    const account = await db.account.findUniqueOrThrow({ where: { username: "JS-XH-00001" }, select: { id: true } });
    const before = await auditCount("auth.signIn", account.id);
    const result = await signIn("js-xh-00001", "demo1234", from("10.0.0.1"));
    expect(result).toEqual({ ok: true, accountId: account.id, mustChangePassword: false });
    expect(await auditCount("auth.signIn", account.id)).toBe(before + 1);
  });

  it("locks an account after five failures in 15 minutes, and the sixth attempt says until when", async () => {
    const username = "rep-xinhua-2";
    const { id } = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
    for (let i = 1; i < SIGN_IN_LIMITS.accountFailures; i++) {
      expect(await signIn(username, `wrong-${i}`, from("10.0.0.2"))).toEqual({ ok: false, reason: "INVALID" });
    }
    const fifth = await signIn(username, "wrong-5", from("10.0.0.2"));
    expect(fifth).toMatchObject({ ok: false, reason: "LOCKED" });
    const until = (fifth as { retryAt: Date }).retryAt.getTime();
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    // Even the right password is refused while locked, with the same time to retry.
    const sixth = await signIn(username, "demo1234", from("10.0.0.2"));
    expect(sixth).toEqual({ ok: false, reason: "LOCKED", retryAt: new Date(until) });
    expect(await auditCount("auth.lockout", id)).toBe(1);
    expect(await auditCount("auth.signIn.refusedLocked", id)).toBe(1);

    // After the lock has run out, the right password works again.
    await db.account.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await signIn(username, "demo1234", from("10.0.0.2"))).toMatchObject({ ok: true });
  });

  it("limits one address across accounts", async () => {
    const ip = "10.0.0.3";
    const names = ["rep-xinhua-3", "rep-xinhua-4", "rep-xinhua-5", "rep-xinhua-6", "rep-xinhua-7", "rep-xinhua-8", "nobody"];
    for (let i = 0; i < SIGN_IN_LIMITS.ipFailures; i++) {
      await signIn(names[i % names.length]!, "wrong-password", from(ip));
    }
    const refused = await signIn("clerk-yangping", "demo1234", from(ip));
    expect(refused).toMatchObject({ ok: false, reason: "IP_LIMITED" });
    // Another address is not affected.
    expect(await signIn("clerk-yangping", "demo1234", from("10.0.0.4"))).toMatchObject({ ok: true });
  });

  it("refuses a deactivated account and an unknown name without telling which", async () => {
    await db.account.update({ where: { username: "clerk-xinhua-2" }, data: { active: false } });
    expect(await signIn("clerk-xinhua-2", "demo1234", from("10.0.0.5"))).toEqual({ ok: false, reason: "INACTIVE" });
    expect(await signIn("clerk-xinhua-2", "wrong", from("10.0.0.5"))).toEqual({ ok: false, reason: "INVALID" });
    expect(await signIn("no-such-user", "demo1234", from("10.0.0.5"))).toEqual({ ok: false, reason: "INVALID" });
  });
});
