import "server-only";
import type { AppealView, ResolveAppealInput } from "@/lib/schemas/appeals";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadDueProcessTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { applyEntryTransition } from "@/lib/server/chain/apply-entry-transitions";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetAppealView } from "./appeal-views";

/**
 * A clerk of the village resolves an appeal, with the reason the household will read. UPHELD
 * voids the entry: a VOIDED event carrying the appeal's id is appended to the household's
 * chain. DISMISSED leaves the entry as it is, and is chained as an APPEAL_DISMISSED event.
 * Resolved once only.
 */
export async function resolveAppeal(actor: Actor, appealId: string, input: ResolveAppealInput, context: RequestContext): Promise<AppealView> {
  const found = await loadDueProcessTarget(actor, "appeals.resolve", "appeal", appealId);
  const place = { townshipId: found.townshipId, villageId: found.villageId, householdId: found.householdId };

  await db.$transaction(async (tx) => {
    // The chain's lock serializes two clerks resolving the same appeal at once.
    await lockChain(tx, found.householdId);
    const open = await tx.appeal.findUniqueOrThrow({ where: { id: appealId }, select: { status: true, entryId: true } });
    if (open.status !== "OPEN") throw new AppError("CONFLICT", "errors.appealAlreadyResolved");
    // Either outcome is chained with its reason (lib/domain/entry-lifecycle.ts).
    const event = await applyEntryTransition(tx, found.householdId, {
      entryId: open.entryId, transition: input.outcome === "UPHELD" ? "UPHOLD_APPEAL" : "DISMISS_APPEAL",
      reason: input.resolution, actorId: actor.id, appealId,
    });
    const entryStatus = event.fromStatus;
    const toStatus = event.toStatus;
    await tx.appeal.update({
      where: { id: appealId },
      data: { status: input.outcome, resolvedById: actor.id, resolvedAt: event.createdAt, resolution: input.resolution },
      select: { id: true },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: input.outcome === "UPHELD" ? "appeal.uphold" : "appeal.dismiss",
      targetType: "Appeal", targetId: appealId, townshipId: place.townshipId, villageId: place.villageId,
      before: { status: "OPEN", entryStatus },
      after: {
        status: input.outcome, resolution: input.resolution, entryId: open.entryId,
        entryStatus: toStatus, eventId: event.eventId,
      },
    });
  });
  return unsafeGetAppealView(appealId);
}
