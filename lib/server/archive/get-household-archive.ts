import "server-only";
import { assessEligibility } from "@/lib/domain/eligibility";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { ALL_TIME, householdScoreRows } from "@/lib/domain/household-scores";
import { scoreEntries, yearPeriod } from "@/lib/domain/scoring";
import { versionForYear } from "@/lib/domain/township-settings";
import type { HouseholdArchive } from "@/lib/schemas/archive";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";
import { unsafeListHouseholdAwards } from "@/lib/server/selection/list-household-awards";
import { archiveEntrySelect, toArchiveEntry, toScoredEntry } from "./archive-views";

/**
 * A household's archive: every entry with its evidence, rectification requests and appeals, and
 * its score (this year in China, and all time) and civilized-family eligibility this year under
 * its township's settings, computed by lib/domain as the rankings will. For the household
 * itself, the clerks of its village, the officials of its township and administrators.
 */
export async function getHouseholdArchive(actor: Actor, householdId: string, now: Date = new Date()): Promise<HouseholdArchive> {
  authorize(actor, "archive.read");
  // The awards and the settings of the actor's own township are read beside the household rather
  // than after it: nothing of them is returned unless the household is found in the actor's scope.
  const [household, awards, ownSettings] = await Promise.all([
    db.household.findFirst({
      where: { AND: [{ id: householdId }, householdWhere(actor)] },
      select: {
        id: true, archiveNo: true, headName: true, status: true,
        village: { select: { id: true, name: true, townshipId: true } },
        entries: { orderBy: [{ occurredOn: "desc" }, { recordedAt: "desc" }], select: archiveEntrySelect },
      },
    }),
    unsafeListHouseholdAwards(db, householdId),
    actor.townshipId ? settingsVersionsOf(db, [actor.townshipId]) : null,
  ]);
  if (!household) throw new AppError("NOT_FOUND", "errors.notFound");

  const { entries, village: { townshipId, ...village }, ...card } = household;
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const versions = (ownSettings?.get(townshipId) ?? (await settingsVersionsOf(db, [townshipId])).get(townshipId))!;
  const { weightRed, weightYellow, weightBlack, civilizedMinReds } = versionForYear(versions, year, today);
  const settings = { weightRed, weightYellow, weightBlack, civilizedMinReds };
  const scored = entries.map(toScoredEntry);
  // All time is the sum of the yearly scores, each under its year's weights, as the rankings count it.
  const allTime = householdScoreRows(scored, versions, today).find((row) => row.year === ALL_TIME);
  return {
    household: { ...card, village },
    settings,
    asOf: today,
    thisYear: scoreEntries(scored, settings, yearPeriod(year)),
    cumulative: { ...scoreEntries(scored, settings), score: allTime?.score ?? 0 },
    eligibility: assessEligibility(scored, settings, year, dayToDate(today)),
    entries: entries.map((row) => toArchiveEntry(row, now)),
    awards,
  };
}
