import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";
import { refreshScores } from "./refresh-scores";

/**
 * Brings the current year's score rows up to date where time alone made them stale: a settings
 * version that took effect today (a change from a later day is scheduled, not applied), and a
 * new year that has begun (households with a row last year get this year's, where a yellow still
 * unrectified counts against them). Run by the periodic jobs; one transaction per township.
 * Returns how many households were refreshed.
 */
export async function refreshStaleScores(now: Date = new Date()): Promise<number> {
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const townships = await db.township.findMany({ select: { id: true } });
  let refreshed = 0;
  for (const { id: townshipId } of townships) {
    refreshed += await db.$transaction(async (tx) => {
      const settings = await settingsInForce(tx, townshipId, today);
      const stale = await tx.$queryRaw<{ householdId: string }[]>`
        SELECT DISTINCT s."householdId"::text AS "householdId" FROM "HouseholdScore" s
        WHERE s."townshipId" = ${townshipId}::uuid AND (
          (s."year" = ${year} AND s."settingsId" IS DISTINCT FROM ${settings.id}::uuid)
          OR (s."year" = ${year - 1} AND NOT EXISTS (
            SELECT 1 FROM "HouseholdScore" c WHERE c."householdId" = s."householdId" AND c."year" = ${year})))`;
      await refreshScores(tx, stale.map((r) => r.householdId), now);
      return stale.length;
    }, { timeout: 120_000 });
  }
  return refreshed;
}
