import "server-only";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

/**
 * The id of a household in the actor's scope by its archive number, or null. Forms ask people
 * for the archive number they know; the use cases take ids.
 */
export async function findHouseholdIdByArchiveNo(actor: Actor, archiveNo: string): Promise<string | null> {
  authorize(actor, "accounts.manage");
  // Upper case letters, digits and dashes by construction: anything else (a "%", a NUL) names no
  // household, and an exact match uses the unique index.
  const wanted = archiveNo.trim().toUpperCase();
  if (!/^[A-Z0-9-]{1,40}$/.test(wanted)) return null;
  const household = await db.household.findFirst({
    where: { archiveNo: wanted, village: villageWhere(actor) },
    select: { id: true },
  });
  return household?.id ?? null;
}
