import "server-only";
import type { EntryDetail, VoidEntryInput } from "@/lib/schemas/entries";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadEntryTarget } from "@/lib/server/authz/targets";
import { applyEntryTransition } from "@/lib/server/chain/apply-entry-transitions";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { getEntry } from "./get-entry";

/**
 * Withdraws an entry, with the reason why. Nothing is deleted: a VOIDED event is appended to the
 * household's chain and the entry's status follows it.
 */
export async function voidEntry(actor: Actor, entryId: string, input: VoidEntryInput, context: RequestContext): Promise<EntryDetail> {
  const entry = await loadEntryTarget(actor, "entries.void", entryId);

  await db.$transaction(async (tx) => {
    // Under the chain's lock, so two clerks voiding at once append one event.
    const voided = await applyEntryTransition(tx, entry.householdId, { entryId, transition: "VOID", reason: input.reason, actorId: actor.id });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "entry.void", targetType: "Entry", targetId: entryId,
      townshipId: entry.townshipId, villageId: entry.villageId,
      before: { status: voided.fromStatus }, after: { status: "VOIDED", reason: input.reason, eventId: voided.eventId },
    });
  });
  return getEntry(actor, entryId);
}
