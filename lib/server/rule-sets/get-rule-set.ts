import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import type { RuleSetDetail } from "@/lib/schemas/rule-sets";
import type { Actor } from "@/lib/server/authz";
import { loadRuleSetTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { unsafeFindRuleSetInForce } from "@/lib/server/entries/list-rules-in-force";
import { dayOrNull, ruleSelect, sortRules } from "./rule-set-views";
import { toVoteView, voteViewSelect } from "./rule-set-vote-view";

/** One version with its rules (reds, yellows, blacks) and its vote. */
export async function getRuleSet(actor: Actor, ruleSetId: string, now: Date = new Date()): Promise<RuleSetDetail> {
  const target = await loadRuleSetTarget(actor, "ruleSets.read", ruleSetId);
  const row = await db.ruleSet.findUniqueOrThrow({
    where: { id: ruleSetId },
    select: {
      id: true, villageId: true, version: true, title: true, status: true, effectiveFrom: true, effectiveTo: true,
      consultation: true, draftedById: true, updatedAt: true, village: { select: { id: true, name: true } },
      rules: { select: ruleSelect },
      votes: { orderBy: { createdAt: "desc" }, take: 1, select: voteViewSelect },
    },
  });
  const [inForce, drafter] = await Promise.all([
    unsafeFindRuleSetInForce(target.villageId, dayToDate(chinaToday(now))),
    row.draftedById ? db.account.findUnique({ where: { id: row.draftedById }, select: { displayName: true } }) : null,
  ]);
  const vote = row.votes[0];
  return {
    id: row.id, villageId: row.villageId, version: row.version, title: row.title, status: row.status,
    effectiveFrom: dayOrNull(row.effectiveFrom), effectiveTo: dayOrNull(row.effectiveTo),
    inForceToday: inForce?.id === row.id, village: row.village, consultation: row.consultation,
    draftedBy: drafter, updatedAt: row.updatedAt.toISOString(), rules: sortRules(row.rules),
    vote: vote ? toVoteView(actor, vote) : null,
  };
}
