import "server-only";
import { db } from "@/lib/server/db";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import type { RequestContext } from "@/lib/server/request-context";
import { verifySecret } from "./password";

// Throttling lives in PostgreSQL, so it survives restarts and holds across app instances.
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  accountFailures: 5, // then the account is locked…
  lockMs: 15 * 60_000, // …for this long
  ipFailures: 30, // failures from one address in the window, over all accounts
} as const;

export type SignInRefusal = "INVALID" | "LOCKED" | "IP_LIMITED" | "INACTIVE";
export type SignInResult =
  | { ok: true; accountId: string; mustChangePassword: boolean }
  | { ok: false; reason: SignInRefusal; retryAt?: Date };

const findAccount = (identifier: string) =>
  db.account.findFirst({
    where: { username: { equals: identifier, mode: "insensitive" } },
    select: {
      id: true, active: true, passwordHash: true, accessCodeHash: true, accessCodeExpiresAt: true,
      lockedUntil: true, mustChangePassword: true, townshipId: true, villageId: true,
    },
  });

type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** Checks a password (or a household's one-time access code), with throttling and auditing. */
export async function signIn(identifier: string, secret: string, context: RequestContext): Promise<SignInResult> {
  const now = new Date();
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const name = identifier.trim();
  const account = await findAccount(name);
  const scope = { actorId: account?.id ?? null, targetType: "Account", targetId: account?.id ?? null,
    townshipId: account?.townshipId ?? null, villageId: account?.villageId ?? null };

  const ipFailures = await db.signInAttempt.findMany({
    where: { ip: context.ip, succeeded: false, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "asc" }, select: { createdAt: true }, take: SIGN_IN_LIMITS.ipFailures,
  });
  if (ipFailures.length >= SIGN_IN_LIMITS.ipFailures) {
    await db.$transaction((tx) => writeAudit(tx, context, { ...scope, action: "auth.signIn.ipLimited", after: { identifier: name } }));
    return { ok: false, reason: "IP_LIMITED", retryAt: new Date(ipFailures[0]!.createdAt.getTime() + SIGN_IN_LIMITS.windowMs) };
  }
  if (account?.lockedUntil && account.lockedUntil > now) {
    await db.$transaction((tx) => writeAudit(tx, context, { ...scope, action: "auth.signIn.refusedLocked" }));
    return { ok: false, reason: "LOCKED", retryAt: account.lockedUntil };
  }

  const viaPassword = await verifySecret(account?.passwordHash, secret);
  const viaAccessCode = !viaPassword && !!account?.accessCodeHash && !!account.accessCodeExpiresAt
    && account.accessCodeExpiresAt > now
    // Codes are printed in capitals; people type them as they like.
    && (await verifySecret(account.accessCodeHash, secret.trim().toUpperCase()));

  if (!account || !(viaPassword || viaAccessCode)) return recordFailure(name, account, context, now, windowStart, scope);
  if (!account.active) {
    await db.$transaction((tx) => writeAudit(tx, context, { ...scope, action: "auth.signIn.refusedInactive" }));
    return { ok: false, reason: "INACTIVE" };
  }
  const mustChangePassword = viaAccessCode || account.mustChangePassword;
  await db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { identifier: name.toLowerCase(), accountId: account.id, ip: context.ip, succeeded: true } });
    await tx.account.update({
      where: { id: account.id },
      // The access code is single-use: spent here, and a password must be chosen next.
      data: { lastSeenAt: now, ...(viaAccessCode ? { accessCodeHash: null, accessCodeExpiresAt: null, mustChangePassword: true } : {}) },
    });
    await writeAudit(tx, context, { ...scope, action: viaAccessCode ? "auth.signIn.accessCode" : "auth.signIn" });
  });
  return { ok: true, accountId: account.id, mustChangePassword };
}

async function recordFailure(
  name: string, account: Account | null, context: RequestContext, now: Date, windowStart: Date,
  scope: AuditScope,
): Promise<SignInResult> {
  return db.$transaction(async (tx) => {
    await tx.signInAttempt.create({ data: { identifier: name.toLowerCase(), accountId: account?.id ?? null, ip: context.ip, succeeded: false } });
    const failed = { ...scope, action: "auth.signIn.failed", after: { identifier: name } };
    if (!account) {
      await writeAudit(tx, context, failed);
      return { ok: false, reason: "INVALID" } as const;
    }
    // Failures before the end of an earlier lock have been paid for already.
    const since = account.lockedUntil && account.lockedUntil > windowStart ? account.lockedUntil : windowStart;
    const failures = await tx.signInAttempt.count({ where: { accountId: account.id, succeeded: false, createdAt: { gt: since } } });
    if (failures < SIGN_IN_LIMITS.accountFailures) {
      await writeAudit(tx, context, failed);
      return { ok: false, reason: "INVALID" } as const;
    }
    const lockedUntil = new Date(now.getTime() + SIGN_IN_LIMITS.lockMs);
    await tx.account.update({ where: { id: account.id }, data: { lockedUntil } });
    await writeAudit(tx, context, { ...failed, action: "auth.lockout", after: { identifier: name, failures, lockedUntil: lockedUntil.toISOString() } });
    return { ok: false, reason: "LOCKED", retryAt: lockedUntil } as const;
  });
}
