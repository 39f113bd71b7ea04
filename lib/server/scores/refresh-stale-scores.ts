import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { refreshScores } from "./refresh-scores";
import { reweighScores } from "./reweigh-scores";

/**
 * Brings the current year's score rows up to date where time alone made them stale: a settings
 * version that took effect today (a change from a later day is scheduled, not applied: the rows
 * are re-weighed), and a new year that has begun (every household with a decided entry gets this
 * year's row, where a yellow still unrectified counts against it; this also fills the rows of a
 * database that had entries before the table existed). Run by the periodic jobs; one transaction per township, and one
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
        const stale = await tx.householdScore.findMany({
          where: { townshipId, year, settingsId: { not: settings.id } }, select: { householdId: true },
        });
        const reweighed = stale.length ? await reweighScores(tx, townshipId, year, settings, stale.map((r) => r.householdId)) : 0;
        // A household with a decided entry and no row this year: a new year, or rows never written.
        const missing = await tx.$queryRaw<{ householdId: string }[]>`
          SELECT h."id"::text AS "householdId" FROM "Household" h JOIN "Village" v ON v."id" = h."villageId"
          WHERE v."townshipId" = ${townshipId}::uuid
            AND EXISTS (SELECT 1 FROM "Entry" e WHERE e."householdId" = h."id" AND e."status" <> 'PENDING')
            AND NOT EXISTS (SELECT 1 FROM "HouseholdScore" c WHERE c."householdId" = h."id" AND c."year" = ${year})`;
        await refreshScores(tx, missing.map((r) => r.householdId), now);
        return reweighed + missing.length;
      }, { timeout: 300_000 });
    } catch (error) {
      console.error(`[jobs] scores.refreshStale: township ${code} failed:`, error);
    }
  }
  return refreshed;
}
