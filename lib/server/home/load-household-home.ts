import "server-only";
import { loadArchiveSection } from "@/lib/server/archive/load-archive-section";
import type { Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getHousehold } from "@/lib/server/households/get-household";
import { householdTasksOf } from "./household-tasks";

/** A household's home, read once: its card, its archive section, and what waits on it (read from that section). */
export async function loadHouseholdHome(actor: Actor) {
  if (!actor.householdId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [household, archive] = await Promise.all([getHousehold(actor, actor.householdId), loadArchiveSection(actor, actor.householdId)]);
  return { household, archive, tasks: householdTasksOf(archive) };
}

export type HouseholdHomeData = Awaited<ReturnType<typeof loadHouseholdHome>>;
