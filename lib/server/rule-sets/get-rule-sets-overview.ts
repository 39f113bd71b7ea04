import "server-only";
import type { RuleSetSummary } from "@/lib/schemas/rule-sets";
import type { Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { listRuleSets } from "./list-rule-sets";

export type RuleSetsOverview = {
  village: { id: string; name: string };
  versions: RuleSetSummary[];
  /** The version being drafted or voted on, if any: only one at a time. */
  open: RuleSetSummary | null;
  nextVersion: number;
};

/** What the /rule-sets page shows for one village: every version (a village has a handful). */
export async function getRuleSetsOverview(actor: Actor, villageId: string, now: Date = new Date()): Promise<RuleSetsOverview> {
  await loadVillageTarget(actor, "ruleSets.read", villageId);
  const [village, page] = await Promise.all([
    db.village.findUniqueOrThrow({ where: { id: villageId }, select: { id: true, name: true } }),
    listRuleSets(actor, villageId, { page: 1, pageSize: 200 }, now),
  ]);
  const open = page.items.find((s) => s.status === "DRAFT" || s.status === "VOTING") ?? null;
  return { village, versions: page.items, open, nextVersion: (page.items[0]?.version ?? 0) + 1 };
}
