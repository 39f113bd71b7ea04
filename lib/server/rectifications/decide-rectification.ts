import "server-only";
import { isRectifiable } from "@/lib/domain/due-process";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryCategory, EntryStatus } from "@/lib/generated/prisma/enums";
import type { DecideRectificationInput, RectificationView } from "@/lib/schemas/rectifications";
import { writeAudit, type AuditScope } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadDueProcessTarget } from "@/lib/server/authz/targets";
import { appendEvent, lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetRectificationView } from "./rectification-views";

type Tx = Prisma.TransactionClient;
type Pending = { id: string; entryId: string; householdId: string; entry: { category: EntryCategory; status: EntryStatus } };

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
    const pending = await tx.rectification.findUniqueOrThrow({
      where: { id: rectificationId },
      select: { id: true, entryId: true, householdId: true, status: true, entry: { select: { category: true, status: true } } },
    });
    if (pending.status !== "REQUESTED") throw new AppError("CONFLICT", "errors.rectificationAlreadyDecided");
    const audit = { actorId: actor.id, targetType: "Rectification", targetId: rectificationId, ...place };
    if (input.decision === "APPROVE") await approve(tx, actor, pending, input.reason ?? null, { context, audit });
    else await decline(tx, actor, pending, input.reason, { context, audit });
  });
  return unsafeGetRectificationView(rectificationId);
}

type AuditArgs = { context: RequestContext; audit: AuditScope };

async function approve(tx: Tx, actor: Actor, pending: Pending, reason: string | null, { context, audit }: AuditArgs) {
  // The entry may have been voided, or rectified by another request, since this one was made.
  if (!isRectifiable(pending.entry)) throw new AppError("RULE_VIOLATION", "errors.entryNotRectifiable");
  const event = await appendEvent(tx, {
    entryId: pending.entryId, householdId: pending.householdId, type: "RECTIFIED", fromStatus: pending.entry.status,
    toStatus: "RECTIFIED", reason, actorId: actor.id, rectificationId: pending.id,
  });
  await tx.entry.update({ where: { id: pending.entryId }, data: { status: "RECTIFIED" }, select: { id: true } });
  await tx.rectification.update({
    where: { id: pending.id },
    data: { status: "APPROVED", decidedById: actor.id, decidedAt: event.createdAt, decisionReason: reason },
    select: { id: true },
  });
  await writeAudit(tx, context, {
    ...audit, action: "rectification.approve",
    before: { status: "REQUESTED", entryStatus: pending.entry.status },
    after: { status: "APPROVED", entryId: pending.entryId, entryStatus: "RECTIFIED", reason, eventId: event.id },
  });
}

// Declining leaves the entry as it is; the refusal and its reason are chained all the same.
async function decline(tx: Tx, actor: Actor, pending: Pending, reason: string, { context, audit }: AuditArgs) {
  const event = await appendEvent(tx, {
    entryId: pending.entryId, householdId: pending.householdId, type: "RECTIFICATION_DECLINED", fromStatus: pending.entry.status,
    toStatus: pending.entry.status, reason, actorId: actor.id, rectificationId: pending.id,
  });
  await tx.rectification.update({
    where: { id: pending.id },
    data: { status: "DECLINED", decidedById: actor.id, decidedAt: event.createdAt, decisionReason: reason },
    select: { id: true },
  });
  await writeAudit(tx, context, {
    ...audit, action: "rectification.decline",
    before: { status: "REQUESTED" }, after: { status: "DECLINED", entryId: pending.entryId, reason, eventId: event.id },
  });
}
