import "server-only";
import { authorize, villageIdOf, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/**
 * The household chosen for a new entry, with the members the entry can be about: in the clerk's
 * own village and still in the archive, or null.
 */
export async function getHouseholdForEntry(actor: Actor, householdId: string) {
  authorize(actor, "entries.record");
  return db.household.findFirst({
    where: { id: householdId, villageId: villageIdOf(actor), status: "ACTIVE" },
    select: {
      id: true, archiveNo: true, headName: true, villageId: true, registeredOn: true,
      members: { where: { active: true }, orderBy: { birthYear: "asc" }, select: { id: true, name: true, relation: true } },
    },
  });
}
