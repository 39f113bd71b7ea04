import { getMe } from "@/lib/api/operations/me";
import { handle } from "@/lib/server/api/handle";

export const GET = handle(getMe, async ({ actor }) => ({
  id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role,
  townshipId: actor.townshipId, villageId: actor.villageId, householdId: actor.householdId,
  homeHouseholdId: actor.homeHouseholdId, mustChangePassword: actor.mustChangePassword,
}));
