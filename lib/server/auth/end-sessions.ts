import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";

/**
 * Locks the account's row and returns the instant its sessions are to be valid from: now, but
 * always after the last sign-in (lastSeenAt, which sign-in-steps.ts writes under the same lock,
 * as the session's signedInAt). Whatever ends sessions — a password change or reset, a
 * (re)activation, signing out — takes this first, so a sign-in that committed a moment before
 * is ended too, even within the same millisecond, and one that waited for the lock re-checks
 * what was written here.
 */
export async function lockSessionsValidFrom(tx: Prisma.TransactionClient, accountId: string): Promise<Date> {
  await tx.$queryRaw`SELECT 1 FROM "Account" WHERE "id" = ${accountId}::uuid FOR UPDATE`;
  const account = await tx.account.findUnique({ where: { id: accountId }, select: { lastSeenAt: true } });
  const now = new Date();
  return account?.lastSeenAt && account.lastSeenAt >= now ? new Date(account.lastSeenAt.getTime() + 1) : now;
}

/** Refuses every session of the account signed in before now (see resolve-actor.ts). */
export async function endSessions(accountId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const sessionsValidFrom = await lockSessionsValidFrom(tx, accountId);
    const account = await tx.account.update({
      where: { id: accountId }, data: { sessionsValidFrom }, select: { townshipId: true, villageId: true },
    });
    // next-auth does not hand the request to its events, so the address is not known here.
    await writeAudit(tx, { ip: "unknown", userAgent: null }, {
      actorId: accountId, action: "auth.signOut", targetType: "Account", targetId: accountId,
      townshipId: account.townshipId, villageId: account.villageId,
    });
  });
}
