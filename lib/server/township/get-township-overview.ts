import "server-only";
import { db } from "@/lib/server/db";
import type { VillageKind } from "@/lib/generated/prisma/enums";

export type VillageTotals = {
  id: string;
  name: string;
  kind: VillageKind;
  households: number;
  red: number;
  yellow: number;
  black: number;
  pending: number;
};

export type TownshipOverview = {
  township: { id: string; code: string; name: string; county: string };
  villages: VillageTotals[];
  totals: Omit<VillageTotals, "id" | "name" | "kind">;
};

/**
 * Per-village household counts and mark totals of one township (the first by code when none
 * is named). Marks are summed over CONFIRMED entries only: a rectified yellow no longer counts,
 * and pending entries have not been reviewed yet, so they are counted apart.
 * Aggregates only: no household appears here.
 */
export async function getTownshipOverview(code?: string): Promise<TownshipOverview | null> {
  const township = await db.township.findFirst({
    where: code === undefined ? {} : { code },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, county: true },
  });
  if (!township) return null;

  const villages = await db.village.findMany({
    where: { townshipId: township.id, active: true },
    orderBy: { code: "asc" },
    select: { id: true, name: true, kind: true },
  });
  const villageIds = villages.map((v) => v.id);

  const [households, marks, pending] = await Promise.all([
    db.household.groupBy({
      by: ["villageId"],
      where: { villageId: { in: villageIds }, status: "ACTIVE" },
      _count: { _all: true },
    }),
    db.entry.groupBy({
      by: ["villageId", "category"],
      where: { villageId: { in: villageIds }, status: "CONFIRMED" },
      _sum: { marks: true },
    }),
    db.entry.groupBy({
      by: ["villageId"],
      where: { villageId: { in: villageIds }, status: "PENDING" },
      _count: { _all: true },
    }),
  ]);

  const rows = villages.map((village) => {
    const sumOf = (category: string) =>
      marks.find((m) => m.villageId === village.id && m.category === category)?._sum.marks ?? 0;
    return {
      ...village,
      households: households.find((h) => h.villageId === village.id)?._count._all ?? 0,
      red: sumOf("RED"),
      yellow: sumOf("YELLOW"),
      black: sumOf("BLACK"),
      pending: pending.find((p) => p.villageId === village.id)?._count._all ?? 0,
    };
  });

  const totals = { households: 0, red: 0, yellow: 0, black: 0, pending: 0 };
  for (const row of rows) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += row[key];
  }
  return { township, villages: rows, totals };
}
