import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import { missingForQuorum, quorumOf } from "@/lib/domain/vote-rules";
import type { RuleSetVoteView } from "@/lib/schemas/rule-sets";
import type { Actor } from "@/lib/server/authz";
import { toTally, voteTallySelect } from "./rule-set-views";

export const voteViewSelect = {
  ...voteTallySelect,
  ballots: { select: { representativeId: true, decision: true, castAt: true, enteredById: true } },
  roster: { select: { representative: { select: { id: true, displayName: true } } } },
} as const;

type VoteRow = Parameters<typeof toTally>[0] & {
  id: string; meetingDate: Date; representativesTotal: number; createdAt: Date;
  ballots: { representativeId: string; decision: "APPROVE" | "REJECT" | "ABSTAIN"; castAt: Date; enteredById: string | null }[];
  roster: { representative: { id: string; displayName: string } }[];
};

/** The roster frozen when the vote opened: who may vote, and whether they have. Never how anyone voted. */
const rosterOf = (vote: Pick<VoteRow, "roster">) => vote.roster.map((m) => m.representative)
  .sort((a, b) => a.displayName.localeCompare(b.displayName, "zh-CN") || a.id.localeCompare(b.id));

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
    myBallot: mine ? { decision: mine.decision, castAt: mine.castAt.toISOString(), paper: mine.enteredById !== null } : null,
    representatives: roster.map((r) => {
      const ballot = byRepresentative.get(r.id);
      return { id: r.id, displayName: r.displayName, voted: !!ballot, paper: !!ballot?.enteredById };
    }),
  };
}
