import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { householdScoreRows } from "@/lib/domain/household-scores";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rectifiedAfterConfirmation, toScoredEntry } from "@/lib/server/archive/archive-views";
import { lockChains } from "@/lib/server/chain/append-to-chain";
import { shareTownshipSettingsLocks } from "@/lib/server/township-settings/settings-lock";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";

type Tx = Prisma.TransactionClient;

const BATCH = 2_000;

/**
 * Recomputes the maintained score rows (HouseholdScore) of these households from their entries,
 * in the caller's transaction: every change of an entry's status (lib/server/chain/
 * apply-entry-transitions.ts) calls it, so rankings never read a stale score (settings changes
 * re-weigh the rows instead: reweigh-scores.ts). A household's rows cover every year from its
 * first decided entry to the current one.
 */
export async function refreshScores(tx: Tx, householdIds: readonly string[], now: Date = new Date()): Promise<void> {
  // In household id order, as every chain lock is taken, so that callers never deadlock.
  const ids = [...new Set(householdIds)].sort();
  if (ids.length === 0) return;
  const today = chinaToday(now);
  // Under the chains' locks (held already by an entry transition): a status change committing
  // between reading the entries and writing the rows would otherwise be overwritten. All of them
  // before the townships' settings locks, which are taken after chains, never before.
  for (let i = 0; i < ids.length; i += BATCH) await lockChains(tx, ids.slice(i, i + BATCH));
  const townships = await tx.$queryRaw<{ townshipId: string }[]>`
    SELECT DISTINCT v."townshipId"::text AS "townshipId" FROM "Household" h JOIN "Village" v ON v."id" = h."villageId"
    WHERE h."id" = ANY(${ids}::uuid[])`;
  await shareTownshipSettingsLocks(tx, townships.map((t) => t.townshipId));
  for (let i = 0; i < ids.length; i += BATCH) await refreshBatch(tx, ids.slice(i, i + BATCH), today);
}

async function refreshBatch(tx: Tx, ids: string[], today: string): Promise<void> {
  const households = await tx.household.findMany({
    where: { id: { in: ids } },
    select: {
      id: true, villageId: true, village: { select: { townshipId: true } },
      entries: { select: { category: true, status: true, marks: true, occurredOn: true, ...rectifiedAfterConfirmation } },
    },
  });
  const versions = await settingsVersionsOf(tx, households.map((h) => h.village.townshipId));
  const rows = households.flatMap((h) =>
    householdScoreRows(h.entries.map(toScoredEntry), versions.get(h.village.townshipId)!, today).map((row) => ({
      ...row, householdId: h.id, villageId: h.villageId, townshipId: h.village.townshipId,
    })),
  );
  // Years are never removed from a household, but a moved rule could leave a stale row: replace them all.
  await tx.householdScore.deleteMany({ where: { householdId: { in: ids } } });
  if (rows.length) await tx.householdScore.createMany({ data: rows });
}
