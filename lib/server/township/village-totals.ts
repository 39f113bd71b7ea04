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

export type Totals = Omit<VillageTotals, "id" | "name" | "kind">;

/**
 * Household counts and mark totals of the given villages (callers have authorized them).
 * Marks are summed over CONFIRMED entries only: a rectified yellow no longer counts, and
 * pending entries have not been reviewed yet, so they are counted apart. Aggregates only.
 */
export async function unsafeVillageTotals(
  villages: { id: string; name: string; kind: VillageKind }[],
): Promise<{ villages: VillageTotals[]; totals: Totals }> {
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

  const totals: Totals = { households: 0, red: 0, yellow: 0, black: 0, pending: 0 };
  for (const row of rows) {
    for (const key of Object.keys(totals) as (keyof Totals)[]) totals[key] += row[key];
  }
  return { villages: rows, totals };
}
