import "server-only";
import type { RectificationView, RequestRectificationInput } from "@/lib/schemas/rectifications";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadEntryTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { applyEntryTransition } from "@/lib/server/chain/apply-entry-transitions";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetRectificationView } from "./rectification-views";

const evidenceUnavailable = () =>
  new AppError("RULE_VIOLATION", "errors.evidenceUnavailable", undefined, { evidenceIds: "errors.evidenceUnavailable" });

/**
 * Asks the village council to erase a yellow that has been corrected (DESIGN.md "Rectification"):
 * by the household for itself, or by a clerk of its village on its behalf, with a note and
 * photos the requester uploaded. Photos attach by rectificationId only: the entry's hash covers
 * its own evidence, which must never change.
 */
export async function requestRectification(
  actor: Actor, entryId: string, input: RequestRectificationInput, context: RequestContext,
): Promise<RectificationView> {
  const entry = await loadEntryTarget(actor, "rectifications.request", entryId);
  const unattached = { id: { in: input.evidenceIds }, uploadedById: actor.id, entryId: null, rectificationId: null };
  if (input.evidenceIds.length && (await db.evidencePhoto.count({ where: unattached })) !== input.evidenceIds.length) {
    throw evidenceUnavailable();
  }

  const id = await db.$transaction(async (tx) => {
    // Under the chain's lock, so that two requests at once cannot both pass the check below.
    await lockChain(tx, entry.householdId);
    const pending = await tx.rectification.count({ where: { entryId, status: "REQUESTED" } });
    if (pending) throw new AppError("CONFLICT", "errors.rectificationPending");
    const createdAt = new Date();
    const created = await tx.rectification.create({
      data: {
        entryId, householdId: entry.householdId, requestedById: actor.id, note: input.note,
        filedViaAccessCode: actor.viaAccessCode, createdAt,
      },
      select: { id: true },
    });
    if (input.evidenceIds.length) {
      const attached = await tx.evidencePhoto.updateMany({ where: unattached, data: { rectificationId: created.id } });
      if (attached.count !== input.evidenceIds.length) throw evidenceUnavailable();
    }
    // The request, its note and its photos' hashes are chained, after the photos are attached;
    // an entry that cannot be rectified is refused here and nothing is written.
    const event = await applyEntryTransition(tx, entry.householdId, {
      entryId, transition: "REQUEST_RECTIFICATION", reason: input.note, actorId: actor.id, rectificationId: created.id, at: createdAt,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "rectification.request", targetType: "Rectification", targetId: created.id,
      townshipId: entry.townshipId, villageId: entry.villageId,
      after: {
        entryId, householdId: entry.householdId, status: "REQUESTED", note: input.note, evidence: input.evidenceIds.length,
        viaAccessCode: actor.viaAccessCode, eventId: event.eventId,
      },
    });
    return created.id;
  });
  return unsafeGetRectificationView(id);
}
