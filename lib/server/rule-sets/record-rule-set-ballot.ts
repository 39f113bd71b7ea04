import "server-only";
import type { RuleSetDecision } from "@/lib/schemas/rule-sets";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import type { RuleSetTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { lockVoting } from "./rule-set-lock";

type Ballot = { representativeId: string; decision: RuleSetDecision; enteredBy: Actor | null };

/**
 * One decision per representative on the roster frozen when the vote opened (the village's active
 * representatives then, whatever became of their accounts since; nobody added later). A representative votes once; a second ballot is refused
 * rather than replacing the first, so that a paper record and a phone cannot overwrite each other.
 */
export async function recordRuleSetBallot(actor: Actor, target: RuleSetTarget, ballot: Ballot, context: RequestContext): Promise<void> {
  const alreadyVoted = () => new AppError("CONFLICT", ballot.enteredBy ? "errors.ruleSetRepresentativeAlreadyVoted" : "errors.ruleSetAlreadyVoted");
  try {
    await db.$transaction(async (tx) => {
      await lockVoting(tx, target.ruleSetId);
      const vote = await tx.ruleSetVote.findFirstOrThrow({
        where: { ruleSetId: target.ruleSetId, closedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true },
      });
      const onRoster = await tx.ruleSetVoteRosterMember.findUnique({
        where: { voteId_representativeId: { voteId: vote.id, representativeId: ballot.representativeId } }, select: { voteId: true },
      });
      if (!onRoster) {
        throw new AppError("RULE_VIOLATION", "errors.notOnRuleSetRoster", undefined, ballot.enteredBy ? { representativeId: "validation.notOnRuleSetRoster" } : undefined);
      }
      const key = { voteId_representativeId: { voteId: vote.id, representativeId: ballot.representativeId } };
      if (await tx.ruleSetBallot.findUnique({ where: key, select: { voteId: true } })) throw alreadyVoted();
      await tx.ruleSetBallot.create({
        data: { voteId: vote.id, representativeId: ballot.representativeId, decision: ballot.decision, enteredById: ballot.enteredBy?.id ?? null },
        select: { voteId: true },
      });
      await writeAudit(tx, context, {
        actorId: actor.id, action: ballot.enteredBy ? "ruleSet.paperBallot" : "ruleSet.ballot", targetType: "RuleSet", targetId: target.ruleSetId,
        townshipId: target.townshipId, villageId: target.villageId,
        after: { voteId: vote.id, representativeId: ballot.representativeId, decision: ballot.decision, paper: !!ballot.enteredBy },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyVoted();
    throw error;
  }
}
