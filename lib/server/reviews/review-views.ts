import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import { missingForQuorum, quorumOf, type Decision } from "@/lib/domain/vote-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewSummary } from "@/lib/schemas/reviews";
import type { Actor } from "@/lib/server/authz";

// What the pages and the API show of a review: counts for lists, and (./load-review-detail.ts)
// the roster and items of one review. Only the fields they need, never whole rows.

export const reviewSummarySelect = {
  id: true, year: true, quarter: true, status: true, openedAt: true, closedAt: true, meetingDate: true,
  noticeEndsOn: true, representativesTotal: true,
  village: { select: { id: true, name: true } },
  _count: { select: { roster: true, attendance: true, items: true, ballots: true } },
} as const satisfies Prisma.QuarterlyReviewSelect;

type SummaryRow = Prisma.QuarterlyReviewGetPayload<{ select: typeof reviewSummarySelect }>;

const dayOrNull = (date: Date | null) => (date ? dateToDay(date) : null);

/** `myBallotCastAt` is only told to a representative, about their own ballot. */
export function toReviewSummary(row: SummaryRow, actor: Actor, myBallotCastAt: Date | null): ReviewSummary {
  // The roster frozen at opening is the quorum's base, whoever was deactivated since.
  const roster = row.representativesTotal ?? row._count.roster;
  const attending = row._count.attendance;
  return {
    id: row.id, village: row.village, year: row.year, quarter: row.quarter, status: row.status,
    openedAt: row.openedAt.toISOString(), closedAt: row.closedAt?.toISOString() ?? null,
    meetingDate: dayOrNull(row.meetingDate), noticeEndsOn: dayOrNull(row.noticeEndsOn),
    roster, attending, quorum: quorumOf(roster), missingForQuorum: missingForQuorum(attending, roster),
    entries: row._count.items, ballots: row._count.ballots,
    myBallotCastAt: actor.role === "REPRESENTATIVE" ? (myBallotCastAt?.toISOString() ?? null) : null,
  };
}

export type StoredBallot = {
  representativeId: string;
  defaultDecision: Decision;
  exceptions: { entryId: string; decision: Decision; reason?: string | null }[];
};

/** A ballot as lib/domain/vote-rules.ts counts it: "approve all except …". */
export function toDomainBallot(ballot: StoredBallot) {
  return {
    defaultDecision: ballot.defaultDecision,
    exceptions: new Map(ballot.exceptions.map((x) => [x.entryId, x.decision] as const)),
  };
}
