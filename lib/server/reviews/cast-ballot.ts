import "server-only";
import type { CastBallotInput, ReviewDetail } from "@/lib/schemas/reviews";
import type { Actor } from "@/lib/server/authz";
import { loadReviewTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeLoadReviewDetail } from "./load-review-detail";
import { storeBallot } from "./store-ballot";

/**
 * A representative's own ballot, from their phone: approve all except the entries they object
 * to (each REJECT with its reason). Casting it records their attendance too. A representative
 * of another village does not see the review (404).
 */
export async function castBallot(actor: Actor, reviewId: string, input: CastBallotInput, context: RequestContext): Promise<ReviewDetail> {
  const review = await loadReviewTarget(actor, "reviews.vote", reviewId);
  await db.$transaction((tx) => storeBallot(tx, actor, review, { representativeId: actor.id, enteredById: null }, input, context));
  return unsafeLoadReviewDetail(actor, reviewId);
}
