import "server-only";
import type { Quarter } from "@/lib/domain/quarter";
import type { TownshipDashboard, VillageRef } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db";

/**
 * The review backlog as of today: PENDING entries of quarters that have ended (whatever the year),
 * the oldest such quarter, and the quarters whose review is open in the village. Callers have
 * authorized the villages.
 */
export async function unsafeReviewBacklog(villages: VillageRef[], current: Quarter): Promise<TownshipDashboard["backlog"]> {
  const villageIds = villages.map((v) => v.id);
  const [pending, open] = await Promise.all([
    db.entry.groupBy({
      by: ["villageId", "year", "quarter"],
      where: {
        villageId: { in: villageIds }, status: "PENDING",
        OR: [{ year: { lt: current.year } }, { year: current.year, quarter: { lt: current.quarter } }],
      },
      _count: { _all: true },
      orderBy: [{ year: "asc" }, { quarter: "asc" }],
    }),
    db.quarterlyReview.findMany({
      where: { villageId: { in: villageIds }, status: "OPEN" },
      orderBy: [{ year: "asc" }, { quarter: "asc" }],
      select: { villageId: true, year: true, quarter: true },
    }),
  ]);
  const rows = villages.map((village) => {
    const quarters = pending.filter((p) => p.villageId === village.id);
    const oldest = quarters[0];
    return {
      village,
      pending: quarters.reduce((sum, q) => sum + q._count._all, 0),
      oldestQuarter: oldest ? { year: oldest.year, quarter: oldest.quarter } : null,
      openReviews: open.filter((r) => r.villageId === village.id).map(({ year, quarter }) => ({ year, quarter })),
    };
  });
  return { villages: rows, total: rows.reduce((sum, r) => sum + r.pending, 0) };
}
