import "server-only";
import { decisionOn } from "@/lib/domain/vote-rules";
import type { ReviewDetail, ReviewItem } from "@/lib/schemas/reviews";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { entrySummarySelect, toEntrySummary } from "@/lib/server/entries/entry-views";
import { reviewSummarySelect, toDomainBallot, toReviewSummary } from "./review-views";

const itemSelect = {
  entry: { select: { ...entrySummarySelect, evidence: { orderBy: { createdAt: "asc" }, select: { id: true } } } },
} as const;

/**
 * One review with its frozen roster and its items, as `actor` sees it: a representative learns
 * which items are of their own household (recused), and their own decisions. No authorization:
 * callers have loaded the review through loadReviewTarget.
 */
export async function unsafeLoadReviewDetail(actor: Actor, reviewId: string): Promise<ReviewDetail> {
  const [review, roster, attendance, ballots, items, results] = await Promise.all([
    db.quarterlyReview.findUniqueOrThrow({
      where: { id: reviewId }, select: { ...reviewSummarySelect, minutes: true, closingDigest: true },
    }),
    db.reviewRosterMember.findMany({
      where: { reviewId }, orderBy: [{ representative: { displayName: "asc" } }, { representativeId: "asc" }],
      select: { representativeId: true, homeHouseholdId: true, representative: { select: { displayName: true } } },
    }),
    db.reviewAttendance.findMany({ where: { reviewId }, select: { representativeId: true } }),
    db.reviewBallot.findMany({
      where: { reviewId },
      select: {
        representativeId: true, defaultDecision: true, castAt: true, enteredById: true,
        exceptions: { select: { entryId: true, decision: true, reason: true } },
      },
    }),
    db.reviewItem.findMany({ where: { reviewId }, select: itemSelect }),
    db.reviewEntryResult.findMany({
      where: { reviewId }, select: { entryId: true, attendees: true, approve: true, reject: true, abstain: true, passed: true },
    }),
  ]);

  const attending = new Set(attendance.map((a) => a.representativeId));
  const ballotOf = new Map(ballots.map((b) => [b.representativeId, b]));
  const resultOf = new Map(results.map(({ entryId, ...tally }) => [entryId, tally]));
  const objectionsOf = new Map<string, ReviewItem["objections"]>();
  for (const ballot of ballots) {
    for (const x of ballot.exceptions) {
      if (x.decision === "APPROVE") continue;
      objectionsOf.set(x.entryId, [...(objectionsOf.get(x.entryId) ?? []), { decision: x.decision, reason: x.reason }]);
    }
  }

  const isRepresentative = actor.role === "REPRESENTATIVE";
  const mine = roster.find((m) => m.representativeId === actor.id);
  const myHome = mine ? mine.homeHouseholdId : actor.homeHouseholdId;
  const myBallot = isRepresentative ? ballotOf.get(actor.id) : undefined;
  const me = { representativeId: actor.id, homeHouseholdId: myHome, ballot: myBallot ? toDomainBallot(myBallot) : null };

  const views: ReviewItem[] = items.map(({ entry }) => {
    const recused = isRepresentative && myHome === entry.household.id;
    const decision = myBallot ? decisionOn(me, { id: entry.id, householdId: entry.household.id }) : null;
    return {
      entry: toEntrySummary(entry, entry.evidence.length),
      // Representatives read the photos of entries under review only (entryWhere).
      evidenceIds: isRepresentative && entry.status !== "PENDING" ? [] : entry.evidence.map((p) => p.id),
      recusedForMe: recused,
      myDecision: decision === null || decision === "NONE" ? null : decision,
      objections: objectionsOf.get(entry.id) ?? [],
      result: resultOf.get(entry.id) ?? null,
    };
  });
  views.sort((a, b) => a.entry.household.archiveNo.localeCompare(b.entry.household.archiveNo)
    || a.entry.occurredOn.localeCompare(b.entry.occurredOn) || a.entry.id.localeCompare(b.entry.id));

  return {
    ...toReviewSummary(review, actor, myBallot?.castAt ?? null),
    minutes: review.minutes, closingDigest: review.closingDigest,
    rosterMembers: roster.map((m) => {
      const ballot = ballotOf.get(m.representativeId);
      return {
        id: m.representativeId, displayName: m.representative.displayName, attending: attending.has(m.representativeId),
        ballotCastAt: ballot?.castAt.toISOString() ?? null, paperBallot: !!ballot?.enteredById,
      };
    }),
    items: views,
  };
}
