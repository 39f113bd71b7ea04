import "server-only";
import type { ReviewDetail } from "@/lib/schemas/reviews";
import type { Actor } from "@/lib/server/authz";
import { loadReviewTarget } from "@/lib/server/authz/targets";
import { unsafeLoadReviewDetail } from "./load-review-detail";

/** One review with its roster and items: its village's council and representatives, the township, administrators. */
export async function getReview(actor: Actor, reviewId: string): Promise<ReviewDetail> {
  await loadReviewTarget(actor, "reviews.read", reviewId);
  return unsafeLoadReviewDetail(actor, reviewId);
}
