import "server-only";
import type { EnterPaperBallotInput, ReviewDetail } from "@/lib/schemas/reviews";
import type { Actor } from "@/lib/server/authz";
import { loadReviewTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeLoadReviewDetail } from "./load-review-detail";
import { storeBallot } from "./store-ballot";

/**
 * A clerk enters the paper ballot of a representative of the roster, under the same rules as a
 * ballot cast on a phone; the ballot and the audit record say who entered it.
 */
export async function enterPaperBallot(
  actor: Actor, reviewId: string, input: EnterPaperBallotInput, context: RequestContext,
): Promise<ReviewDetail> {
  const review = await loadReviewTarget(actor, "reviews.manage", reviewId);
  const { representativeId, ...ballot } = input;
  await db.$transaction((tx) => storeBallot(tx, actor, review, { representativeId, enteredById: actor.id }, ballot, context));
  return unsafeLoadReviewDetail(actor, reviewId);
}
