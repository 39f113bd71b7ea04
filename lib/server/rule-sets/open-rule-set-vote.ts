import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import type { OpenRuleSetVoteInput, RuleSetDetail } from "@/lib/schemas/rule-sets";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadRuleSetTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { assertAfterCurrent, assertNotBeforeTomorrow } from "./effective-date";
import { getRuleSet } from "./get-rule-set";
import { lockDraft } from "./rule-set-lock";

/**
 * Puts a draft to the village representative assembly: the text is frozen, the proposed
 * effective date recorded (tomorrow at the earliest), and the roster frozen: the village's active
 * representatives now are who may vote and the quorum's base — appointing, deactivating or moving
 * one later changes neither (Organic Law art. 26: two thirds attend).
 */
export async function openRuleSetVote(
  actor: Actor, ruleSetId: string, input: OpenRuleSetVoteInput, context: RequestContext, now: Date = new Date(),
): Promise<RuleSetDetail> {
  const target = await loadRuleSetTarget(actor, "ruleSets.manage", ruleSetId);
  assertNotBeforeTomorrow(input.effectiveFrom, chinaToday(now));
  const effectiveFrom = dayToDate(input.effectiveFrom);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, ruleSetId);
    if ((await tx.rule.count({ where: { ruleSetId } })) === 0) throw new AppError("RULE_VIOLATION", "errors.ruleSetEmpty");
    await assertAfterCurrent(tx, target.villageId, effectiveFrom, ruleSetId);
    const roster = await tx.account.findMany({ where: { villageId: target.villageId, role: "REPRESENTATIVE", active: true }, select: { id: true } });
    const representativesTotal = roster.length;
    if (representativesTotal === 0) throw new AppError("RULE_VIOLATION", "errors.ruleSetNoRepresentatives");
    await tx.ruleSet.update({ where: { id: ruleSetId }, data: { status: "VOTING", effectiveFrom }, select: { id: true } });
    const vote = await tx.ruleSetVote.create({
      data: { ruleSetId, meetingDate: dayToDate(input.meetingDate), representativesTotal, openedById: actor.id, createdAt: now },
      select: { id: true },
    });
    await tx.ruleSetVoteRosterMember.createMany({ data: roster.map((r) => ({ voteId: vote.id, representativeId: r.id })) });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "ruleSet.openVote", targetType: "RuleSet", targetId: ruleSetId,
      townshipId: target.townshipId, villageId: target.villageId,
      before: { status: "DRAFT" },
      after: { status: "VOTING", voteId: vote.id, meetingDate: input.meetingDate, effectiveFrom: input.effectiveFrom, representativesTotal },
    });
  });
  return getRuleSet(actor, ruleSetId, now);
}
