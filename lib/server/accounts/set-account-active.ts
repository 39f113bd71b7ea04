import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { accountWhere, authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { accountSelect, auditTarget, toAccountOutput } from "./account-record";

/**
 * Deactivates or reactivates an account. Takes effect on the account's very next request:
 * the caller is re-read from the database every time (resolve-actor.ts).
 */
export async function setAccountActive(actor: Actor, id: string, active: boolean, context: RequestContext) {
  authorize(actor, "accounts.manage");
  return db.$transaction(async (tx) => {
    const current = await tx.account.findFirst({ where: { AND: [accountWhere(actor), { id }] }, select: accountSelect });
    if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
    // Nobody locks themselves out; another admin or official has to do it.
    if (current.id === actor.id && !active) throw new AppError("RULE_VIOLATION", "errors.cannotDeactivateSelf");
    if (current.active === active) return toAccountOutput(current);
    const row = await tx.account.update({ where: { id }, data: { active }, select: accountSelect });
    await writeAudit(tx, context, {
      actorId: actor.id, action: active ? "account.reactivate" : "account.deactivate", ...auditTarget(row),
      before: { active: current.active }, after: { active: row.active },
    });
    return toAccountOutput(row);
  });
}
