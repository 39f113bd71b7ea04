import "server-only";
import type { ChangePasswordInput } from "@/lib/schemas/me";
import { writeAudit } from "@/lib/server/audit";
import { hashSecret, verifySecret } from "@/lib/server/auth/password";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";

/**
 * Changes the actor's own password. The current password is required, except right after a
 * sign-in with a one-time access code, when the household must choose its first password.
 */
export async function changeMyPassword(actor: AuthenticatedActor, input: ChangePasswordInput, context: RequestContext) {
  authorize(actor, "me.changePassword");
  const account = await db.account.findUniqueOrThrow({
    where: { id: actor.id },
    select: { passwordHash: true, mustChangePassword: true, townshipId: true, villageId: true },
  });
  if (!account.mustChangePassword) {
    if (!input.currentPassword || !(await verifySecret(account.passwordHash, input.currentPassword))) {
      throw new AppError("RULE_VIOLATION", "errors.currentPasswordWrong", undefined, { currentPassword: "errors.currentPasswordWrong" });
    }
  }
  if (account.passwordHash && (await verifySecret(account.passwordHash, input.newPassword))) {
    throw new AppError("RULE_VIOLATION", "errors.passwordUnchanged");
  }
  const passwordHash = await hashSecret(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.account.update({ where: { id: actor.id }, data: { passwordHash, mustChangePassword: false }, select: { id: true } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "account.changePassword", targetType: "Account", targetId: actor.id,
      townshipId: account.townshipId, villageId: account.villageId,
      before: { mustChangePassword: account.mustChangePassword }, after: { mustChangePassword: false },
    });
  });
  return { ok: true as const };
}
