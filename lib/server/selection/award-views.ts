import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AssessmentSchema, type AwardView, type NominationView } from "@/lib/schemas/selection";
import { db } from "@/lib/server/db";

// A nomination or award as the selection pages and the API show it. Names of the clerk and the
// official are read from their accounts (display names only).

export const awardSelect = {
  id: true, year: true, status: true, note: true, nominatedAt: true, nominatedById: true, decidedAt: true, decidedById: true,
  decisionReason: true, assessment: true,
} as const satisfies Prisma.CivilizedFamilyAwardSelect;

type Row = Prisma.CivilizedFamilyAwardGetPayload<{ select: typeof awardSelect }>;

/** Display names of the accounts that nominated and decided, for a batch of rows. */
export async function accountNames(rows: readonly Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => [r.nominatedById, r.decidedById]).filter((id): id is string => !!id))];
  if (!ids.length) return new Map();
  const accounts = await db.account.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } });
  return new Map(accounts.map((a) => [a.id, a.displayName]));
}

export function toAwardView(row: Row, names: Map<string, string>): AwardView {
  const assessment = AssessmentSchema.safeParse(row.assessment);
  return {
    id: row.id, year: row.year, status: row.status, note: row.note, nominatedAt: row.nominatedAt.toISOString(),
    nominatedBy: names.get(row.nominatedById) ?? "", decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedById ? names.get(row.decidedById) ?? "" : null, decisionReason: row.decisionReason,
    assessment: assessment.success ? assessment.data : null,
  };
}

/** One award with its household, after a write that has authorized it. */
export async function unsafeGetNomination(awardId: string): Promise<NominationView> {
  const row = await db.civilizedFamilyAward.findUniqueOrThrow({
    where: { id: awardId },
    select: { ...awardSelect, household: { select: { id: true, archiveNo: true, headName: true, village: { select: { id: true, name: true } } } } },
  });
  const { household, ...award } = row;
  return { ...toAwardView(award, await accountNames([award])), household };
}
