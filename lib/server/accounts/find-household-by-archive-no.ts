import "server-only";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/**
 * The id of a household in the actor's scope by its archive number, or null. Forms ask people
 * for the archive number they know; the use cases take ids.
 */
export async function findHouseholdIdByArchiveNo(actor: Actor, archiveNo: string): Promise<string | null> {
  authorize(actor, "accounts.manage");
  const household = await db.household.findFirst({
    where: { archiveNo: { equals: archiveNo.trim(), mode: "insensitive" }, village: villageWhere(actor) },
    select: { id: true },
  });
  return household?.id ?? null;
}
