import "server-only";
import type { TownshipDashboard, VillageRef } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db";

/**
 * Participation in the year: of the active households (today's register), those with at least one
 * confirmed red mark that occurred in the year, read from the maintained score rows
 * (HouseholdScore, refreshed with every entry transition), never recomputed here. Callers have
 * authorized the township and villages.
 */
export async function unsafeParticipation(
  townshipId: string, villages: VillageRef[], year: number,
): Promise<TownshipDashboard["participation"]> {
  const villageIds = villages.map((v) => v.id);
  const [households, withRed] = await Promise.all([
    db.household.groupBy({ by: ["villageId"], where: { villageId: { in: villageIds }, status: "ACTIVE" }, _count: { _all: true } }),
    db.householdScore.groupBy({
      by: ["villageId"],
      where: { townshipId, villageId: { in: villageIds }, year, redMarks: { gt: 0 }, household: { status: "ACTIVE" } },
      _count: { _all: true },
    }),
  ]);
  const countOf = (rows: { villageId: string; _count: { _all: number } }[], id: string) => rows.find((r) => r.villageId === id)?._count._all ?? 0;
  const rows = villages.map((village) => figures(countOf(households, village.id), countOf(withRed, village.id), { village }));
  return {
    villages: rows,
    township: figures(rows.reduce((s, r) => s + r.households, 0), rows.reduce((s, r) => s + r.withRed, 0), {}),
  };
}

const figures = <T extends object>(households: number, withRed: number, extra: T) =>
  ({ ...extra, households, withRed, share: households > 0 ? withRed / households : null });
