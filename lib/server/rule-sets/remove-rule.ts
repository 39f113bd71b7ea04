import "server-only";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadRuleTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import type { RequestContext } from "@/lib/server/request-context";
import { findRule } from "./rule-code";
import { lockDraft } from "./rule-set-lock";

/**
 * Takes a rule out of a draft. A draft's rules are its own copies, so no entry cites them yet;
 * rules of adopted versions are never removed.
 */
export async function removeRule(actor: Actor, ruleId: string, context: RequestContext): Promise<void> {
  const target = await loadRuleTarget(actor, "ruleSets.manage", ruleId);
  await db.$transaction(async (tx) => {
    await lockDraft(tx, target.ruleSetId);
    const { id: _id, ...before } = await findRule(tx, ruleId);
    await tx.rule.delete({ where: { id: ruleId }, select: { id: true } });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "rule.remove", targetType: "Rule", targetId: ruleId,
      townshipId: target.townshipId, villageId: target.villageId, before: { ruleSetId: target.ruleSetId, ...before },
    });
  });
}
