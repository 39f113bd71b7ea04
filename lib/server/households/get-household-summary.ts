import "server-only";
import { authorizeIn, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

/** A household's card: who lives there. Its archive of marks is the archive page's business. */
export async function getHouseholdSummary(actor: Actor, householdId: string) {
  const household = await db.household.findUnique({
    where: { id: householdId },
    select: {
      id: true, archiveNo: true, headName: true, address: true, status: true, villageId: true,
      village: { select: { name: true, townshipId: true, township: { select: { name: true } } } },
      members: { where: { active: true }, orderBy: { birthYear: "asc" }, select: { id: true, name: true, relation: true, birthYear: true } },
    },
  });
  if (!household) throw new AppError("NOT_FOUND", "errors.notFound");
  authorizeIn(actor, "households.read", {
    townshipId: household.village.townshipId, villageId: household.villageId, householdId: household.id,
  });
  return household;
}
