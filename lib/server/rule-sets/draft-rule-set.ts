import "server-only";
import type { DraftRuleSetInput, RuleSetDetail } from "@/lib/schemas/rule-sets";
import { writeAudit } from "@/lib/server/audit";
import type { Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { RequestContext } from "@/lib/server/request-context";
import { getRuleSet } from "./get-rule-set";
import { lockVillageRules } from "./rule-set-lock";

/**
 * A clerk starts the next version of the village's rules from the one adopted last (its rules
 * copied, to be amended after consulting the villagers). One version is drafted or voted on at a
 * time, so that the assembly never weighs two competing texts.
 */
export async function draftRuleSet(actor: Actor, villageId: string, input: DraftRuleSetInput, context: RequestContext): Promise<RuleSetDetail> {
  const village = await loadVillageTarget(actor, "ruleSets.manage", villageId);
  const id = await db.$transaction(async (tx) => {
    await lockVillageRules(tx, villageId);
    const open = await tx.ruleSet.findFirst({ where: { villageId, status: { in: ["DRAFT", "VOTING"] } }, select: { version: true } });
    if (open) throw new AppError("CONFLICT", "errors.ruleSetOpenExists", { version: open.version });
    const [current, last] = await Promise.all([
      tx.ruleSet.findFirst({
        where: { villageId, status: "ADOPTED" }, orderBy: { version: "desc" },
        select: { version: true, rules: { select: { code: true, category: true, title: true, description: true, marks: true, evidenceHint: true } } },
      }),
      tx.ruleSet.aggregate({ where: { villageId }, _max: { version: true } }),
    ]);
    const version = (last._max.version ?? 0) + 1;
    const created = await tx.ruleSet.create({
      data: {
        villageId, version, title: input.title, consultation: input.consultation ?? null, status: "DRAFT", draftedById: actor.id,
        rules: { create: current?.rules ?? [] },
      },
      select: { id: true },
    });
    await writeAudit(tx, context, {
      actorId: actor.id, action: "ruleSet.draft", targetType: "RuleSet", targetId: created.id,
      townshipId: village.townshipId, villageId,
      after: { version, title: input.title, copiedFromVersion: current?.version ?? null, rules: current?.rules.length ?? 0 },
    });
    return created.id;
  });
  return getRuleSet(actor, id);
}
