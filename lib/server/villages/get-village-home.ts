import "server-only";
import { authorize, villageIdOf, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { unsafeVillageTotals } from "@/lib/server/township/village-totals";

/** The home of a clerk or representative: their village and its totals. */
export async function getVillageHome(actor: Actor) {
  authorize(actor, "villages.read");
  const village = await db.village.findUniqueOrThrow({
    where: { id: villageIdOf(actor) },
    select: { id: true, name: true, kind: true, township: { select: { name: true } } },
  });
  const { villages } = await unsafeVillageTotals([{ id: village.id, name: village.name, kind: village.kind }]);
  return { village, totals: villages[0]! };
}
