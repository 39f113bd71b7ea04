import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import { missingForQuorum, quorumOf } from "@/lib/domain/vote-rules";
import type { RuleSetVoteView } from "@/lib/schemas/rule-sets";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { toTally, voteTallySelect } from "./rule-set-views";

export const voteViewSelect = {
  ...voteTallySelect,
  ballots: { select: { representativeId: true, decision: true, castAt: true, enteredById: true } },
} as const;

type VoteRow = Parameters<typeof toTally>[0] & {
  id: string; meetingDate: Date; representativesTotal: number; createdAt: Date;
  ballots: { representativeId: string; decision: "APPROVE" | "REJECT" | "ABSTAIN"; castAt: Date; enteredById: string | null }[];
};

/**
 * The roster of a vote: the village's representatives who were active accounts when it opened
 * (the quorum's base was frozen then), and whoever has voted. Never how anyone voted.
 */
export async function unsafeVoteRoster(villageId: string, vote: Pick<VoteRow, "createdAt" | "ballots">) {
  return db.account.findMany({
    where: {
      villageId, role: "REPRESENTATIVE",
      OR: [{ active: true, createdAt: { lte: vote.createdAt } }, { id: { in: vote.ballots.map((b) => b.representativeId) } }],
    },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true },
  });
}

export async function toVoteView(actor: Actor, villageId: string, vote: VoteRow & { closedAt: Date | null }): Promise<RuleSetVoteView> {
  const byRepresentative = new Map(vote.ballots.map((b) => [b.representativeId, b]));
  const mine = byRepresentative.get(actor.id);
  const roster = await unsafeVoteRoster(villageId, vote);
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
