import "server-only";
import type { RecordAttendanceInput, ReviewDetail } from "@/lib/schemas/reviews";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadReviewTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeLoadReviewDetail } from "./load-review-detail";
import { lockOpenReview } from "./lock-open-review";

/**
 * A clerk records who attends the meeting. Only representatives of the roster frozen at opening;
 * recording someone again changes nothing (and writes no audit record).
 */
export async function recordAttendance(
  actor: Actor, reviewId: string, input: RecordAttendanceInput, context: RequestContext,
): Promise<ReviewDetail> {
  const review = await loadReviewTarget(actor, "reviews.manage", reviewId);
  const ids = [...new Set(input.representativeIds)];

  await db.$transaction(async (tx) => {
    await lockOpenReview(tx, reviewId);
    const onRoster = await tx.reviewRosterMember.count({ where: { reviewId, representativeId: { in: ids } } });
    if (onRoster !== ids.length) throw new AppError("RULE_VIOLATION", "errors.reviewNotOnRoster");
    const present = await tx.reviewAttendance.findMany({ where: { reviewId, representativeId: { in: ids } }, select: { representativeId: true } });
    const known = new Set(present.map((p) => p.representativeId));
    const added = ids.filter((id) => !known.has(id));
    if (added.length === 0) return;
    await tx.reviewAttendance.createMany({ data: added.map((representativeId) => ({ reviewId, representativeId, recordedById: actor.id })) });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "review.attendance", targetType: "QuarterlyReview", targetId: reviewId,
      townshipId: review.townshipId, villageId: review.villageId,
      after: { added, attending: await tx.reviewAttendance.count({ where: { reviewId } }) },
    });
  });
  return unsafeLoadReviewDetail(actor, reviewId);
}
