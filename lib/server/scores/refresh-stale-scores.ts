import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { refreshScores } from "./refresh-scores";

/**
 * Brings the current year's score rows up to date where time alone made them stale: a settings
 * version that took effect today (a change from a later day is scheduled, not applied), and a
 * new year that has begun (every household with entries gets this year's row, where a yellow
 * still unrectified counts against it; this also fills the rows of a database that had entries
 * before the table existed). Run by the periodic jobs; one transaction per township, and one
 * township failing does not stop the others. Returns how many households were refreshed.
 */
export async function refreshStaleScores(now: Date = new Date()): Promise<number> {
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const townships = await db.township.findMany({ select: { id: true, code: true } });
  let refreshed = 0;
  for (const { id: townshipId, code } of townships) {
    try {
      refreshed += await db.$transaction(async (tx) => {
        const settings = await settingsInForce(tx, townshipId, today);
        const stale = await tx.$queryRaw<{ householdId: string }[]>`
          SELECT s."householdId"::text AS "householdId" FROM "HouseholdScore" s
          WHERE s."townshipId" = ${townshipId}::uuid AND s."year" = ${year} AND s."settingsId" IS DISTINCT FROM ${settings.id}::uuid
          UNION
          SELECT h."id"::text FROM "Household" h JOIN "Village" v ON v."id" = h."villageId"
          WHERE v."townshipId" = ${townshipId}::uuid AND EXISTS (SELECT 1 FROM "Entry" e WHERE e."householdId" = h."id")
            AND NOT EXISTS (SELECT 1 FROM "HouseholdScore" c WHERE c."householdId" = h."id" AND c."year" = ${year})`;
        await refreshScores(tx, stale.map((r) => r.householdId), now);
        return stale.length;
      }, { timeout: 300_000 });
    } catch (error) {
      console.error(`[jobs] scores.refreshStale: township ${code} failed:`, error);
    }
  }
  return refreshed;
}
