import "server-only";
import { authorize, authorizeIn, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/** The villager groups of a village in the actor's scope, for the household forms. */
export async function listVillageGroups(actor: Actor, villageId: string) {
  authorize(actor, "households.read");
  const village = await db.village.findUnique({
    where: { id: villageId },
    select: { townshipId: true, groups: { select: { id: true, number: true, name: true }, orderBy: { number: "asc" } } },
  });
  if (!village) throw new AppError("NOT_FOUND", "errors.notFound");
  // A household sees the groups of its own village only.
  const householdId = actor.villageId === villageId ? actor.householdId : null;
  authorizeIn(actor, "households.read", { townshipId: village.townshipId, villageId, householdId });
  return village.groups;
}
