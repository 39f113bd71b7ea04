import "server-only";
import type { Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getHousehold } from "@/lib/server/households/get-household";
import { countHouseholdTasks } from "./count-household-tasks";

/** A household's home: its card and what waits on it (its archive section reads the archive). */
export async function loadHouseholdHome(actor: Actor) {
  if (!actor.householdId) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [household, tasks] = await Promise.all([getHousehold(actor, actor.householdId), countHouseholdTasks(actor, actor.householdId)]);
  return { household, tasks };
}

export type HouseholdHomeData = Awaited<ReturnType<typeof loadHouseholdHome>>;
