import "server-only";
import { loadArchiveSection } from "@/lib/server/archive/load-archive-section";
import { can, canOn, type Actor } from "@/lib/server/authz";
import { getHousehold } from "./get-household";
import { listHouseholdHistory } from "./list-household-history";
import { listVillageGroups } from "./list-village-groups";

/**
 * Everything the household page shows, each part read once by its use case: the household
 * first (which decides whether the reader may see it at all), then its history, its village's
 * groups and its archive together.
 */
export async function loadHouseholdPage(actor: Actor, householdId: string) {
  const household = await getHousehold(actor, householdId);
  const [history, groups, archive] = await Promise.all([
    listHouseholdHistory(actor, household.id),
    listVillageGroups(actor, household.village.id),
    loadArchiveSection(actor, household.id),
  ]);
  return {
    household,
    history: history.items,
    groups,
    archive,
    // Only the council of the household's own village changes it (authz checks again on save).
    canManage: canOn(actor, "households.manage", household.id) && actor.villageId === household.village.id,
    canSearch: can(actor, "households.search"),
  };
}
