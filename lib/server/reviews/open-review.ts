import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { quarterEnd, type Quarter } from "@/lib/domain/quarter";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OpenReviewInput, ReviewDetail } from "@/lib/schemas/reviews";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { unsafeLoadReviewDetail } from "./load-review-detail";

/** Entries of the quarter, and late ones of earlier quarters, still awaiting a review. */
export function unreviewedUpTo(villageId: string, { year, quarter }: { year: number; quarter: number }): Prisma.EntryWhereInput {
  return {
    villageId, status: "PENDING", reviewItem: { is: null },
    OR: [{ year: { lt: year } }, { year, quarter: { lte: quarter } }],
  };
}

/** Whether the quarter has ended, by the calendar day in China. */
export const hasQuarterEnded = (q: { year: number; quarter: number }, now: Date): boolean =>
  dayToDate(chinaToday(now)).getTime() > quarterEnd(q as Quarter).getTime();

/**
 * A clerk opens the review of a village's quarter once it has ended (DESIGN.md "QuarterlyReview").
 * The entries put to it and the roster of representatives are fixed now: nobody votes "approve
 * all" on entries recorded after the ballot was drawn up, and deactivating a representative
 * later does not shrink the quorum's base. A representative's home household is frozen with
 * them, for recusal.
 */
export async function openReview(
  actor: Actor, villageId: string, input: OpenReviewInput, context: RequestContext, now: Date = new Date(),
): Promise<ReviewDetail> {
  const village = await loadVillageTarget(actor, "reviews.manage", villageId);
  const quarter = { year: input.year, quarter: input.quarter };
  if (!hasQuarterEnded(quarter, now)) throw new AppError("RULE_VIOLATION", "errors.reviewQuarterNotEnded", quarter);

  try {
    const reviewId = await db.$transaction(async (tx) => {
      // One opening per village at a time: two reviews must not both take the same late entries.
      await tx.$queryRaw`SELECT 1 FROM "Village" WHERE "id" = ${villageId}::uuid FOR UPDATE`;
      const existing = await tx.quarterlyReview.findUnique({ where: { villageId_year_quarter: { villageId, ...quarter } }, select: { id: true } });
      if (existing) throw new AppError("CONFLICT", "errors.reviewExists", quarter);
      const entries = await tx.entry.findMany({ where: unreviewedUpTo(villageId, quarter), select: { id: true, year: true, quarter: true } });
      if (entries.length === 0) throw new AppError("RULE_VIOLATION", "errors.reviewNothingToReview", quarter);
      const roster = await tx.account.findMany({
        where: { villageId, role: "REPRESENTATIVE", active: true }, select: { id: true, homeHouseholdId: true },
      });
      if (roster.length === 0) throw new AppError("RULE_VIOLATION", "errors.reviewNoRepresentatives");

      const review = await tx.quarterlyReview.create({
        data: { villageId, ...quarter, openedById: actor.id, openedAt: now, representativesTotal: roster.length },
        select: { id: true },
      });
      await tx.reviewRosterMember.createMany({
        data: roster.map((r) => ({ reviewId: review.id, representativeId: r.id, homeHouseholdId: r.homeHouseholdId })),
      });
      await tx.reviewItem.createMany({ data: entries.map((e) => ({ reviewId: review.id, entryId: e.id })) });
      const late = entries.filter((e) => e.year !== quarter.year || e.quarter !== quarter.quarter).length;
      await writeAudit(tx, context, {
        actorId: actor.id, action: "review.open", targetType: "QuarterlyReview", targetId: review.id,
        townshipId: village.townshipId, villageId,
        after: { ...quarter, status: "OPEN", entries: entries.length, lateEntries: late, roster: roster.length },
      });
      return review.id;
    });
    return unsafeLoadReviewDetail(actor, reviewId);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "errors.reviewExists", quarter);
    throw error;
  }
}
