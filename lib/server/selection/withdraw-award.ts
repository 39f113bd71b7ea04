import "server-only";
import type { NominationView, WithdrawAwardInput } from "@/lib/schemas/selection";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadAwardTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetNomination } from "./award-views";

/**
 * An official of the township withdraws an award with the reason the village and the household
 * will read, e.g. when a black of that year is confirmed after the award. The award leaves the
 * honour board and the household's honours; who awarded it and when stay in the audit.
 */
export async function withdrawAward(
  actor: Actor, awardId: string, input: WithdrawAwardInput, context: RequestContext, now: Date = new Date(),
): Promise<NominationView> {
  const target = await loadAwardTarget(actor, "selection.decide", awardId);
  await db.$transaction(async (tx) => {
    await lockChain(tx, target.householdId);
    const before = await tx.civilizedFamilyAward.findUniqueOrThrow({
      where: { id: awardId }, select: { status: true, year: true, decidedById: true, decidedAt: true, decisionReason: true },
    });
    if (before.status !== "AWARDED") throw new AppError("CONFLICT", "selection.errors.notAwarded");
    const changed = await tx.civilizedFamilyAward.updateMany({
      where: { id: awardId, status: "AWARDED" },
      data: { status: "WITHDRAWN", decidedById: actor.id, decidedAt: now, decisionReason: input.reason },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", "selection.errors.notAwarded");
    await writeAudit(tx, context, {
      actorId: actor.id, action: "award.withdrawAward", targetType: "CivilizedFamilyAward", targetId: awardId,
      townshipId: target.townshipId, villageId: target.villageId,
      before: { status: "AWARDED", year: before.year, decidedById: before.decidedById, decidedAt: before.decidedAt?.toISOString() ?? null, reason: before.decisionReason },
      after: { status: "WITHDRAWN", year: before.year, reason: input.reason },
    });
  });
  return unsafeGetNomination(awardId);
}
