import "server-only";
import { chinaToday, dateToDay } from "@/lib/domain/entry-date";
import { versionOn } from "@/lib/domain/township-settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HonourBoard, HonourBoardChoices, HonourBoardQuery } from "@/lib/schemas/selection";
import type { Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import type { Paging } from "@/lib/server/paging";
import { withLagTolerantReads } from "@/lib/server/read-routing/lag-tolerant-reads";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";

type Query = Omit<HonourBoardQuery, keyof Paging> & Paging;

const notPublished = () => new AppError("NOT_FOUND", "honour.notPublished");
const awardedIn = (townshipIds: string[]): Prisma.CivilizedFamilyAwardWhereInput => ({ townshipId: { in: townshipIds }, status: "AWARDED" });

/**
 * The public honour board (光荣榜): the families a township has awarded, by year and village,
 * each with its confirmed red entries of that year (rule and date). Public by design, so it
 * shows only what a family is honoured for: never a yellow or a black, nor a count of them, nor
 * an archive number (a household account signs in with it): the head's name and village only.
 * Only townships whose settings in force today enable the board take part; with none, or for a
 * village of a township without one, it answers "not published" (404) and nothing else.
 * `reader`: whoever is signed in, so that an official who just awarded a family sees it listed.
 */
export function getHonourBoard(query: Query, reader: Actor | null, now: Date = new Date()): Promise<HonourBoard> {
  return withLagTolerantReads(reader, () => honourBoard(query, now));
}

async function honourBoard(query: Query, now: Date): Promise<HonourBoard> {
  const townshipIds = await enabledTownships(now);
  const village = query.villageId
    ? await db.village.findFirst({ where: { id: query.villageId, townshipId: { in: townshipIds } }, select: { id: true } })
    : null;
  if (!townshipIds.length || (query.villageId && !village)) throw notPublished();

  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const year = query.year ?? (await db.civilizedFamilyAward.findFirst({
    where: awardedIn(townshipIds), orderBy: { year: "desc" }, select: { year: true },
  }))?.year ?? null;
  if (year === null) return { items: [], page, pageSize, total: 0, year };

  const where: Prisma.CivilizedFamilyAwardWhereInput = { ...awardedIn(townshipIds), year, ...(village ? { household: { villageId: village.id } } : {}) };
  const [total, awards] = await Promise.all([
    db.civilizedFamilyAward.count({ where }),
    db.civilizedFamilyAward.findMany({
      where, orderBy: [{ household: { village: { code: "asc" } } }, { household: { archiveNo: "asc" } }, { id: "asc" }],
      skip: (page - 1) * pageSize, take: pageSize,
      select: { id: true, householdId: true, household: { select: { headName: true, village: { select: { id: true, name: true } } } } },
    }),
  ]);
  const reds = await db.entry.findMany({
    where: { householdId: { in: awards.map((a) => a.householdId) }, year, category: "RED", status: "CONFIRMED" },
    orderBy: [{ occurredOn: "asc" }, { id: "asc" }],
    select: { householdId: true, occurredOn: true, rule: { select: { title: true } } },
  });
  const items = awards.map(({ id, householdId, household }) => ({
    id, headName: household.headName, village: household.village,
    reds: reds.filter((r) => r.householdId === householdId).map((r) => ({ ruleTitle: r.rule.title, occurredOn: dateToDay(r.occurredOn) })),
  }));
  return { items, page, pageSize, total, year };
}

/** The years and villages the board's page offers; "not published" like the board itself. */
export function getHonourBoardChoices(reader: Actor | null, now: Date = new Date()): Promise<HonourBoardChoices> {
  return withLagTolerantReads(reader, () => honourBoardChoices(now));
}

async function honourBoardChoices(now: Date): Promise<HonourBoardChoices> {
  const townshipIds = await enabledTownships(now);
  if (!townshipIds.length) throw notPublished();
  const [years, villages] = await Promise.all([
    db.civilizedFamilyAward.groupBy({ by: ["year"], where: awardedIn(townshipIds), orderBy: { year: "desc" } }),
    db.village.findMany({ where: { townshipId: { in: townshipIds }, active: true }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
  ]);
  return { years: years.map((r) => r.year), villages };
}

async function enabledTownships(now: Date): Promise<string[]> {
  const today = chinaToday(now);
  const townships = await db.township.findMany({ select: { id: true } });
  const versions = await settingsVersionsOf(db, townships.map((t) => t.id));
  return [...versions].filter(([, list]) => list.some((v) => v.effectiveFrom <= today) && versionOn(list, today).honourBoardEnabled).map(([id]) => id);
}
