import "server-only";
import { authorize, townshipIdOf, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

export type DashboardScope = {
  township: { id: string; code: string; name: string; county: string };
  villages: { id: string; code: string; name: string }[];
};

/**
 * The township the dashboard is about: an official's own (naming another by code is a 404, as
 * for any place outside the scope); the one an administrator names, or the first. Its villages
 * are the active ones and any deactivated one that still holds households, so that no figure of
 * the township falls outside every row.
 */
export async function dashboardScope(actor: Actor, code: string | undefined): Promise<DashboardScope> {
  authorize(actor, "dashboard.read");
  const named = code === undefined ? {} : { code };
  const township = await db.township.findFirst({
    where: actor.role === "ADMIN" ? named : { id: townshipIdOf(actor), ...named },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, county: true },
  });
  if (!township) throw new AppError("NOT_FOUND", "errors.notFound");
  const villages = await db.village.findMany({
    where: { townshipId: township.id, OR: [{ active: true }, { households: { some: {} } }] },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
  return { township, villages };
}
