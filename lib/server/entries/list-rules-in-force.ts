import "server-only";
import { chinaToday, dateToDay, dayToDate } from "@/lib/domain/entry-date";
import type { RulesInForce } from "@/lib/schemas/entries";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { slicePage, type Paging } from "@/lib/server/paging";
import { loadVillageTarget } from "@/lib/server/authz/targets";

const CATEGORY_ORDER = { RED: 0, YELLOW: 1, BLACK: 2 } as const;

/**
 * The village's rule set in force on a day: adopted (or since superseded) and effective from
 * that day or earlier, until its end. No authorization: callers have checked the village.
 */
export function unsafeFindRuleSetInForce(villageId: string, day: Date) {
  return db.ruleSet.findFirst({
    where: {
      villageId, status: { in: ["ADOPTED", "SUPERSEDED"] }, effectiveFrom: { lte: day },
      OR: [{ effectiveTo: null }, { effectiveTo: { gt: day } }],
    },
    orderBy: { effectiveFrom: "desc" },
    select: { id: true, version: true, title: true, effectiveFrom: true },
  });
}

/** The rules a clerk may choose from for something that happened on `date` (default today). */
export async function listRulesInForce(actor: Actor, villageId: string, date?: string, paging: Paging = {}): Promise<RulesInForce> {
  await loadVillageTarget(actor, "rules.read", villageId);
  const day = date ?? chinaToday(new Date());
  const ruleSet = await unsafeFindRuleSetInForce(villageId, dayToDate(day));
  if (!ruleSet?.effectiveFrom) return { date: day, ruleSet: null, ...slicePage([], paging) };
  const rules = await db.rule.findMany({
    where: { ruleSetId: ruleSet.id },
    orderBy: { code: "asc" },
    select: { id: true, code: true, category: true, title: true, description: true, marks: true, evidenceHint: true },
  });
  rules.sort((a, b) => CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category]);
  return { date: day, ruleSet: { ...ruleSet, effectiveFrom: dateToDay(ruleSet.effectiveFrom) }, ...slicePage(rules, paging) };
}
