import "server-only";
import { isRectifiable } from "@/lib/domain/due-process";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RectificationView, RequestRectificationInput } from "@/lib/schemas/rectifications";
import { writeAudit } from "@/lib/server/audit";
import { authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { lockChain } from "@/lib/server/chain/append-to-chain";
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
  authorize(actor, "rectifications.request");
  const entry = await db.entry.findUnique({
    where: { id: entryId },
    select: { id: true, householdId: true, villageId: true, village: { select: { townshipId: true } } },
  });
  if (!entry) throw new AppError("NOT_FOUND", "errors.notFound");
  const place = { townshipId: entry.village.townshipId, villageId: entry.villageId, householdId: entry.householdId };
  authorizeIn(actor, "rectifications.request", place);
  const unattached = { id: { in: input.evidenceIds }, uploadedById: actor.id, entryId: null, rectificationId: null };
  if (input.evidenceIds.length && (await db.evidencePhoto.count({ where: unattached })) !== input.evidenceIds.length) {
    throw evidenceUnavailable();
  }

  const id = await db.$transaction(async (tx) => {
    // Under the chain's lock, so that two requests at once cannot both pass the check below.
    await lockChain(tx, entry.householdId);
    await assertRequestable(tx, entryId);
    const created = await tx.rectification.create({
      data: { entryId, householdId: entry.householdId, requestedById: actor.id, note: input.note },
      select: { id: true },
    });
    if (input.evidenceIds.length) {
      const attached = await tx.evidencePhoto.updateMany({ where: unattached, data: { rectificationId: created.id } });
      if (attached.count !== input.evidenceIds.length) throw evidenceUnavailable();
    }
    await writeAudit(tx, context, {
      actorId: actor.id, action: "rectification.request", targetType: "Rectification", targetId: created.id,
      townshipId: place.townshipId, villageId: place.villageId,
      after: { entryId, householdId: entry.householdId, status: "REQUESTED", note: input.note, evidence: input.evidenceIds.length },
    });
    return created.id;
  });
  return unsafeGetRectificationView(id);
}

async function assertRequestable(tx: Prisma.TransactionClient, entryId: string): Promise<void> {
  const current = await tx.entry.findUniqueOrThrow({
    where: { id: entryId },
    select: { category: true, status: true, rectifications: { where: { status: "REQUESTED" }, take: 1, select: { id: true } } },
  });
  if (!isRectifiable(current)) throw new AppError("RULE_VIOLATION", "errors.entryNotRectifiable");
  if (current.rectifications.length) throw new AppError("CONFLICT", "errors.rectificationPending");
}
