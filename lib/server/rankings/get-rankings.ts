import "server-only";
import { chinaToday } from "@/lib/domain/entry-date";
import { ALL_TIME } from "@/lib/domain/household-scores";
import { versionForYear, type SettingsVersion } from "@/lib/domain/township-settings";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RankingItem, RankingsPage, RankingYear } from "@/lib/schemas/rankings";
import { authorize, villageWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { searchConditions } from "@/lib/server/households/search-households";
import { withLagTolerantReads } from "@/lib/server/read-routing/lag-tolerant-reads";
import { townshipFor, type TownshipRef } from "@/lib/server/township-settings/get-settings";
import { settingsVersionsOf } from "@/lib/server/township-settings/settings-versions";

export type RankingsQuery = {
  /** A calendar year or "all" (all time); the current year in China when absent. */
  year?: RankingYear;
  villageId?: string | undefined;
  q?: string | undefined;
  /** An administrator's choice of township by code; everyone else gets their own. */
  township?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

export type RankingScope = { township: TownshipRef; village: { id: string; name: string } | null; year: RankingYear };

const DEFAULT_PAGE_SIZE = 50;
// How far down the index is tried before the whole scope is ranked: the first pages, the ones
// people read. Deeper, the leading rows would cost as much as ranking everyone and then fall back.
const LEADING_ROWS = 500;

/**
 * Households ranked by score (issue 9 point 3), read only from the maintained rows
 * (HouseholdScore; year 0 = all time), never recomputed on a page view.
 *
 * - Who: township officials and administrators rank a township (or one of its villages); a clerk
 *   ranks his own village only (villageId is forced to it). Anything outside the scope is 404.
 * - Which households: ACTIVE households of the scope. A household without a row (no confirmed
 *   entry yet) scores 0 with zero parts. Households that moved out or were deactivated are not
 *   ranked: a ranking compares the families living in the township now; their scores stay in
 *   their archives (GET /households/{id}/scores).
 * - Order: SQL RANK() over the scope by score descending, so equal scores share a rank (the next
 *   rank skips) and `tied` says so; within a rank, by archive number. A search filters the
 *   ranked list: each household keeps its rank in the whole scope.
 * - Settings: a year's scores are computed with the version in force on its last day (today
 *   while it runs); all time sums each year's score under that year's settings (settings: null).
 */
export function getRankings(actor: Actor, query: RankingsQuery, now: Date = new Date()): Promise<RankingsPage> {
  return withLagTolerantReads(actor, () => rankingsPage(actor, query, now));
}

async function rankingsPage(actor: Actor, query: RankingsQuery, now: Date): Promise<RankingsPage> {
  const scope = await rankingScope(actor, query, now);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const offset = (page - 1) * pageSize;
  const filter = query.q?.trim() ? await searchFilter(scope, query.q) : null;
  const [rows, total, settings] = await Promise.all([
    pageOfRanking(scope, filter, offset, pageSize),
    filter ? countMatching(scope, filter) : countRanked(scope),
    settingsUsed(scope.township.id, scope.year, now),
  ]);
  return {
    items: rows.map(toItem), page, pageSize, total,
    township: scope.township, year: scope.year, village: scope.village, settings,
  };
}

async function pageOfRanking(scope: RankingScope, filter: Prisma.Sql | null, offset: number, pageSize: number): Promise<RawRow[]> {
  const leading = filter || offset + pageSize > LEADING_ROWS ? null : await leadingPage(scope, offset, pageSize);
  return leading ?? db.$queryRaw<RawRow[]>`
    WITH ranked AS (${rankedSql(scope)})
    SELECT * FROM ranked WHERE ${filter ?? Prisma.sql`TRUE`} ORDER BY "rank", "archiveNo" LIMIT ${pageSize} OFFSET ${offset}`;
}

/** Every ranked household of the scope matching the search, in rank order (exports). */
export function allRankings(actor: Actor, query: Omit<RankingsQuery, "page" | "pageSize">, now: Date = new Date()) {
  return withLagTolerantReads(actor, () => wholeRanking(actor, query, now));
}

async function wholeRanking(actor: Actor, query: Omit<RankingsQuery, "page" | "pageSize">, now: Date) {
  const scope = await rankingScope(actor, query, now);
  const filter = await searchFilter(scope, query.q ?? "");
  const rows = await db.$queryRaw<RawRow[]>`
    WITH ranked AS (${rankedSql(scope)}) SELECT * FROM ranked WHERE ${filter} ORDER BY "rank", "archiveNo"`;
  return { ...scope, items: rows.map(toItem), settings: await settingsUsed(scope.township.id, scope.year, now) };
}

async function rankingScope(actor: Actor, query: RankingsQuery, now: Date): Promise<RankingScope> {
  authorize(actor, "rankings.read");
  const year = query.year ?? Number(chinaToday(now).slice(0, 4));
  const villageId = actor.role === "CLERK" ? actor.villageId : query.villageId;
  if (actor.role === "CLERK" && query.villageId && query.villageId !== actor.villageId) throw notFound();
  if (!villageId) return { township: await townshipFor(actor, "rankings.read", query.township), village: null, year };
  const village = await db.village.findFirst({
    where: { AND: [{ id: villageId }, villageWhere(actor)] },
    select: { id: true, name: true, township: { select: { id: true, code: true, name: true } } },
  });
  if (!village) throw notFound();
  // An administrator who names both a township and a village gets nothing from a mismatch.
  if (actor.role === "ADMIN" && query.township !== undefined && query.township !== village.township.code) throw notFound();
  return { township: village.township, village: { id: village.id, name: village.name }, year };
}

const notFound = () => new AppError("NOT_FOUND", "errors.notFound");

function rankedSql({ township, village, year }: RankingScope): Prisma.Sql {
  const inVillage = village ? Prisma.sql`AND h."villageId" = ${village.id}::uuid` : Prisma.empty;
  return rankedFrom(Prisma.sql`
    "Household" h
    JOIN "Village" v ON v."id" = h."villageId"
    LEFT JOIN "HouseholdScore" s ON s."householdId" = h."id" AND s."year" = ${scoreYearOf(year)}
    WHERE v."townshipId" = ${township.id}::uuid AND h."status" = 'ACTIVE' ${inVillage}`);
}

const scoreYearOf = (year: RankingYear) => (year === "all" ? ALL_TIME : year);

/** The ranked rows of `from`, which joins households `h`, their villages `v` and score rows `s` (or none). */
function rankedFrom(from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT h."id"::text AS "householdId", h."archiveNo", h."headName", h."villageId"::text AS "villageId", v."name" AS "villageName",
      COALESCE(s."score", 0) AS "score", COALESCE(s."redMarks", 0) AS "redMarks",
      COALESCE(s."activeYellowMarks", 0) AS "activeYellowMarks", COALESCE(s."blackMarks", 0) AS "blackMarks",
      RANK() OVER (ORDER BY COALESCE(s."score", 0) DESC) AS "rank",
      count(*) OVER (PARTITION BY COALESCE(s."score", 0)) AS "sharing"
    FROM ${from}`;
}

/** The search as a condition on the ranked rows: the households of the scope it matches. */
async function searchFilter({ township, village }: RankingScope, q: string): Promise<Prisma.Sql> {
  const or = searchConditions(q);
  if (!or.length) return Prisma.sql`TRUE`;
  const matches = await db.household.findMany({
    where: { AND: [{ village: { townshipId: township.id } }, village ? { villageId: village.id } : {}, { status: "ACTIVE" }, { OR: or }] },
    select: { id: true },
  });
  if (!matches.length) return Prisma.sql`FALSE`;
  return Prisma.sql`"householdId" = ANY(${matches.map((m) => m.id)}::text[])`;
}

/**
 * A page near the top without a search, read from the maintained scores' index instead of ranking
 * every household of the scope (issue 11: the township's RANK() cost 50–80 ms at 13,600
 * households). It takes the scope's leading score rows down to the page's last one, with every row
 * tying it (FETCH … WITH TIES), so RANK() and the ties over them equal those over the whole scope.
 * That holds only while they all score above 0: a household without a row scores 0 and could tie
 * or lead them. null otherwise (a deep page, few positive scores): the caller ranks the whole scope.
 */
async function leadingPage({ township, village, year }: RankingScope, offset: number, pageSize: number): Promise<RawRow[] | null> {
  const inScope = village ? Prisma.sql`s."villageId" = ${village.id}::uuid` : Prisma.sql`s."townshipId" = ${township.id}::uuid`;
  const wanted = offset + pageSize;
  const rows = await db.$queryRaw<(RawRow & { fetched: bigint; lowest: number })[]>`
    WITH "leadingRows" AS (
      SELECT s.* FROM "HouseholdScore" s JOIN "Household" h ON h."id" = s."householdId"
      WHERE ${inScope} AND s."year" = ${scoreYearOf(year)} AND h."status" = 'ACTIVE'
      ORDER BY s."score" DESC FETCH FIRST (${wanted}::int) ROWS WITH TIES)
    SELECT *, count(*) OVER () AS "fetched", min("score") OVER () AS "lowest"
    FROM (${rankedFrom(Prisma.sql`"leadingRows" s JOIN "Household" h ON h."id" = s."householdId" JOIN "Village" v ON v."id" = h."villageId"`)}) ranked
    ORDER BY "rank", "archiveNo" LIMIT ${pageSize} OFFSET ${offset}`;
  const first = rows[0];
  if (!first || Number(first.fetched) < wanted || first.lowest <= 0) return null;
  return rows.map(({ fetched: _fetched, lowest: _lowest, ...row }) => row);
}

/** How many households of the scope are ranked: its active ones. */
function countRanked({ township, village }: RankingScope): Promise<number> {
  return db.household.count({ where: { status: "ACTIVE", ...(village ? { villageId: village.id } : { village: { townshipId: township.id } }) } });
}

async function countMatching(scope: RankingScope, filter: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ total: bigint }[]>`WITH ranked AS (${rankedSql(scope)}) SELECT count(*) AS total FROM ranked WHERE ${filter}`;
  return Number(row?.total ?? 0);
}

/**
 * The settings a year's scores were computed with: the version its rows name (a version taking
 * effect today reaches the rows with the hourly job, lib/server/scores/refresh-stale-scores.ts),
 * else the version for the year; null for all time.
 */
export async function settingsUsed(townshipId: string, year: RankingYear, now: Date): Promise<SettingsVersion | null> {
  if (year === "all") return null;
  const [byTownship, named] = await Promise.all([
    settingsVersionsOf(db, [townshipId]),
    db.householdScore.groupBy({ by: ["settingsId"], where: { townshipId, year }, _count: true }),
  ]);
  const versions = byTownship.get(townshipId) ?? [];
  if (versions.length === 0) return null;
  const only = named.length === 1 ? versions.find((v) => v.id === named[0]!.settingsId) : undefined;
  return only ?? versionForYear(versions, year, chinaToday(now));
}

type RawRow = Omit<RankingItem, "rank" | "tied" | "score" | "redMarks" | "activeYellowMarks" | "blackMarks"> & {
  rank: bigint; sharing: bigint; score: number; redMarks: number; activeYellowMarks: number; blackMarks: number;
};

const toItem = ({ rank, sharing, ...row }: RawRow): RankingItem => ({
  rank: Number(rank), tied: Number(sharing) > 1, ...row,
  score: Number(row.score), redMarks: Number(row.redMarks), activeYellowMarks: Number(row.activeYellowMarks), blackMarks: Number(row.blackMarks),
});

/** The years a township has score rows for, newest first, with the current year (the page's year chooser). */
export async function rankedYears(townshipId: string, now: Date = new Date()): Promise<number[]> {
  const current = Number(chinaToday(now).slice(0, 4));
  const first = await db.householdScore.aggregate({ where: { townshipId, year: { gt: ALL_TIME } }, _min: { year: true } });
  const from = Math.min(first._min.year ?? current, current);
  return Array.from({ length: current - from + 1 }, (_, i) => current - i);
}
