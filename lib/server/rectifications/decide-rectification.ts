import "server-only";
import type { DecideRectificationInput, RectificationView } from "@/lib/schemas/rectifications";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadDueProcessTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { applyEntryTransition } from "@/lib/server/chain/apply-entry-transitions";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetRectificationView } from "./rectification-views";

/**
 * A clerk of the village decides a rectification request. Approved, the yellow becomes
 * RECTIFIED through a RECTIFIED event on the household's chain and stops counting; declined,
 * with the reason the household will read, the entry is unchanged and a RECTIFICATION_DECLINED
 * event records the refusal. Decided once only.
 */
export async function decideRectification(
  actor: Actor, rectificationId: string, input: DecideRectificationInput, context: RequestContext,
): Promise<RectificationView> {
  const found = await loadDueProcessTarget(actor, "rectifications.decide", "rectification", rectificationId);
  const place = { townshipId: found.townshipId, villageId: found.villageId, householdId: found.householdId };

  await db.$transaction(async (tx) => {
    // The chain's lock serializes two clerks deciding the same request at once.
    await lockChain(tx, found.householdId);
    const pending = await tx.rectification.findUniqueOrThrow({ where: { id: rectificationId }, select: { status: true, entryId: true } });
    if (pending.status !== "REQUESTED") throw new AppError("CONFLICT", "errors.rectificationAlreadyDecided");
    const approved = input.decision === "APPROVE";
    const reason = input.reason ?? null;
    // Approved, the yellow is rectified (refused if it was voided or rectified meanwhile);
    // declined, the entry is unchanged and the refusal is chained all the same.
    const event = await applyEntryTransition(tx, found.householdId, {
      entryId: pending.entryId, transition: approved ? "RECTIFY" : "DECLINE_RECTIFICATION", reason, actorId: actor.id, rectificationId,
    });
    const status = approved ? "APPROVED" : "DECLINED";
    await tx.rectification.update({
      where: { id: rectificationId },
      data: { status, decidedById: actor.id, decidedAt: event.createdAt, decisionReason: reason },
      select: { id: true },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: approved ? "rectification.approve" : "rectification.decline",
      targetType: "Rectification", targetId: rectificationId, ...place,
      before: { status: "REQUESTED", entryStatus: event.fromStatus },
      after: { status, entryId: pending.entryId, entryStatus: event.toStatus, reason, eventId: event.eventId },
    });
  });
  return unsafeGetRectificationView(rectificationId);
}
