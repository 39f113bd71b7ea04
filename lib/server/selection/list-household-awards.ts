import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HouseholdArchive } from "@/lib/schemas/archive";
import { db } from "@/lib/server/db";

type Reader = Prisma.TransactionClient | typeof db;

/**
 * A household's civilized-family nominations and awards of every year, latest first, whatever
 * became of them (awarded, declined or withdrawn, with the reason), so that the household knows
 * where it stands. Unsafe: for a loader that has already authorized reading the household's archive.
 */
export async function unsafeListHouseholdAwards(client: Reader, householdId: string): Promise<HouseholdArchive["awards"]> {
  const rows = await client.civilizedFamilyAward.findMany({
    where: { householdId }, orderBy: { year: "desc" },
    select: { id: true, year: true, status: true, nominatedAt: true, decidedAt: true, decisionReason: true },
  });
  return rows.map((r) => ({
    id: r.id, year: r.year, status: r.status, nominatedOn: chinaToday(r.nominatedAt),
    decidedOn: r.decidedAt ? chinaToday(r.decidedAt) : null, reason: r.decisionReason,
  }));
}
