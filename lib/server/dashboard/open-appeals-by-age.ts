import "server-only";
import type { TownshipDashboard, VillageRef } from "@/lib/schemas/dashboard";
import { db } from "@/lib/server/db";

type Ages = TownshipDashboard["openAppeals"]["township"];
type Row = Ages & { villageId: string };

const AGE_KEYS = ["upTo7", "upTo30", "upTo90", "over90", "total"] as const;

/**
 * Open appeals by age on `today` (China): days from the calendar day it was lodged, as the appeal
 * list counts them (lib/domain/due-process.ts ageInDays), in buckets 0–7, 8–30, 31–90 and over 90,
 * with the oldest. Callers have authorized the villages.
 */
export async function unsafeOpenAppealsByAge(villages: VillageRef[], today: string): Promise<TownshipDashboard["openAppeals"]> {
  const counted = villages.length === 0 ? [] : await db.$queryRaw<Row[]>`
    SELECT "villageId",
      (count(*) FILTER (WHERE "age" <= 7))::int AS "upTo7",
      (count(*) FILTER (WHERE "age" BETWEEN 8 AND 30))::int AS "upTo30",
      (count(*) FILTER (WHERE "age" BETWEEN 31 AND 90))::int AS "upTo90",
      (count(*) FILTER (WHERE "age" > 90))::int AS "over90",
      count(*)::int AS "total",
      max("age")::int AS "oldestDays"
    FROM (
      SELECT a."villageId"::text AS "villageId",
        GREATEST(0, ${today}::date - (a."createdAt" + interval '8 hours')::date) AS "age"
      FROM "Appeal" a
      WHERE a."status" = 'OPEN' AND a."villageId" = ANY(${villages.map((v) => v.id)}::uuid[])
    ) AS open_appeals
    GROUP BY "villageId"`;
  const empty: Ages = { upTo7: 0, upTo30: 0, upTo90: 0, over90: 0, total: 0, oldestDays: null };
  const rows = villages.map((village) => {
    const { villageId: _id, ...ages } = counted.find((r) => r.villageId === village.id) ?? { villageId: village.id, ...empty };
    return { village, ...ages };
  });
  const township = { ...empty };
  for (const row of rows) {
    for (const key of AGE_KEYS) township[key] += row[key];
    if (row.oldestDays !== null) township.oldestDays = Math.max(township.oldestDays ?? 0, row.oldestDays);
  }
  return { villages: rows, township };
}
