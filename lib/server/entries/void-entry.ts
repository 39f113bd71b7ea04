import "server-only";
import type { EntryDetail, VoidEntryInput } from "@/lib/schemas/entries";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadEntryTarget } from "@/lib/server/authz/targets";
import { appendEvent, lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { getEntry } from "./get-entry";

/**
 * Withdraws an entry, with the reason why. Nothing is deleted: a VOIDED event is appended to the
 * household's chain and the entry's status follows it.
 */
export async function voidEntry(actor: Actor, entryId: string, input: VoidEntryInput, context: RequestContext): Promise<EntryDetail> {
  const entry = await loadEntryTarget(actor, "entries.void", entryId);

  await db.$transaction(async (tx) => {
    // Read the status under the chain's lock, so two clerks voiding at once append one event.
    await lockChain(tx, entry.householdId);
    const { status } = await tx.entry.findUniqueOrThrow({ where: { id: entryId }, select: { status: true } });
    if (status === "VOIDED") throw new AppError("CONFLICT", "errors.entryAlreadyVoided");
    const event = await appendEvent(tx, {
      entryId, householdId: entry.householdId, type: "VOIDED", fromStatus: status, toStatus: "VOIDED",
      reason: input.reason, actorId: actor.id,
    });
    await tx.entry.update({ where: { id: entryId }, data: { status: "VOIDED" }, select: { id: true } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "entry.void", targetType: "Entry", targetId: entryId,
      townshipId: entry.townshipId, villageId: entry.villageId,
      before: { status }, after: { status: "VOIDED", reason: input.reason, eventId: event.id },
    });
  });
  return getEntry(actor, entryId);
}
