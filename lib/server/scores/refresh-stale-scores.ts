import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { db } from "@/lib/server/db";
import { refreshScores } from "./refresh-scores";
import { reweighScores } from "./reweigh-scores";

const TIMEOUT_MS = 300_000;

/**
 * Brings the current year's score rows up to date where time alone made them stale: a settings
 * version that took effect today (a change from a later day is scheduled, not applied: the rows
 * are re-weighed), and a new year that has begun (every household with a decided entry gets this
 * year's row, where a yellow still unrectified counts against it; this also fills the rows of a
 * database that had entries before the table existed). Run by the periodic jobs; one township
 * failing does not stop the others. Returns how many households were refreshed.
 */
export async function refreshStaleScores(now: Date = new Date()): Promise<number> {
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const townships = await db.township.findMany({ select: { id: true, code: true } });
  let refreshed = 0;
  for (const { id: townshipId, code } of townships) {
    try {
      // Two transactions: the re-weighing holds the township's settings lock exclusively, and one
      // holding it must not wait for the chain locks a refresh takes (settings-lock.ts).
      refreshed += await db.$transaction((tx) => reweighScores(tx, townshipId, today), { timeout: TIMEOUT_MS });
      refreshed += await db.$transaction(async (tx) => {
        // A household with a decided entry and no row this year: a new year, or rows never written.
        const missing = await tx.$queryRaw<{ householdId: string }[]>`
          SELECT h."id"::text AS "householdId" FROM "Household" h JOIN "Village" v ON v."id" = h."villageId"
          WHERE v."townshipId" = ${townshipId}::uuid
            AND EXISTS (SELECT 1 FROM "Entry" e WHERE e."householdId" = h."id" AND e."status" <> 'PENDING')
            AND NOT EXISTS (SELECT 1 FROM "HouseholdScore" c WHERE c."householdId" = h."id" AND c."year" = ${year})`;
        await refreshScores(tx, missing.map((r) => r.householdId), now);
        return missing.length;
      }, { timeout: TIMEOUT_MS });
    } catch (error) {
      console.error(`[jobs] scores.refreshStale: township ${code} failed:`, error);
    }
  }
  return refreshed;
}
