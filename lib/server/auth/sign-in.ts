import "server-only";
import { addressNetwork } from "@/lib/domain/client-address";
import { usernameKey } from "@/lib/domain/username-key";
import type { SignInMethod } from "@/lib/generated/prisma/enums";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { verifySecret } from "./password";
import { auditRefusal, completeSignIn, type Proof } from "./sign-in-steps";
import { applyLockout, checkSignInLimits, lockSignInSubject } from "./sign-in-limits";

export { SIGN_IN_LIMITS } from "./sign-in-limits";

export type SignInRefusal = "INVALID" | "LOCKED" | "ACCOUNT_LIMITED" | "IP_LIMITED" | "INACTIVE";
// signedInAt: the session's sign-in time, taken under the account's row lock (sign-in-steps.ts).
export type SignInResult =
  | { ok: true; accountId: string; mustChangePassword: boolean; method: SignInMethod; signedInAt: Date }
  | { ok: false; reason: SignInRefusal; retryAt?: Date };

// No account name is longer (usernames 40, archive numbers ~15); a longer one is refused before
// anything is written, so nobody fills the audit log with megabytes of "name".
export const MAX_SIGN_IN_NAME_LENGTH = 100;

// An exact match on the unique sign-in key (Account.usernameKey): one index lookup.
const findAccount = (key: string) =>
  db.account.findUnique({
    where: { usernameKey: key },
    select: { id: true, passwordHash: true, accessCodeHash: true, accessCodeExpiresAt: true, townshipId: true, villageId: true },
  });
type Account = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Checks a password (or a household's one-time access code), within the sign-in limits, and audits it. */
export async function signIn(identifier: string, secret: string, context: RequestContext): Promise<SignInResult> {
  const now = new Date();
  const name = identifier.trim();
  // No account name is that long or holds a control character (lib/schemas/common.ts), and
  // PostgreSQL refuses a NUL in text: such a name matches nobody and is refused before anything
  // is stored.
  if (name.length > MAX_SIGN_IN_NAME_LENGTH || CONTROL_CHARACTER.test(name)) return { ok: false, reason: "INVALID" };
  const key = usernameKey(name);
  if (key.length > MAX_SIGN_IN_NAME_LENGTH) return { ok: false, reason: "INVALID" };
  const account = await findAccount(key);
  const scope: AuditScope = { actorId: account?.id ?? null, targetType: "Account", targetId: account?.id ?? null,
    townshipId: account?.townshipId ?? null, villageId: account?.villageId ?? null };
  const network = addressNetwork(context.ip);
  const subject = { accountId: account?.id ?? null, network, now };

  // The attempt is a failure until its secret is proven (see sign-in-limits.ts).
  const admitted = await db.$transaction(async (tx) => {
    const lockedUntil = await lockSignInSubject(tx, subject);
    const refusal = await checkSignInLimits(tx, { ...subject, lockedUntil });
    if (refusal) {
      await auditRefusal(tx, context, scope, refusal, { name, network, now });
      return { admitted: false, refusal } as const;
    }
    const attempt = await tx.signInAttempt.create({
      data: { identifier: key, accountId: account?.id ?? null, ip: context.ip, network, succeeded: false }, select: { id: true },
    });
    return { admitted: true, attemptId: attempt.id } as const;
  });
  if (!admitted.admitted) return { ok: false, ...admitted.refusal };

  const proof = await provenSecret(account, secret, now);
  const failure = () => recordFailure(admitted.attemptId, name, account, context, scope, network, now);
  if (!account || !proof) return failure();
  // The secret was checked against the account as read above; a reset, a new code or a
  // deactivation may have committed since. completeSignIn decides under the account's lock.
  const outcome = await completeSignIn(account, proof, admitted.attemptId, context, scope);
  if (outcome.status === "stale") return failure();
  if (outcome.status === "inactive") return { ok: false, reason: "INACTIVE" };
  const { method, signedInAt, mustChangePassword } = outcome;
  return { ok: true, accountId: account.id, mustChangePassword, method, signedInAt };
}

async function provenSecret(account: Account | null, secret: string, now: Date): Promise<Proof | null> {
  // Verified even without an account, so "no such name" takes as long as "wrong password".
  const passwordMatches = await verifySecret(account?.passwordHash, secret);
  if (passwordMatches && account?.passwordHash) return { kind: "password", hash: account.passwordHash };
  const code = account?.accessCodeExpiresAt && account.accessCodeExpiresAt > now ? account.accessCodeHash : null;
  // Codes are printed in capitals; people type them as they like.
  if (code && (await verifySecret(code, secret.trim().toUpperCase()))) return { kind: "accessCode", hash: code };
  return null;
}

async function recordFailure(
  attemptId: string, name: string, account: Account | null, context: RequestContext, scope: AuditScope, network: string, now: Date,
): Promise<SignInResult> {
  return db.$transaction(async (tx) => {
    const failed = { ...scope, action: "auth.signIn.failed" as const, after: { identifier: name } };
    if (!account) {
      await writeAudit(tx, context, failed);
      return { ok: false, reason: "INVALID" } as const;
    }
    const subject = { accountId: account.id, network, now };
    const lockedUntil = await lockSignInSubject(tx, subject);
    const { refusal, accountLock } = await applyLockout(tx, attemptId, { ...subject, lockedUntil });
    const newLock = accountLock ?? (refusal?.isNew ? refusal : null);
    if (!newLock) {
      await writeAudit(tx, context, failed);
    } else {
      await writeAudit(tx, context, { ...failed, action: newLock.scope === "account" ? "auth.lockout.account" : "auth.lockout",
        after: { identifier: name, failures: newLock.failures, lockedUntil: newLock.lockedUntil.toISOString(), scope: newLock.scope,
          // The account is locked everywhere but here: it signed in from this address before.
          ...(accountLock && refusal !== accountLock ? { sparedAddress: network } : {}) } });
    }
    if (!refusal) return { ok: false, reason: "INVALID" } as const;
    return { ok: false, reason: refusal.scope === "account" ? "ACCOUNT_LIMITED" : "LOCKED", retryAt: refusal.lockedUntil } as const;
  });
}
