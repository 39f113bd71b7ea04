import "server-only";
import type { ListReviewsQuery, QuarterToReview, ReviewDetail, ReviewSummary } from "@/lib/schemas/reviews";
import { can, villageIdOf, type Actor } from "@/lib/server/authz";
import { unsafeCountAwaitingBallot } from "@/lib/server/reviews/count-awaiting-ballot";
import { listQuartersToReview } from "@/lib/server/reviews/list-quarters-to-review";
import { listReviews } from "@/lib/server/reviews/list-reviews";

// awaitingMyVote: for a representative of the review's frozen roster, the entries of an open
// review still PENDING and waiting for their ballot (their own household's excluded: they never
// vote on those); null for everyone else. joinedAfterOpening: a representative not on the roster
// (appointed or moved in after it opened), who votes from the next review on.
export type ReviewOverviewItem = ReviewSummary & { awaitingMyVote: number | null; joinedAfterOpening: boolean };
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
  const items = await Promise.all(page.items.map((review) => withMyVote(actor, review)));
  return { ...page, items, quartersToReview: quarters?.filter((q) => q.pending > 0) ?? null };
}

async function withMyVote(actor: Actor, review: ReviewSummary): Promise<ReviewOverviewItem> {
  if (!can(actor, "reviews.vote")) return { ...review, awaitingMyVote: null, joinedAfterOpening: false };
  if (review.status !== "OPEN" || review.myBallotCastAt) return { ...review, awaitingMyVote: 0, joinedAfterOpening: false };
  // The review was read in the actor's scope by listReviews.
  const awaiting = await unsafeCountAwaitingBallot(review.id, actor.id);
  if (awaiting === null) return { ...review, awaitingMyVote: null, joinedAfterOpening: true };
  return { ...review, awaitingMyVote: awaiting, joinedAfterOpening: false };
}

/** Only the representatives frozen on the roster when the review opened vote in it. */
export const isOnRoster = (actor: Actor, review: Pick<ReviewDetail, "rosterMembers">): boolean =>
  review.rosterMembers.some((m) => m.id === actor.id);
