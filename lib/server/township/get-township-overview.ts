import "server-only";
import type { Actor } from "@/lib/server/authz";
import { authorize, townshipIdOf } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { unsafeVillageTotals, type Totals, type VillageTotals } from "./village-totals";
import { withLagTolerantReads } from "@/lib/server/read-routing/lag-tolerant-reads";

export type TownshipOverview = {
  township: { id: string; code: string; name: string; county: string };
  villages: VillageTotals[];
  totals: Totals;
};

/**
 * Every village of a township with its household count and mark totals. An official sees its
 * own township; an admin the one named by `code` (or the first).
 */
export function getTownshipOverview(actor: Actor, code?: string): Promise<TownshipOverview | null> {
  return withLagTolerantReads(actor, () => townshipOverview(actor, code));
}

async function townshipOverview(actor: Actor, code: string | undefined): Promise<TownshipOverview | null> {
  authorize(actor, "townships.read");
  const township = await db.township.findFirst({
    where: actor.role === "ADMIN" ? (code === undefined ? {} : { code }) : { id: townshipIdOf(actor) },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, county: true },
  });
  if (!township) return null;
  const villages = await db.village.findMany({
    where: { townshipId: township.id, active: true },
    orderBy: { code: "asc" },
    select: { id: true, name: true, kind: true },
  });
  return { township, ...(await unsafeVillageTotals(villages)) };
}
