import "server-only";
import type { ListReviewsQuery, QuarterToReview, ReviewSummary } from "@/lib/schemas/reviews";
import { can, villageIdOf, type Actor } from "@/lib/server/authz";
import { getReview } from "@/lib/server/reviews/get-review";
import { listQuartersToReview } from "@/lib/server/reviews/list-quarters-to-review";
import { listReviews } from "@/lib/server/reviews/list-reviews";

// awaitingMyVote: for a representative, the entries of an open review still waiting for their
// ballot (their own household's excluded: they never vote on those); null for everyone else.
export type ReviewOverviewItem = ReviewSummary & { awaitingMyVote: number | null };
export type ReviewOverview = {
  items: ReviewOverviewItem[];
  page: number;
  pageSize: number;
  total: number;
  // A clerk's quarters that have ended with entries still to review; null for other roles.
  quartersToReview: QuarterToReview[] | null;
};

/** What the reviews page and the village home show: the reviews in the actor's scope and what waits. */
export async function loadReviewOverview(actor: Actor, query: ListReviewsQuery): Promise<ReviewOverview> {
  const isClerk = can(actor, "reviews.manage");
  const [page, quarters] = await Promise.all([
    listReviews(actor, query),
    isClerk ? listQuartersToReview(actor, villageIdOf(actor)) : Promise.resolve(null),
  ]);
  const items = await Promise.all(page.items.map(async (review) => ({
    ...review, awaitingMyVote: await awaitingVote(actor, review),
  })));
  return { ...page, items, quartersToReview: quarters?.filter((q) => q.pending > 0) ?? null };
}

async function awaitingVote(actor: Actor, review: ReviewSummary): Promise<number | null> {
  if (!can(actor, "reviews.vote")) return null;
  if (review.status !== "OPEN" || review.myBallotCastAt) return 0;
  // Only a representative with a household in the village can be recused; read the items only then.
  if (!actor.homeHouseholdId) return review.entries;
  const detail = await getReview(actor, review.id);
  return detail.items.filter((item) => !item.recusedForMe).length;
}
