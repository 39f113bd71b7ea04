import "server-only";
import { ALL_TIME } from "@/lib/domain/household-scores";
import type { HouseholdScores } from "@/lib/schemas/rankings";
import type { Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { slicePage, type Paging } from "@/lib/server/paging";
import { toSettingsVersion, settingsVersionSelect } from "@/lib/server/township-settings/settings-versions";

/**
 * A household's maintained score rows (HouseholdScore), each with the settings it was computed
 * with: all time first (no settings: it sums the years), then the years, newest first. Whoever
 * may read the household's archive may read them.
 */
export async function getHouseholdScores(actor: Actor, householdId: string, paging: Paging = {}): Promise<HouseholdScores> {
  await loadHouseholdTarget(actor, "archive.read", householdId);
  const household = await db.household.findUniqueOrThrow({
    where: { id: householdId },
    select: {
      archiveNo: true,
      scores: {
        select: {
          year: true, redMarks: true, activeYellowMarks: true, blackMarks: true, unrectifiedYellows: true, score: true, updatedAt: true,
          settings: { select: settingsVersionSelect },
        },
      },
    },
  });
  const items = household.scores
    .sort((a, b) => (a.year === ALL_TIME ? -1 : b.year === ALL_TIME ? 1 : b.year - a.year))
    .map(({ settings, updatedAt, ...row }) => ({ ...row, settings: settings ? toSettingsVersion(settings) : null, updatedAt: updatedAt.toISOString() }));
  return { ...slicePage(items, paging), householdId, archiveNo: household.archiveNo };
}
