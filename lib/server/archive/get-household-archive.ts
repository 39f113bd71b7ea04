import "server-only";
import { assessEligibility } from "@/lib/domain/eligibility";
import { chinaToday, dayToDate } from "@/lib/domain/entry-date";
import { scoreEntries, yearPeriod } from "@/lib/domain/scoring";
import type { HouseholdArchive } from "@/lib/schemas/archive";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { archiveEntrySelect, toArchiveEntry, toScoredEntry } from "./archive-views";

const settingsSelect = { weightRed: true, weightYellow: true, weightBlack: true, civilizedMinReds: true } as const;

/**
 * A household's archive: every entry with its evidence, rectification requests and appeals, and
 * its score (this year in China, and all time) and civilized-family eligibility this year under
 * its township's settings, computed by lib/domain as the rankings will. For the household
 * itself, the clerks of its village, the officials of its township and administrators.
 */
export async function getHouseholdArchive(actor: Actor, householdId: string, now: Date = new Date()): Promise<HouseholdArchive> {
  authorize(actor, "archive.read");
  const household = await db.household.findFirst({
    where: { AND: [{ id: householdId }, householdWhere(actor)] },
    select: {
      id: true, archiveNo: true, headName: true, status: true,
      village: { select: { id: true, name: true, township: { select: settingsSelect } } },
      entries: { orderBy: [{ occurredOn: "desc" }, { recordedAt: "desc" }], select: archiveEntrySelect },
    },
  });
  if (!household) throw new AppError("NOT_FOUND", "errors.notFound");

  const { entries, village: { township: settings, ...village }, ...card } = household;
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const scored = entries.map(toScoredEntry);
  return {
    household: { ...card, village },
    settings,
    asOf: today,
    thisYear: scoreEntries(scored, settings, yearPeriod(year)),
    cumulative: scoreEntries(scored, settings),
    eligibility: assessEligibility(scored, settings, year, dayToDate(today)),
    entries: entries.map((row) => toArchiveEntry(row, now)),
  };
}
