import "server-only";
import { chinaToday, dateToDay } from "@/lib/domain/entry-date";
import type { ReviewNotice } from "@/lib/schemas/reviews";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

const CATEGORY_ORDER = { RED: 0, YELLOW: 1, BLACK: 2 } as const;

/**
 * The public notice (公示) of a closed review, for the village board and its public page: the
 * entries the review confirmed (withdrawn ones left out), reds in full; yellows and blacks with
 * household and category only where the township hides their details. Public: no actor, and
 * nothing of an open review (404, like a review that does not exist). The notice period starts on
 * the day the review closed, when the notice is posted, not on the meeting day.
 */
export async function getReviewNotice(reviewId: string): Promise<ReviewNotice> {
  const review = await db.quarterlyReview.findFirst({
    where: { id: reviewId, status: "CLOSED" },
    select: {
      year: true, quarter: true, meetingDate: true, closedAt: true, noticeEndsOn: true, closingDigest: true, representativesTotal: true,
      _count: { select: { attendance: true } },
      village: { select: { id: true, name: true, township: { select: { id: true, name: true, county: true } } } },
    },
  });
  if (!review?.meetingDate || !review.closedAt || !review.noticeEndsOn) throw new AppError("NOT_FOUND", "errors.notFound");

  const confirmed = await db.reviewEntryResult.findMany({
    where: { reviewId, passed: true, entry: { status: { not: "VOIDED" } } },
    select: {
      entry: {
        select: {
          category: true, marks: true, occurredOn: true, description: true,
          household: { select: { archiveNo: true, headName: true } }, rule: { select: { title: true } },
        },
      },
    },
  });
  // The notice as posted when the review closed, under the settings in force that day.
  const hides = (await settingsInForce(db, review.village.township.id, chinaToday(review.closedAt))).noticeHidesNegativeDetail;
  const entries = confirmed.map(({ entry }) => {
    const detailed = entry.category === "RED" || !hides;
    return {
      archiveNo: entry.household.archiveNo, headName: entry.household.headName, category: entry.category, marks: entry.marks,
      ruleTitle: detailed ? entry.rule.title : null,
      occurredOn: detailed ? dateToDay(entry.occurredOn) : null,
      description: detailed ? entry.description : null,
    };
  });
  entries.sort((a, b) => CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || a.archiveNo.localeCompare(b.archiveNo)
    || (a.occurredOn ?? "").localeCompare(b.occurredOn ?? ""));

  const { township, ...village } = review.village;
  return {
    reviewId, township: { name: township.name, county: township.county }, village, year: review.year, quarter: review.quarter,
    meetingDate: dateToDay(review.meetingDate), noticeStartsOn: chinaToday(review.closedAt), noticeEndsOn: dateToDay(review.noticeEndsOn),
    hidesNegativeDetail: hides, attending: review._count.attendance, roster: review.representativesTotal ?? 0,
    digest: review.closingDigest, entries,
  };
}
