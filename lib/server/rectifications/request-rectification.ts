import "server-only";
import { isRectifiable } from "@/lib/domain/due-process";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryStatus } from "@/lib/generated/prisma/enums";
import type { RectificationView, RequestRectificationInput } from "@/lib/schemas/rectifications";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadEntryTarget } from "@/lib/server/authz/targets";
import { appendEvent, lockChain } from "@/lib/server/chain/append-to-chain";
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
    const status = await assertRequestable(tx, entryId);
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
    // The request, its note and its photos' hashes are chained, after the photos are attached.
    const event = await appendEvent(tx, {
      entryId, householdId: entry.householdId, type: "RECTIFICATION_REQUESTED", fromStatus: status, toStatus: status,
      reason: input.note, actorId: actor.id, rectificationId: created.id, at: createdAt,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "rectification.request", targetType: "Rectification", targetId: created.id,
      townshipId: entry.townshipId, villageId: entry.villageId,
      after: {
        entryId, householdId: entry.householdId, status: "REQUESTED", note: input.note, evidence: input.evidenceIds.length,
        viaAccessCode: actor.viaAccessCode, eventId: event.id,
      },
    });
    return created.id;
  });
  return unsafeGetRectificationView(id);
}

async function assertRequestable(tx: Prisma.TransactionClient, entryId: string): Promise<EntryStatus> {
  const current = await tx.entry.findUniqueOrThrow({
    where: { id: entryId },
    select: { category: true, status: true, rectifications: { where: { status: "REQUESTED" }, take: 1, select: { id: true } } },
  });
  if (!isRectifiable(current)) throw new AppError("RULE_VIOLATION", "errors.entryNotRectifiable");
  if (current.rectifications.length) throw new AppError("CONFLICT", "errors.rectificationPending");
  return current.status;
}
