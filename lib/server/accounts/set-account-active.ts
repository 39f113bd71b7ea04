import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadManagedAccount } from "@/lib/server/authz/manage-accounts";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { accountSelect, auditTarget, toAccountOutput } from "./account-record";

/**
 * Deactivates or reactivates an account. Deactivation takes effect on the account's very next
 * request (the caller is re-read every time, resolve-actor.ts) and revokes its API tokens for
 * good. Both directions end the sessions signed in before them, so a reactivated account starts
 * afresh: nothing that worked before the deactivation works again.
 */
export async function setAccountActive(actor: Actor, id: string, active: boolean, context: RequestContext) {
  return db.$transaction(async (tx) => {
    await loadManagedAccount(tx, actor, id, active ? "reactivate" : "deactivate");
    const current = await tx.account.findUniqueOrThrow({ where: { id }, select: accountSelect });
    if (current.active === active) return toAccountOutput(current);
    const now = new Date();
    const row = await tx.account.update({ where: { id }, data: { active, sessionsValidFrom: now }, select: accountSelect });
    const { count } = active ? { count: 0 } : await tx.apiToken.updateMany({ where: { accountId: id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: active ? "account.reactivate" : "account.deactivate", ...auditTarget(row),
      before: { active: current.active },
      after: { active: row.active, sessionsValidFrom: now.toISOString(), ...(active ? {} : { tokensRevoked: count }) },
    });
    return toAccountOutput(row);
  });
}
