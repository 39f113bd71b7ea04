import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import { missingForQuorum, quorumOf } from "@/lib/domain/vote-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RuleSetVoteView } from "@/lib/schemas/rule-sets";
import { can, type Actor } from "@/lib/server/authz";
import { toTally, voteTallySelect } from "./rule-set-views";

// Sorted in the database, as the review roster (lib/server/reviews/load-review-detail.ts).
const rosterOrder: Prisma.RuleSetVoteRosterMemberOrderByWithRelationInput[] = [{ representative: { displayName: "asc" } }, { representativeId: "asc" }];

export const voteViewSelect = {
  ...voteTallySelect,
  ballots: { select: { representativeId: true, decision: true, castAt: true, enteredById: true } },
  roster: { orderBy: rosterOrder, select: { representative: { select: { id: true, displayName: true } } } },
} as const;

type VoteRow = Parameters<typeof toTally>[0] & {
  id: string; meetingDate: Date; representativesTotal: number; createdAt: Date;
  ballots: { representativeId: string; decision: "APPROVE" | "REJECT" | "ABSTAIN"; castAt: Date; enteredById: string | null }[];
  roster: { representative: { id: string; displayName: string } }[];
};

/** The roster frozen when the vote opened (sorted by the query): who may vote, and whether they have. Never how anyone voted. */
const rosterOf = (vote: Pick<VoteRow, "roster">) => vote.roster.map((m) => m.representative);

export function toVoteView(actor: Actor, vote: VoteRow & { closedAt: Date | null }): RuleSetVoteView {
  const byRepresentative = new Map(vote.ballots.map((b) => [b.representativeId, b]));
  const mine = byRepresentative.get(actor.id);
  const roster = rosterOf(vote);
  return {
    meetingDate: dateToDay(vote.meetingDate),
    representativesTotal: vote.representativesTotal,
    quorum: quorumOf(vote.representativesTotal),
    ballots: vote.ballots.length,
    missingForQuorum: missingForQuorum(vote.ballots.length, vote.representativesTotal),
    openedAt: vote.createdAt.toISOString(),
    closedAt: vote.closedAt?.toISOString() ?? null,
    tally: toTally(vote),
    // A representative who joined after the vote opened is not on its roster: record-rule-set-ballot refuses them.
    mayVote: can(actor, "ruleSets.vote") && roster.some((r) => r.id === actor.id),
    myBallot: mine ? { decision: mine.decision, castAt: mine.castAt.toISOString(), paper: mine.enteredById !== null } : null,
    representatives: roster.map((r) => {
      const ballot = byRepresentative.get(r.id);
      return { id: r.id, displayName: r.displayName, voted: !!ballot, paper: !!ballot?.enteredById };
    }),
  };
}
