import "server-only";
import type { ChangePasswordInput } from "@/lib/schemas/me";
import { writeAudit } from "@/lib/server/audit";
import { hashSecret, verifySecret } from "@/lib/server/auth/password";
import { lockSessionsValidFrom } from "@/lib/server/auth/end-sessions";
import { assertStillAuthenticated, type AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import type { SessionClaims } from "@/lib/server/auth/session";
import { authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";

/**
 * Changes the actor's own password. The current password is required, except right after a
 * sign-in with a one-time access code, when the household must choose its first password.
 *
 * Whoever knew the old password may hold a session or a token: every other session of the
 * account ends (sessionsValidFrom) and every API token is revoked, in the same transaction as
 * the change. The session that made the change carries on under the claims returned here, which
 * the caller re-issues as its cookie; a change made with a token leaves no session at all.
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
  const now = await db.$transaction(async (tx) => {
    const validFrom = await lockSessionsValidFrom(tx, actor.id);
    // A reset or another change that committed since the caller was authenticated wins.
    await assertStillAuthenticated(tx, actor);
    await tx.account.update({
      where: { id: actor.id },
      data: { passwordHash, passwordSetByStaff: false, mustChangePassword: false, sessionsValidFrom: validFrom },
      select: { id: true },
    });
    const { count } = await tx.apiToken.updateMany({ where: { accountId: actor.id, revokedAt: null }, data: { revokedAt: validFrom } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "account.changePassword", targetType: "Account", targetId: actor.id,
      townshipId: account.townshipId, villageId: account.villageId,
      before: { mustChangePassword: account.mustChangePassword },
      after: { mustChangePassword: false, sessionsValidFrom: validFrom.toISOString(), tokensRevoked: count },
    });
    return validFrom;
  });
  const session: SessionClaims | null = actor.via === "session"
    ? { accountId: actor.id, signedInAt: now, viaAccessCode: actor.viaAccessCode }
    : null;
  return { ok: true as const, session };
}
