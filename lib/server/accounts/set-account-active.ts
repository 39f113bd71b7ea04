import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { lockSessionsValidFrom } from "@/lib/server/auth/end-sessions";
import type { Actor } from "@/lib/server/authz";
import { loadManagedAccount } from "@/lib/server/authz/manage-accounts";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { accountSelect, auditTarget, toAccountOutput } from "./account-record";

/**
 * Deactivates or reactivates an account. Deactivation takes effect on the account's very next
 * request (the caller is re-read every time, resolve-actor.ts), revokes its API tokens for good
 * and clears an outstanding access code. Both directions end the sessions signed in before
 * them, so a reactivated account starts afresh: nothing that worked before the deactivation
 * works again.
 */
export async function setAccountActive(actor: Actor, id: string, active: boolean, context: RequestContext) {
  return db.$transaction(async (tx) => {
    await loadManagedAccount(tx, actor, id, active ? "reactivate" : "deactivate");
    const now = await lockSessionsValidFrom(tx, id);
    const current = await tx.account.findUniqueOrThrow({ where: { id }, select: accountSelect });
    if (current.active === active) return toAccountOutput(current);
    // A code issued before the deactivation must not let anyone in after a reactivation.
    const cleared = { accessCodeHash: null, accessCodeExpiresAt: null };
    const row = await tx.account.update({
      where: { id }, data: { active, sessionsValidFrom: now, ...(active ? {} : cleared) }, select: accountSelect,
    });
    const { count } = active ? { count: 0 } : await tx.apiToken.updateMany({ where: { accountId: id, revokedAt: null }, data: { revokedAt: now } });
    const codeBefore = { accessCodeExpiresAt: current.accessCodeExpiresAt?.toISOString() ?? null };
    await writeAudit(tx, context, {
      actorId: actor.id, action: active ? "account.reactivate" : "account.deactivate", ...auditTarget(row),
      before: { active: current.active, ...(active ? {} : codeBefore) },
      after: { active: row.active, sessionsValidFrom: now.toISOString(), ...(active ? {} : { tokensRevoked: count, accessCodeExpiresAt: null }) },
    });
    return toAccountOutput(row);
  });
}
