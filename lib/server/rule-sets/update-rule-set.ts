import "server-only";
import type { RuleSetDetail, UpdateRuleSetInput } from "@/lib/schemas/rule-sets";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadRuleSetTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { getRuleSet } from "./get-rule-set";
import { lockDraft } from "./rule-set-lock";

/** The draft's title and the record of how villagers were consulted; a draft only. */
export async function updateRuleSet(actor: Actor, ruleSetId: string, input: UpdateRuleSetInput, context: RequestContext): Promise<RuleSetDetail> {
  const target = await loadRuleSetTarget(actor, "ruleSets.manage", ruleSetId);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, ruleSetId);
    const before = await tx.ruleSet.findUniqueOrThrow({ where: { id: ruleSetId }, select: { title: true, consultation: true } });
    const after = {
      title: input.title ?? before.title,
      consultation: input.consultation === undefined ? before.consultation : input.consultation,
    };
    if (after.title === before.title && after.consultation === before.consultation) {
      throw new AppError("RULE_VIOLATION", "errors.nothingChanged");
    }
    await tx.ruleSet.update({ where: { id: ruleSetId }, data: after, select: { id: true } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "ruleSet.update", targetType: "RuleSet", targetId: ruleSetId,
      townshipId: target.townshipId, villageId: target.villageId, before, after,
    });
  });
  return getRuleSet(actor, ruleSetId);
}
