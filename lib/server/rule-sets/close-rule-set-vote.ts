import "server-only";
import { chinaToday, dateToDay, dayToDate } from "@/lib/domain/entry-date";
import { hasQuorum, missingForQuorum, tallyMotion } from "@/lib/domain/vote-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RuleSetDetail } from "@/lib/schemas/rule-sets";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadRuleSetTarget, type RuleSetTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { assertAfterCurrent, earliestEffectiveDay } from "./effective-date";
import { getRuleSet } from "./get-rule-set";
import { lockVillageRules, lockVoting } from "./rule-set-lock";

/**
 * Closes the assembly's vote (Organic Law art. 26): valid only when at least two thirds of the
 * representatives on the roster cast a ballot, passed with more than half of those attending.
 * Passed, the version is ADOPTED from its proposed date and the version adopted before it is
 * SUPERSEDED from that same date (effectiveTo is exclusive); otherwise it is REJECTED. Either
 * way it is read-only from now on.
 */
export async function closeRuleSetVote(actor: Actor, ruleSetId: string, context: RequestContext, now: Date = new Date()): Promise<RuleSetDetail> {
  const target = await loadRuleSetTarget(actor, "ruleSets.manage", ruleSetId);
  await db.$transaction(async (tx) => {
    await lockVillageRules(tx, target.villageId);
    await lockVoting(tx, ruleSetId);
    const vote = await tx.ruleSetVote.findFirstOrThrow({
      where: { ruleSetId, closedAt: null }, orderBy: { createdAt: "desc" },
      select: { id: true, representativesTotal: true, ballots: { select: { decision: true } } },
    });
    const attending = vote.ballots.length;
    if (!hasQuorum(attending, vote.representativesTotal)) {
      throw new AppError("RULE_VIOLATION", "errors.ruleSetNoQuorum", {
        roster: vote.representativesTotal, attending, missing: missingForQuorum(attending, vote.representativesTotal),
      });
    }
    const tally = tallyMotion(vote.ballots.map((b) => b.decision));
    await tx.ruleSetVote.update({
      where: { id: vote.id }, select: { id: true },
      data: { closedAt: now, closedById: actor.id, ...tally },
    });
    const outcome = tally.passed ? await adopt(tx, target, chinaToday(now)) : await reject(tx, ruleSetId);
    await writeAudit(tx, context, {
      actorId: actor.id, action: "ruleSet.closeVote", targetType: "RuleSet", targetId: ruleSetId,
      townshipId: target.townshipId, villageId: target.villageId,
      before: { status: "VOTING" }, after: { voteId: vote.id, ...tally, ...outcome },
    });
  });
  return getRuleSet(actor, ruleSetId, now);
}

type Outcome = { status: "ADOPTED" | "REJECTED"; effectiveFrom?: string; supersededRuleSetId?: string | null };

async function adopt(tx: Prisma.TransactionClient, target: RuleSetTarget, today: string): Promise<Outcome> {
  const { effectiveFrom: proposed } = await tx.ruleSet.findUniqueOrThrow({ where: { id: target.ruleSetId }, select: { effectiveFrom: true } });
  // A vote closed on or after its proposed date (paper ballots entered late) takes effect the day
  // after it closes: taking effect retroactively, even to the morning of the closing day, would
  // move entries already recorded under the old rules.
  const earliest = earliestEffectiveDay(today);
  const day = proposed && dateToDay(proposed) >= earliest ? dateToDay(proposed) : earliest;
  const effectiveFrom = dayToDate(day);
  const previous = await assertAfterCurrent(tx, target.villageId, effectiveFrom, target.ruleSetId);
  if (previous) {
    await tx.ruleSet.update({ where: { id: previous.id }, data: { status: "SUPERSEDED", effectiveTo: effectiveFrom }, select: { id: true } });
  }
  await tx.ruleSet.update({ where: { id: target.ruleSetId }, data: { status: "ADOPTED", effectiveFrom }, select: { id: true } });
  return { status: "ADOPTED", effectiveFrom: day, supersededRuleSetId: previous?.id ?? null };
}

async function reject(tx: Prisma.TransactionClient, ruleSetId: string): Promise<Outcome> {
  await tx.ruleSet.update({ where: { id: ruleSetId }, data: { status: "REJECTED" }, select: { id: true } });
  return { status: "REJECTED" };
}
