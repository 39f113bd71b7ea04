import "server-only";
import type { RuleView } from "@/lib/schemas/entries";
import type { AddRuleInput } from "@/lib/schemas/rule-sets";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadRuleSetTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { lockDraft } from "./rule-set-lock";
import { assertCodeFree, withCodeRace } from "./rule-code";
import { ruleSelect } from "./rule-set-views";

/** A new rule in a draft; its code is unique within the set. */
export async function addRule(actor: Actor, ruleSetId: string, input: AddRuleInput, context: RequestContext): Promise<RuleView> {
  const target = await loadRuleSetTarget(actor, "ruleSets.manage", ruleSetId);
  return withCodeRace(input.code, () => db.$transaction(async (tx) => {
    await lockDraft(tx, ruleSetId);
    await assertCodeFree(tx, ruleSetId, input.code);
    const rule = await tx.rule.create({
      data: { ruleSetId, ...input, evidenceHint: input.evidenceHint ?? null },
      select: ruleSelect,
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "rule.add", targetType: "Rule", targetId: rule.id,
      townshipId: target.townshipId, villageId: target.villageId, after: { ruleSetId, ...input },
    });
    return rule;
  }));
}
