import "server-only";
import { ALL_TIME, reweighRows, type ScoreRow } from "@/lib/domain/household-scores";
import type { SettingsVersion } from "@/lib/domain/township-settings";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const rowSelect = {
  householdId: true, year: true, redMarks: true, activeYellowMarks: true, blackMarks: true, unrectifiedYellows: true, score: true, settingsId: true,
} as const;

/**
 * Puts a settings version taking effect in `year` into the township's maintained score rows (of
 * the given households, or all): that year's score and version, and the all-time sum
 * (lib/domain/household-scores.ts reweighRows). The marks do not depend on settings, so no entry
 * is read and no chain is locked; a status change committing at the same moment writes rows
 * under the version it read, and the hourly job (refresh-stale-scores.ts), which looks for rows
 * of the year naming another version, brings them in line. Returns the households changed.
 */
export async function reweighScores(
  tx: Tx, townshipId: string, year: number, settings: SettingsVersion, householdIds?: readonly string[],
): Promise<number> {
  const rows = await tx.householdScore.findMany({
    where: { townshipId, ...(householdIds ? { householdId: { in: [...householdIds] } } : {}) }, select: rowSelect,
  });
  const byHousehold = new Map<string, ScoreRow[]>();
  for (const { householdId, ...row } of rows) {
    const list = byHousehold.get(householdId);
    if (list) list.push(row);
    else byHousehold.set(householdId, [row]);
  }
  const changed: (ScoreRow & { householdId: string })[] = [];
  for (const [householdId, own] of byHousehold) {
    if (!own.some((r) => r.year === year)) continue;
    for (const row of reweighRows(own, year, settings)) changed.push({ ...row, householdId });
  }
  if (changed.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "HouseholdScore" s SET "score" = v."score", "settingsId" = v."settingsId", "updatedAt" = now()
    FROM unnest(${changed.map((c) => c.householdId)}::uuid[], ${changed.map((c) => c.year)}::int[],
                ${changed.map((c) => c.score)}::int[], ${changed.map((c) => (c.year === ALL_TIME ? null : c.settingsId))}::uuid[])
      AS v("householdId", "year", "score", "settingsId")
    WHERE s."householdId" = v."householdId" AND s."year" = v."year"`;
  return new Set(changed.map((c) => c.householdId)).size;
}
