import "server-only";
import { usernameKey } from "@/lib/domain/username-key";
import type { SignInMethod } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { verifySecret } from "./password";
import { applyLockout, checkSignInLimits, lockSignInSubject } from "./sign-in-limits";

export { SIGN_IN_LIMITS } from "./sign-in-limits";

export type SignInRefusal = "INVALID" | "LOCKED" | "ACCOUNT_LIMITED" | "IP_LIMITED" | "INACTIVE";
export type SignInResult =
  | { ok: true; accountId: string; mustChangePassword: boolean; method: SignInMethod }
  | { ok: false; reason: SignInRefusal; retryAt?: Date };

// An exact match on the unique sign-in key (Account.usernameKey): one index lookup.
const findAccount = (key: string) =>
  db.account.findUnique({
    where: { usernameKey: key },
    select: {
      id: true, active: true, passwordHash: true, accessCodeHash: true, accessCodeExpiresAt: true,
      mustChangePassword: true, townshipId: true, villageId: true,
    },
  });
type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

const refusalAudit = { IP_LIMITED: "auth.signIn.ipLimited", LOCKED: "auth.signIn.refusedLocked", ACCOUNT_LIMITED: "auth.signIn.accountLimited" } as const;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Checks a password (or a household's one-time access code), within the sign-in limits, and audits it. */
export async function signIn(identifier: string, secret: string, context: RequestContext): Promise<SignInResult> {
  const now = new Date();
  const name = identifier.trim();
  // No account name holds a control character (lib/schemas/common.ts), and PostgreSQL refuses a
  // NUL in text: such a name matches nobody and is refused before anything is stored.
  if (CONTROL_CHARACTER.test(name)) return { ok: false, reason: "INVALID" };
  const key = usernameKey(name);
  const account = await findAccount(key);
  const scope: AuditScope = { actorId: account?.id ?? null, targetType: "Account", targetId: account?.id ?? null,
    townshipId: account?.townshipId ?? null, villageId: account?.villageId ?? null };
  const subject = { accountId: account?.id ?? null, ip: context.ip, now };

  // The attempt is a failure until its secret is proven (see sign-in-limits.ts).
  const admitted = await db.$transaction(async (tx) => {
    const lockedUntil = await lockSignInSubject(tx, subject);
    const refusal = await checkSignInLimits(tx, { ...subject, lockedUntil });
    if (refusal) {
      await writeAudit(tx, context, { ...scope, action: refusalAudit[refusal.reason], after: { identifier: name } });
      return { admitted: false, refusal } as const;
    }
    const attempt = await tx.signInAttempt.create({
      data: { identifier: key, accountId: account?.id ?? null, ip: context.ip, succeeded: false }, select: { id: true },
    });
    return { admitted: true, attemptId: attempt.id } as const;
  });
  if (!admitted.admitted) return { ok: false, ...admitted.refusal };

  const method = await provenMethod(account, secret, now);
  if (!account || !method) return recordFailure(admitted.attemptId, name, account, context, scope, now);
  if (!account.active) {
    // Right secret, but the account is off: not a guess, so not counted against anyone.
    await db.$transaction(async (tx) => {
      await tx.signInAttempt.delete({ where: { id: admitted.attemptId } });
      await writeAudit(tx, context, { ...scope, action: "auth.signIn.refusedInactive" });
    });
    return { ok: false, reason: "INACTIVE" };
  }
  const viaAccessCode = method === "ACCESS_CODE";
  const signedIn = await db.$transaction(async (tx) => {
    // The access code is single-use: spent here — only if it is still the code that was checked,
    // so two sign-ins racing with one code cannot both succeed — and a password must be chosen next.
    const spent = { accessCodeHash: null, accessCodeExpiresAt: null, mustChangePassword: true };
    const where = viaAccessCode ? { id: account.id, accessCodeHash: account.accessCodeHash } : { id: account.id };
    const { count } = await tx.account.updateMany({ where, data: { lastSeenAt: now, ...(viaAccessCode ? spent : {}) } });
    if (count !== 1) return false;
    await tx.signInAttempt.update({ where: { id: admitted.attemptId }, data: { succeeded: true, method }, select: { id: true } });
    await writeAudit(tx, context, { ...scope, action: viaAccessCode ? "auth.signIn.accessCode" : "auth.signIn" });
    return true;
  });
  if (!signedIn) return recordFailure(admitted.attemptId, name, account, context, scope, now);
  return { ok: true, accountId: account.id, mustChangePassword: viaAccessCode || account.mustChangePassword, method };
}

async function provenMethod(account: Account | null, secret: string, now: Date): Promise<SignInMethod | null> {
  // Verified even without an account, so "no such name" takes as long as "wrong password".
  if (await verifySecret(account?.passwordHash, secret)) return "PASSWORD";
  const codeValid = !!account?.accessCodeHash && !!account.accessCodeExpiresAt && account.accessCodeExpiresAt > now;
  // Codes are printed in capitals; people type them as they like.
  if (codeValid && (await verifySecret(account.accessCodeHash, secret.trim().toUpperCase()))) return "ACCESS_CODE";
  return null;
}

async function recordFailure(
  attemptId: string, name: string, account: Account | null, context: RequestContext, scope: AuditScope, now: Date,
): Promise<SignInResult> {
  return db.$transaction(async (tx) => {
    const failed = { ...scope, action: "auth.signIn.failed", after: { identifier: name } };
    if (!account) {
      await writeAudit(tx, context, failed);
      return { ok: false, reason: "INVALID" } as const;
    }
    const subject = { accountId: account.id, ip: context.ip, now };
    const lockedUntil = await lockSignInSubject(tx, subject);
    const lockout = await applyLockout(tx, attemptId, { ...subject, lockedUntil });
    if (!lockout?.isNew) {
      await writeAudit(tx, context, failed);
      if (!lockout) return { ok: false, reason: "INVALID" } as const;
    } else {
      await writeAudit(tx, context, { ...failed, action: lockout.scope === "account" ? "auth.lockout.account" : "auth.lockout",
        after: { identifier: name, failures: lockout.failures, lockedUntil: lockout.lockedUntil.toISOString(), scope: lockout.scope } });
    }
    return { ok: false, reason: lockout.scope === "account" ? "ACCOUNT_LIMITED" : "LOCKED", retryAt: lockout.lockedUntil } as const;
  });
}
