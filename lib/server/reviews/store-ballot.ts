import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CastBallotInput } from "@/lib/schemas/reviews";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import type { ReviewTarget } from "@/lib/server/authz/targets";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { lockOpenReview } from "./lock-open-review";

type Tx = Prisma.TransactionClient;

export type BallotOf = {
  representativeId: string;
  /** The clerk entering a paper ballot; null when the representative casts it. */
  enteredById: string | null;
};

/**
 * Stores one representative's ballot ("approve all except …") and their attendance, for both
 * ways of voting: on their phone, or on paper entered by a clerk. The same rules either way:
 * an open review, a representative of its frozen roster, one ballot each, exceptions only on
 * entries of this review and never on the representative's own household (recusal, by the home
 * household frozen with the roster).
 */
export async function storeBallot(
  tx: Tx, actor: Actor, review: ReviewTarget, ballot: BallotOf, input: CastBallotInput, context: RequestContext,
): Promise<void> {
  const { reviewId } = review;
  const paper = ballot.enteredById !== null;
  await lockOpenReview(tx, reviewId);
  const member = await tx.reviewRosterMember.findUnique({
    where: { reviewId_representativeId: { reviewId, representativeId: ballot.representativeId } }, select: { homeHouseholdId: true },
  });
  if (!member) throw paper ? new AppError("RULE_VIOLATION", "errors.reviewNotOnRoster") : new AppError("FORBIDDEN", "errors.reviewNotOnRosterSelf");
  const cast = await tx.reviewBallot.findUnique({
    where: { reviewId_representativeId: { reviewId, representativeId: ballot.representativeId } }, select: { id: true },
  });
  if (cast) throw new AppError("CONFLICT", "errors.ballotAlreadyCast");

  const entryIds = input.exceptions.map((x) => x.entryId);
  if (new Set(entryIds).size !== entryIds.length) throw new AppError("RULE_VIOLATION", "errors.ballotExceptionTwice");
  const items = await tx.reviewItem.findMany({
    where: { reviewId, entryId: { in: entryIds } }, select: { entryId: true, entry: { select: { householdId: true } } },
  });
  if (items.length !== entryIds.length) throw new AppError("RULE_VIOLATION", "errors.ballotExceptionNotInReview");
  if (member.homeHouseholdId && items.some((i) => i.entry.householdId === member.homeHouseholdId)) {
    throw new AppError("FORBIDDEN", paper ? "errors.recusedRepresentativeHousehold" : "errors.recusedOwnHouseholdVote");
  }

  try {
    const created = await tx.reviewBallot.create({
      data: {
        reviewId, representativeId: ballot.representativeId, defaultDecision: input.defaultDecision, enteredById: ballot.enteredById,
        exceptions: { createMany: { data: input.exceptions.map((x) => ({ entryId: x.entryId, decision: x.decision, reason: x.reason ?? null })) } },
      },
      select: { id: true },
    });
    await tx.reviewAttendance.createMany({
      data: [{ reviewId, representativeId: ballot.representativeId, recordedById: ballot.enteredById }], skipDuplicates: true,
    });
    const count = (d: string) => input.exceptions.filter((x) => x.decision === d).length;
    await writeAudit(tx, context, {
      actorId: actor.id, action: paper ? "review.paperBallot" : "review.ballot", targetType: "QuarterlyReview", targetId: reviewId,
      townshipId: review.townshipId, villageId: review.villageId,
      after: {
        ballotId: created.id, representativeId: ballot.representativeId, defaultDecision: input.defaultDecision,
        exceptions: input.exceptions.length, approve: count("APPROVE"), reject: count("REJECT"), abstain: count("ABSTAIN"),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "errors.ballotAlreadyCast");
    throw error;
  }
}
