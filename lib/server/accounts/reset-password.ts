import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { accountWhere, authorize, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { accountSelect, auditTarget, toAccountOutput } from "./account-record";
import { newTemporaryPassword } from "./secrets";

/**
 * Replaces an account's password with a temporary one, returned here once; its holder must
 * choose a new password at the next sign-in. A lock from failed sign-ins is lifted too.
 */
export async function resetAccountPassword(actor: Actor, id: string, context: RequestContext) {
  authorize(actor, "accounts.manage");
  const temporary = await newTemporaryPassword();
  return db.$transaction(async (tx) => {
    const current = await tx.account.findFirst({ where: { AND: [accountWhere(actor), { id }] }, select: accountSelect });
    if (!current) throw new AppError("NOT_FOUND", "errors.notFound");
    const row = await tx.account.update({
      // sessionsValidFrom: whoever holds an older session must sign in again with the new password.
      where: { id }, data: { passwordHash: temporary.hash, mustChangePassword: true, lockedUntil: null, sessionsValidFrom: new Date() }, select: accountSelect,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "account.resetPassword", ...auditTarget(row),
      before: { mustChangePassword: current.mustChangePassword, lockedUntil: current.lockedUntil?.toISOString() ?? null },
      after: { mustChangePassword: true, lockedUntil: null },
    });
    return { account: toAccountOutput(row), temporaryPassword: temporary.password };
  });
}
