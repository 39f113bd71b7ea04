import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { rowIneligibility } from "@/lib/domain/household-scores";
import { versionForYear } from "@/lib/domain/township-settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Assessment } from "@/lib/schemas/selection";
import { AppError } from "@/lib/server/errors";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";

type Tx = Prisma.TransactionClient;

export const ZERO_ROW = { redMarks: 0, activeYellowMarks: 0, blackMarks: 0, unrectifiedYellows: 0 } as const;

/**
 * A household's eligibility for a year as the maintained score row says it, under the settings
 * the year is judged by, in the caller's transaction (which holds the household's chain lock, so
 * no entry transition moves the row meanwhile). A household without a row has no entries that
 * year: zeros. Every township has settings (a default version is written when it is created),
 * and a year before its first version is judged by that first version.
 */
export async function assessRow(tx: Tx, householdId: string, townshipId: string, year: number, now: Date) {
  const [row, versions] = await Promise.all([
    tx.householdScore.findUnique({
      where: { householdId_year: { householdId, year } },
      select: { redMarks: true, activeYellowMarks: true, blackMarks: true, unrectifiedYellows: true },
    }),
    settingsVersionsOf(tx, [townshipId]),
  ]);
  const settings = versionForYear(versions.get(townshipId) ?? [], year, chinaToday(now));
  const counts = row ?? ZERO_ROW;
  const assessment: Assessment = { ...counts, civilizedMinReds: settings.civilizedMinReds, reasons: rowIneligibility(counts, settings.civilizedMinReds) };
  return { settingsId: settings.id, assessment };
}

/**
 * 422 while the household has an entry of the year still PENDING (recorded, not yet reviewed by
 * the village representatives): its row of the year is not final, so it is not awarded yet.
 */
export async function assertYearReviewed(tx: Tx, householdId: string, year: number): Promise<void> {
  const pending = await tx.entry.count({ where: { householdId, year, status: "PENDING" } });
  if (pending > 0) throw new AppError("RULE_VIOLATION", "selection.errors.pendingEntries", { year, count: pending });
}

/** 422 naming every reason with its numbers, when the row does not qualify. */
export function assertEligible(assessment: Assessment, year: number): void {
  if (assessment.reasons.length === 0) return;
  throw new AppError("RULE_VIOLATION", "selection.errors.notEligible", {
    year, blacks: assessment.blackMarks, yellows: assessment.unrectifiedYellows, reds: assessment.redMarks, need: assessment.civilizedMinReds,
    shortReds: assessment.reasons.some((r) => r.code === "TOO_FEW_REDS") ? "yes" : "no",
  });
}
