import "server-only";
import type { Quarter } from "@/lib/domain/quarter";
import type { TownshipDashboard, VillageRef } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db";

type Row = { villageId: string; quarter: number; category: "RED" | "YELLOW" | "BLACK"; entries: number; confirmed: number };

/**
 * Entries of each village and quarter of the year by category. Counted: the entries that
 * occurred in the quarter and stand on the record or await review (PENDING, CONFIRMED,
 * RECTIFIED); VOIDED and REJECTED ones never counted. "Confirmed" are those the representatives'
 * review confirmed: CONFIRMED, or a yellow rectified after its confirmation (the same rule as the
 * archive page, lib/server/archive/archive-views.ts). Quarters after the current one are left out.
 * Callers have authorized the villages.
 */
export async function unsafeVillageQuarterCounts(
  villages: VillageRef[], year: number, current: Quarter,
): Promise<TownshipDashboard["byVillageQuarter"]> {
  const lastQuarter = year < current.year ? 4 : year === current.year ? current.quarter : 0;
  if (villages.length === 0 || lastQuarter === 0) return { rows: [] };
  const counted = await db.$queryRaw<Row[]>`
    SELECT e."villageId"::text AS "villageId", e."quarter", e."category"::text AS "category",
      count(*)::int AS "entries",
      (count(*) FILTER (WHERE e."status" = 'CONFIRMED' OR (e."status" = 'RECTIFIED' AND EXISTS (
        SELECT 1 FROM "EntryEvent" ev
        WHERE ev."entryId" = e."id" AND ev."type" = 'RECTIFIED' AND ev."fromStatus" = 'CONFIRMED'))))::int AS "confirmed"
    FROM "Entry" e
    WHERE e."villageId" = ANY(${villages.map((v) => v.id)}::uuid[]) AND e."year" = ${year}
      AND e."status" IN ('PENDING', 'CONFIRMED', 'RECTIFIED')
    GROUP BY 1, 2, 3`;
  const cell = new Map(counted.map((r) => [`${r.villageId}:${r.quarter}:${r.category}`, r]));
  return {
    rows: villages.flatMap((village) => Array.from({ length: lastQuarter }, (_, i) => {
      const of = (category: Row["category"]) => cell.get(`${village.id}:${i + 1}:${category}`);
      const parts = [of("RED"), of("YELLOW"), of("BLACK")];
      return {
        village, quarter: i + 1,
        red: parts[0]?.entries ?? 0, yellow: parts[1]?.entries ?? 0, black: parts[2]?.entries ?? 0,
        confirmed: parts.reduce((sum, part) => sum + (part?.confirmed ?? 0), 0),
      };
    })),
  };
}
