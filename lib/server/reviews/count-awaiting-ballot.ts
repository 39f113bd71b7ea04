import "server-only";
import { db } from "@/lib/server/db";

/**
 * How many entries of a review still wait for a representative's ballot: its PENDING items, less
 * those of the household the representative lived in when the review opened (recused, as
 * ./load-review-detail.ts marks them). Null when the representative is not on the review's frozen
 * roster (appointed or moved in after it opened). Counted, not loaded: it is shown on every home
 * page. No authorization: callers have read the review in the actor's scope.
 */
export async function unsafeCountAwaitingBallot(reviewId: string, representativeId: string): Promise<number | null> {
  const member = await db.reviewRosterMember.findUnique({
    where: { reviewId_representativeId: { reviewId, representativeId } }, select: { homeHouseholdId: true },
  });
  if (!member) return null;
  const home = member.homeHouseholdId;
  return db.reviewItem.count({
    where: { reviewId, entry: { status: "PENDING", ...(home ? { householdId: { not: home } } : {}) } },
  });
}
