import "server-only";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import type { ListRuleSetsQuery, RuleSetPage } from "@/lib/schemas/rule-sets";
import type { Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { unsafeFindRuleSetInForce } from "@/lib/server/entries/list-rules-in-force";
import { ruleSetSummarySelect, toRuleSetSummary } from "./rule-set-views";

/** A village's rule-set versions, newest first, the one in force today marked. */
export async function listRuleSets(actor: Actor, villageId: string, query: ListRuleSetsQuery, now: Date = new Date()): Promise<RuleSetPage> {
  await loadVillageTarget(actor, "ruleSets.read", villageId);
  const where = { villageId };
  const [total, rows, inForce] = await Promise.all([
    db.ruleSet.count({ where }),
    db.ruleSet.findMany({
      where, orderBy: { version: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: ruleSetSummarySelect,
    }),
    unsafeFindRuleSetInForce(villageId, dayToDate(chinaToday(now))),
  ]);
  return { items: rows.map((row) => toRuleSetSummary(row, inForce?.id ?? null)), page: query.page, pageSize: query.pageSize, total };
}
