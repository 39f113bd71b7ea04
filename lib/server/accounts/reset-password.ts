import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { lockSessionsValidFrom } from "@/lib/server/auth/end-sessions";
import { liftSignInLocks } from "@/lib/server/auth/sign-in-limits";
import type { Actor } from "@/lib/server/authz";
import { loadManagedAccount } from "@/lib/server/authz/manage-accounts";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { accountSelect, auditTarget, toAccountOutput } from "./account-record";
import { newTemporaryPassword } from "./secrets";

/**
 * Replaces an account's password with a temporary one, returned here once; its holder must
 * choose a new password at the next sign-in. Sign-in locks are lifted, every session ends and
 * every API token is revoked: whoever held the old password holds nothing now. Never on one's
 * own account (authz/manage-accounts.ts): that is "change my password". Whoever reset it knows
 * the temporary password, so a sign-in with it is marked like an access-code sign-in and the
 * holder's sign-in list names who reset it (list-my-sign-ins.ts).
 */
export async function resetAccountPassword(actor: Actor, id: string, context: RequestContext) {
  const temporary = await newTemporaryPassword();
  return db.$transaction(async (tx) => {
    await loadManagedAccount(tx, actor, id, "resetPassword");
    const now = await lockSessionsValidFrom(tx, id);
    const current = await tx.account.findUniqueOrThrow({ where: { id }, select: accountSelect });
    await liftSignInLocks(tx, id, now);
    const row = await tx.account.update({
      where: { id },
      data: { passwordHash: temporary.hash, passwordSetByStaff: true, mustChangePassword: true, sessionsValidFrom: now },
      select: accountSelect,
    });
    const { count } = await tx.apiToken.updateMany({ where: { accountId: id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "account.resetPassword", ...auditTarget(row),
      before: { mustChangePassword: current.mustChangePassword, lockedUntil: current.lockedUntil?.toISOString() ?? null },
      after: { mustChangePassword: true, lockedUntil: null, sessionsValidFrom: now.toISOString(), tokensRevoked: count },
    });
    return { account: toAccountOutput(row), temporaryPassword: temporary.password };
  });
}
