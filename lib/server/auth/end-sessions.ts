import "server-only";
import { writeAudit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";

/** Refuses every session of the account signed in before now (see resolve-actor.ts). */
export async function endSessions(accountId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const account = await tx.account.update({
      where: { id: accountId }, data: { sessionsValidFrom: new Date() }, select: { townshipId: true, villageId: true },
    });
    // next-auth does not hand the request to its events, so the address is not known here.
    await writeAudit(tx, { ip: "unknown", userAgent: null }, {
      actorId: accountId, action: "auth.signOut", targetType: "Account", targetId: accountId,
      townshipId: account.townshipId, villageId: account.villageId,
    });
  });
}
