import "server-only";
import type { DecideNominationInput, NominationView } from "@/lib/schemas/selection";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadAwardTarget } from "@/lib/server/authz/targets";
import { lockChain } from "@/lib/server/chain/append-to-chain";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { assertEligible, assertYearReviewed, assessRow } from "./assess-row";
import { unsafeGetNomination } from "./award-views";
import { assertDecisionsOpen } from "./season";

/**
 * An official of the township awards or declines a nomination (declining with the reason the
 * village will read), once the year has ended in China. An award is judged again at the moment
 * of decision, on the household's maintained row under its chain lock: a household with an entry
 * of the year still awaiting review, or no longer eligible, is refused with the reasons. The
 * settings and the assessment are stored with the decision so that it can be reproduced later,
 * whatever the settings become. The nomination is decided only if it is still NOMINATED when
 * written (a withdrawal by the village, which takes the same lock, wins over a late decision).
 */
export async function decideNomination(
  actor: Actor, awardId: string, input: DecideNominationInput, context: RequestContext, now: Date = new Date(),
): Promise<NominationView> {
  // Recusal is declared on selection.decide (lib/server/authz/index.ts) but has no effect today:
  // officials have no home household, so loadAwardTarget never finds one to recuse them from.
  const target = await loadAwardTarget(actor, "selection.decide", awardId);
  await db.$transaction(async (tx) => {
    await lockChain(tx, target.householdId);
    const award = await tx.civilizedFamilyAward.findUniqueOrThrow({ where: { id: awardId }, select: { status: true, year: true } });
    if (award.status !== "NOMINATED") throw alreadyDecided();
    assertDecisionsOpen(award.year, now);
    const awarded = input.decision === "AWARD";
    if (awarded) await assertYearReviewed(tx, target.householdId, award.year);
    const { settingsId, assessment } = await assessRow(tx, target.householdId, target.townshipId, award.year, now);
    if (awarded) assertEligible(assessment, award.year);
    const status = awarded ? "AWARDED" : "DECLINED";
    const reason = input.reason ?? null;
    const changed = await tx.civilizedFamilyAward.updateMany({
      where: { id: awardId, status: "NOMINATED" },
      data: { status, decidedById: actor.id, decidedAt: now, decisionReason: reason, settingsId, assessment },
    });
    if (changed.count === 0) throw alreadyDecided();
    await writeAudit(tx, context, {
      actorId: actor.id, action: awarded ? "award.award" : "award.decline", targetType: "CivilizedFamilyAward", targetId: awardId,
      townshipId: target.townshipId, villageId: target.villageId,
      before: { status: "NOMINATED" }, after: { status, year: award.year, reason, settingsId, assessment },
    });
  });
  return unsafeGetNomination(awardId);
}

const alreadyDecided = () => new AppError("CONFLICT", "selection.errors.alreadyDecided");
