import "server-only";
import type { NominationView, WithdrawNominationInput } from "@/lib/schemas/selection";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadAwardTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeGetNomination } from "./award-views";

/**
 * A clerk of the village withdraws its nomination, with the reason, while the township has not
 * decided it. Under the household's chain lock, like a decision: whichever comes second finds the
 * nomination no longer NOMINATED and is refused (409).
 */
export async function withdrawNomination(
  actor: Actor, awardId: string, input: WithdrawNominationInput, context: RequestContext, now: Date = new Date(),
): Promise<NominationView> {
  const target = await loadAwardTarget(actor, "selection.nominate", awardId);
  await db.$transaction(async (tx) => {
    await lockChain(tx, target.householdId);
    const changed = await tx.civilizedFamilyAward.updateMany({
      where: { id: awardId, status: "NOMINATED" },
      data: { status: "WITHDRAWN", decidedById: actor.id, decidedAt: now, decisionReason: input.reason },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", "selection.errors.alreadyDecided");
    await writeAudit(tx, context, {
      actorId: actor.id, action: "award.withdraw", targetType: "CivilizedFamilyAward", targetId: awardId,
      townshipId: target.townshipId, villageId: target.villageId,
      before: { status: "NOMINATED" }, after: { status: "WITHDRAWN", reason: input.reason },
    });
  });
  return unsafeGetNomination(awardId);
}
