import "server-only";
import { ALL_TIME } from "@/lib/domain/household-scores";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockTownshipSettings } from "@/lib/server/township-settings/settings-lock";
import { settingsInForce } from "@/lib/server/township-settings/settings-versions";

/**
 * Puts the settings version in force on `today` into the township's maintained score rows of the
 * running year, and the all-time sums follow: the rules of lib/domain (scoring.ts scoreOf, and
 * household-scores.ts, where all time is the sum of the yearly scores) applied to stored marks.
 * The marks do not depend on settings, so no entry is read: each row is re-weighed from its own
 * columns. Only rows naming another version, or whose score is not their marks under it, change.
 * Returns the households changed.
 */
export async function reweighScores(tx: Prisma.TransactionClient, townshipId: string, today: string): Promise<number> {
  // Refreshes hold this lock shared (settings-lock.ts): no other transaction writes these rows
  // until this one commits, and a refresh to come reads the new version. The scores are computed
  // in SQL from each row's own marks, never from values read by an earlier statement: under READ
  // COMMITTED an UPDATE that waits for another writer re-evaluates on the row's latest version,
  // so even a writer outside the lock could not leave the new version's id on a stale score.
  await lockTownshipSettings(tx, townshipId);
  const settings = await settingsInForce(tx, townshipId, today);
  const year = Number(today.slice(0, 4));
  const score = Prisma.sql`"redMarks" * ${settings.weightRed} - "activeYellowMarks" * ${settings.weightYellow} - "blackMarks" * ${settings.weightBlack}`;
  const changed = await tx.$queryRaw<{ householdId: string }[]>`
    UPDATE "HouseholdScore" SET "score" = ${score}, "settingsId" = ${settings.id}::uuid, "updatedAt" = now()
    WHERE "townshipId" = ${townshipId}::uuid AND "year" = ${year}
      AND ("settingsId" IS DISTINCT FROM ${settings.id}::uuid OR "score" <> ${score})
    RETURNING "householdId"::text AS "householdId"`;
  if (changed.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "HouseholdScore" a SET "score" = y."total", "updatedAt" = now()
    FROM (SELECT "householdId", sum("score")::int AS "total" FROM "HouseholdScore"
          WHERE "householdId" = ANY(${changed.map((c) => c.householdId)}::uuid[]) AND "year" <> ${ALL_TIME} GROUP BY "householdId") y
    WHERE a."householdId" = y."householdId" AND a."year" = ${ALL_TIME} AND a."score" <> y."total"`;
  return changed.length;
}
