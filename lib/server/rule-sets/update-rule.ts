import "server-only";
import type { RuleView } from "@/lib/schemas/entries";
import type { UpdateRuleInput } from "@/lib/schemas/rule-sets";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadRuleTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { assertCodeFree, findRule, withCodeRace } from "./rule-code";
import { lockDraft } from "./rule-set-lock";
import { ruleSelect } from "./rule-set-views";

/** Amends a rule of a draft. Rules of adopted versions never change: entries cite them. */
export async function updateRule(actor: Actor, ruleId: string, input: UpdateRuleInput, context: RequestContext): Promise<RuleView> {
  const target = await loadRuleTarget(actor, "ruleSets.manage", ruleId);
  return withCodeRace(input.code, () => db.$transaction(async (tx) => {
    await lockDraft(tx, target.ruleSetId);
    const before = await findRule(tx, ruleId);
    const { id: _id, ...was } = before;
    const changes = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => value !== undefined && value !== was[key as keyof typeof was]),
    ) as UpdateRuleInput;
    if (Object.keys(changes).length === 0) throw new AppError("RULE_VIOLATION", "errors.nothingChanged");
    if (changes.code) await assertCodeFree(tx, target.ruleSetId, changes.code, ruleId);
    const rule = await tx.rule.update({ where: { id: ruleId }, data: changes, select: ruleSelect });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "rule.update", targetType: "Rule", targetId: ruleId,
      townshipId: target.townshipId, villageId: target.villageId,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, was[key as keyof typeof was]])), after: changes,
    });
    return rule;
  }));
}
