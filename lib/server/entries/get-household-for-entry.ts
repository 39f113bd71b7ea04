import "server-only";
import type { Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";

/**
 * The household chosen for a new entry, with the members the entry can be about: in the clerk's
 * own village (else not found), not the clerk's own household (recusal, refused with the reason),
 * and still in the archive (else null).
 */
export async function getHouseholdForEntry(actor: Actor, householdId: string) {
  await loadHouseholdTarget(actor, "entries.record", householdId);
  return db.household.findFirst({
    where: { id: householdId, status: "ACTIVE" },
    select: {
      id: true, archiveNo: true, headName: true, villageId: true, registeredOn: true,
      members: { where: { active: true }, orderBy: { birthYear: "asc" }, select: { id: true, name: true, relation: true } },
    },
  });
}
