import "server-only";
import type { AuditAction } from "@/lib/domain/audit-vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SignInMethod } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { SIGN_IN_LIMITS, type LimitRefusal } from "./sign-in-limits";

// The two steps of a sign-in that write more than the attempt itself (sign-in.ts).

/** The secret a sign-in proved, and the stored hash it was proved against. */
export type Proof = { kind: "password" | "accessCode"; hash: string };

export type Completion =
  | { status: "signedIn"; method: SignInMethod; signedInAt: Date; mustChangePassword: boolean }
  | { status: "stale" } // the secret was replaced while it was being checked
  | { status: "inactive" };

const signInAudit: Record<SignInMethod, AuditAction> = {
  PASSWORD: "auth.signIn", ACCESS_CODE: "auth.signIn.accessCode", TEMPORARY_PASSWORD: "auth.signIn.temporaryPassword",
};

/**
 * Records a proven sign-in — if, under the account's row lock, the secret is still the one that
 * was checked and the account is still active. A reset, a new code or a deactivation takes the
 * same lock (auth/end-sessions.ts lockSessionsValidFrom), so it either committed before, and the
 * sign-in is refused here, or commits after, and its sessionsValidFrom is later than the
 * signedInAt taken here: the session it would have missed never exists.
 */
export async function completeSignIn(
  account: { id: string }, proof: Proof, attemptId: string, context: RequestContext, scope: AuditScope,
): Promise<Completion> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${account.id}::uuid FOR UPDATE`;
    const current = await tx.account.findUniqueOrThrow({
      where: { id: account.id },
      select: { active: true, passwordHash: true, accessCodeHash: true, passwordSetByStaff: true, mustChangePassword: true, sessionsValidFrom: true },
    });
    const viaAccessCode = proof.kind === "accessCode";
    if ((viaAccessCode ? current.accessCodeHash : current.passwordHash) !== proof.hash) return { status: "stale" } as const;
    if (!current.active) {
      // Right secret, but the account is off: not a guess, so not counted against anyone.
      await tx.signInAttempt.delete({ where: { id: attemptId } });
      await writeAudit(tx, context, { ...scope, action: "auth.signIn.refusedInactive" });
      return { status: "inactive" } as const;
    }
    // Whoever set a password (an official's reset, a new account) can sign in with it as well as
    // its holder can: such a session is marked like one begun with an access code.
    const method: SignInMethod = viaAccessCode ? "ACCESS_CODE" : current.passwordSetByStaff ? "TEMPORARY_PASSWORD" : "PASSWORD";
    // Never before the account's sessions are valid from, even on a clock a millisecond behind.
    const now = new Date();
    const signedInAt = current.sessionsValidFrom && current.sessionsValidFrom > now ? current.sessionsValidFrom : now;
    // The access code is single-use: spent here, and a password must be chosen next.
    const spent = { accessCodeHash: null, accessCodeExpiresAt: null, mustChangePassword: true };
    await tx.account.update({ where: { id: account.id }, data: { lastSeenAt: signedInAt, ...(viaAccessCode ? spent : {}) }, select: { id: true } });
    await tx.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true, method }, select: { id: true } });
    await writeAudit(tx, context, { ...scope, action: signInAudit[method] });
    return { status: "signedIn", method, signedInAt, mustChangePassword: viaAccessCode || current.mustChangePassword } as const;
  });
}

const refusalAudit = { IP_LIMITED: "auth.signIn.ipLimited", LOCKED: "auth.signIn.refusedLocked", ACCOUNT_LIMITED: "auth.signIn.accountLimited" } as const;

/**
 * Audits a refusal by the limits — the first of its kind for this address (and account) in a
 * window, not every one: a refused attempt checks nothing and costs its sender nothing, so one
 * record per attempt would let anyone fill the append-only log. An address limit is about the
 * address, whichever account was tried: its record's target is the address (docs/decisions/0009).
 * Runs under the address's advisory lock (lockSignInSubject), so two refusals cannot both write.
 */
export async function auditRefusal(
  tx: Prisma.TransactionClient, context: RequestContext, scope: AuditScope, refusal: LimitRefusal,
  { name, network, now }: { name: string; network: string; now: Date },
): Promise<void> {
  const action = refusalAudit[refusal.reason];
  const target = refusal.reason === "IP_LIMITED" ? { targetType: "ClientAddress" as const, targetId: network } : { targetType: "Account" as const, targetId: scope.targetId ?? null };
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const earlier = await tx.auditLog.findFirst({
    where: { ...target, action, createdAt: { gt: since }, after: { path: ["network"], equals: network } }, select: { id: true },
  });
  if (earlier) return;
  await writeAudit(tx, context, { ...scope, ...target, action, after: { identifier: name, network, retryAt: refusal.retryAt.toISOString() } });
}
