import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { reviewDecisionReason } from "@/lib/domain/review-decision";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CloseReviewInput, ReviewDetail } from "@/lib/schemas/reviews";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadReviewTarget } from "@/lib/server/authz/targets";
import { lockChains } from "@/lib/server/chain/append-to-chain";
import { applyEntryTransitionsAcross } from "@/lib/server/chain/apply-entry-transitions";
import { recordTownshipDigest } from "@/lib/server/chain/record-township-digest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { unsafeLoadReviewDetail } from "./load-review-detail";
import { lockOpenReview } from "./lock-open-review";
import { assertQuorum, loadAttendees, tallyEntries, type EntryOutcome } from "./tally-review";

type Tx = Prisma.TransactionClient;

// A village with hundreds of entries and dozens of representatives closes in one transaction.
const CLOSE_TIMEOUT_MS = 120_000;
const DAY_MS = 86_400_000;

/**
 * A clerk closes the review after the meeting (DESIGN.md "Vote rule"): with two thirds of the
 * frozen roster present, every item still PENDING is tallied and becomes CONFIRMED or REJECTED
 * by a chain event naming the review; items voided or rectified meanwhile are left as they are.
 * The minutes, the notice period (from the closing day) and the township digest taken with the decisions are kept
 * with the review, whose public notice prints that digest. One transaction, one audit record.
 */
export async function closeReview(
  actor: Actor, reviewId: string, input: CloseReviewInput, context: RequestContext, now: Date = new Date(),
): Promise<ReviewDetail> {
  const target = await loadReviewTarget(actor, "reviews.manage", reviewId);
  const meetingDate = dayToDate(input.meetingDate);
  if (meetingDate.getTime() > dayToDate(chinaToday(now)).getTime()) throw new AppError("RULE_VIOLATION", "errors.meetingDateInFuture");

  await db.$transaction(async (tx) => {
    await lockOpenReview(tx, reviewId);
    const review = await tx.quarterlyReview.findUniqueOrThrow({
      where: { id: reviewId },
      select: { year: true, quarter: true, openedAt: true, representativesTotal: true },
    });
    const openedOn = chinaToday(review.openedAt);
    if (meetingDate.getTime() < dayToDate(openedOn).getTime()) {
      throw new AppError("RULE_VIOLATION", "errors.meetingDateBeforeOpening", { openedOn });
    }
    const attendees = await loadAttendees(tx, reviewId);
    assertQuorum(attendees.length, review.representativesTotal ?? 0);

    const items = await lockItemChains(tx, reviewId);
    const outcomes = tallyEntries(items.filter((i) => i.status === "PENDING"), attendees);
    await tx.reviewEntryResult.createMany({ data: outcomes.map((o) => ({ reviewId, entryId: o.entryId, ...o.tally })) });
    await decide(tx, reviewId, review, outcomes, now);

    const digest = await recordTownshipDigest(tx, target.townshipId, "REVIEW_CLOSED", now);
    // The notice is posted when the review closes, so its period runs from the closing day (China),
    // whatever day the meeting was: a late close never prints a window that has already ended.
    const { noticePeriodDays } = await settingsInForce(tx, target.townshipId, chinaToday(now));
    const noticeEndsOn = new Date(dayToDate(chinaToday(now)).getTime() + noticePeriodDays * DAY_MS);
    await tx.quarterlyReview.update({
      where: { id: reviewId },
      data: { status: "CLOSED", meetingDate, minutes: input.minutes, closedAt: now, closedById: actor.id, noticeEndsOn, closingDigest: digest.printed },
      select: { id: true },
    });
    const confirmed = outcomes.filter((o) => o.tally.passed).length;
    await writeAudit(tx, context, {
      actorId: actor.id, action: "review.close", targetType: "QuarterlyReview", targetId: reviewId,
      townshipId: target.townshipId, villageId: target.villageId,
      before: { status: "OPEN" },
      after: {
        status: "CLOSED", meetingDate: input.meetingDate, roster: review.representativesTotal, attending: attendees.length,
        items: items.length, decided: outcomes.length, confirmed, rejected: outcomes.length - confirmed,
        skipped: items.length - outcomes.length, digest: digest.printed,
      },
    });
  }, { timeout: CLOSE_TIMEOUT_MS, maxWait: 30_000 });
  return unsafeLoadReviewDetail(actor, reviewId);
}

/**
 * Locks the chains of every household with an item, in id order (no lock-order deadlock with
 * another close), then reads the items' statuses: nothing can void or rectify them before the
 * decisions are appended.
 */
async function lockItemChains(tx: Tx, reviewId: string) {
  const items = await tx.reviewItem.findMany({ where: { reviewId }, select: { entry: { select: { householdId: true } } } });
  await lockChains(tx, items.map((i) => i.entry.householdId));
  return tx.entry.findMany({ where: { reviewItem: { is: { reviewId } } }, select: { id: true, householdId: true, status: true } });
}

async function decide(tx: Tx, reviewId: string, q: { year: number; quarter: number }, outcomes: EntryOutcome[], now: Date): Promise<void> {
  await applyEntryTransitionsAcross(tx, outcomes.map((o) => ({
    householdId: o.householdId, entryId: o.entryId, transition: o.tally.passed ? "CONFIRM" : "REJECT",
    reason: reviewDecisionReason(q, o.tally), actorId: null, reviewId, at: now,
  })));
}
