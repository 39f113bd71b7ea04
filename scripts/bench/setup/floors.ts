import { initialsOfPinyinQuery } from "@/lib/domain/pinyin-query";
import type { Targets } from "./targets";

// The raw-SQL floor of each read: the rows the app shows, fetched by one hand-written statement
// through pg (no HTTP, no ORM). `ids` picks from the floor's rows the ids the app's answer must
// hold in the same order, so that the floor is known to fetch the same thing (bench.ts checks).
// The floors fetch the rows only: the app's extra lookups (settings, awards, the caller's
// account) are part of what the ratio app/floor measures.

export type Floor = { sql: string; params: unknown[]; ids: (rows: Record<string, unknown>[]) => string[] };

const archiveEntries = `
  SELECT e."id", e."category", e."status", e."marks", e."occurredOn", e."year", e."quarter", e."description", e."recordedAt",
    h."archiveNo", h."headName", h."status" AS "householdStatus", v."id" AS "villageId", v."name" AS "villageName",
    r."code", r."title", m."name" AS "memberName",
    ARRAY(SELECT p."id" FROM "EvidencePhoto" p WHERE p."entryId" = e."id" ORDER BY p."createdAt") AS "evidence",
    (SELECT x."createdAt" FROM "EntryEvent" x WHERE x."entryId" = e."id" AND x."type" = 'RECTIFIED' AND x."fromStatus" = 'CONFIRMED'
      ORDER BY x."chainSeq" DESC LIMIT 1) AS "rectifiedAt",
    (SELECT json_agg(json_build_object('id', c."id", 'status', c."status", 'note', c."note", 'createdAt', c."createdAt",
        'decidedAt', c."decidedAt", 'decisionReason', c."decisionReason",
        'evidence', ARRAY(SELECT p."id" FROM "EvidencePhoto" p WHERE p."rectificationId" = c."id" ORDER BY p."createdAt"))
      ORDER BY c."createdAt" DESC) FROM "Rectification" c WHERE c."entryId" = e."id") AS "rectifications",
    (SELECT json_agg(json_build_object('id', a."id", 'status', a."status", 'reason', a."reason", 'createdAt', a."createdAt",
        'resolvedAt', a."resolvedAt", 'resolution', a."resolution") ORDER BY a."createdAt" DESC)
      FROM "Appeal" a WHERE a."entryId" = e."id") AS "appeals"
  FROM "Household" h JOIN "Village" v ON v."id" = h."villageId"
  JOIN "Entry" e ON e."householdId" = h."id" JOIN "Rule" r ON r."id" = e."ruleId" LEFT JOIN "Member" m ON m."id" = e."memberId"
  WHERE h."id" = $1 AND h."villageId" = $2
  ORDER BY e."occurredOn" DESC, e."recordedAt" DESC`;

export const archiveFloor = (t: Targets): Floor => ({
  sql: archiveEntries, params: [t.household.id, t.village.id], ids: (rows) => rows.map((r) => String(r.id)),
});

const PAGE = 20;

// A page of households by archive number with what the search list shows, and the number of all
// matches: the matches found once, counted, and the page's 20 joined.
function householdPage(match: string): string {
  return `
  WITH matches AS (SELECT h."id", h."archiveNo" FROM "Household" h WHERE h."villageId" = $1 AND (${match}))
  SELECT h."id", h."archiveNo", h."headName", h."phone", h."status", v."id" AS "villageId", v."name" AS "villageName",
    g."id" AS "groupId", g."name" AS "groupName",
    (SELECT count(*) FROM "Member" m WHERE m."householdId" = h."id" AND m."active") AS "members",
    (SELECT count(*) FROM matches) AS "total"
  FROM (SELECT "id" FROM matches ORDER BY "archiveNo" LIMIT ${PAGE}) x
  JOIN "Household" h ON h."id" = x."id" JOIN "Village" v ON v."id" = h."villageId" LEFT JOIN "VillagerGroup" g ON g."id" = h."groupId"
  ORDER BY h."archiveNo"`;
}

const searchIds = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.id));

export const nameSearchFloor = (t: Targets): Floor => ({
  // OFFSET 0 keeps the planner from hashing every member of the database (the app does the same).
  sql: householdPage(`h."headName" LIKE $2 OR EXISTS (SELECT 1 FROM "Member" m WHERE m."householdId" = h."id" AND m."name" LIKE $2 OFFSET 0)`),
  params: [t.village.id, `%${t.search.name}%`], ids: searchIds,
});

export function initialsSearchFloor(t: Targets): Floor {
  // Letters may also begin an archive number, and may spell syllables whose initials are searched too.
  const spelled = initialsOfPinyinQuery(t.search.initials) ?? t.search.initials;
  return {
    sql: householdPage(`h."archiveNo" LIKE $2 OR h."headInitials" LIKE $3 OR h."headInitials" LIKE $4`),
    params: [t.village.id, `${t.search.initials.toUpperCase()}%`, `${t.search.initials.toLowerCase()}%`, `${spelled}%`], ids: searchIds,
  };
}

export function suffixSearchFloor(t: Targets): Floor {
  const digits = t.search.suffix;
  const byNumber = [t.village.id, `${digits}%`, `%-${digits.padStart(5, "0")}`];
  // Three digits or more may also be part of a phone number.
  return digits.length >= 3
    ? { sql: householdPage(`h."archiveNo" LIKE $2 OR h."archiveNo" LIKE $3 OR h."phone" LIKE $4`), params: [...byNumber, `%${digits}%`], ids: searchIds }
    : { sql: householdPage(`h."archiveNo" LIKE $2 OR h."archiveNo" LIKE $3`), params: byNumber, ids: searchIds };
}

// The top 50 by the maintained scores' index, with every household tying the 50th: RANK() over
// them is their rank in the whole scope while they all score above 0 (the app checks; the targets
// do), plus the scope's count of ranked households.
const ranked = (inScope: string, countScope: string) => `
  WITH top AS (
    SELECT s."householdId", s."score", s."redMarks", s."activeYellowMarks", s."blackMarks"
    FROM "HouseholdScore" s JOIN "Household" h ON h."id" = s."householdId"
    WHERE ${inScope} AND s."year" = $2 AND h."status" = 'ACTIVE'
    ORDER BY s."score" DESC FETCH FIRST 50 ROWS WITH TIES)
  SELECT h."id" AS "householdId", h."archiveNo", h."headName", h."villageId", v."name" AS "villageName",
    t."score", t."redMarks", t."activeYellowMarks", t."blackMarks",
    RANK() OVER (ORDER BY t."score" DESC) AS "rank", count(*) OVER (PARTITION BY t."score") AS "sharing",
    (SELECT count(*) FROM "Household" c WHERE ${countScope} AND c."status" = 'ACTIVE') AS "total"
  FROM top t JOIN "Household" h ON h."id" = t."householdId" JOIN "Village" v ON v."id" = h."villageId"
  ORDER BY "rank", "archiveNo" LIMIT 50`;

const rankingIds = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.householdId));

export const townshipRankingFloor = (t: Targets): Floor => ({
  sql: ranked(`s."townshipId" = $1`, `c."villageId" IN (SELECT "id" FROM "Village" WHERE "townshipId" = $1)`), params: [t.township.id, t.year], ids: rankingIds,
});

export const villageRankingFloor = (t: Targets): Floor => ({
  sql: ranked(`s."villageId" = $1`, `c."villageId" = $1`), params: [t.village.id, t.year], ids: rankingIds,
});

export function villageEntriesFloor(t: Targets): Floor {
  const [year, quarter] = t.quarter.split("Q").map(Number);
  return {
    // The page is cut first and then joined: joining the whole quarter first hashes every household.
    sql: `
      WITH page AS (
        SELECT * FROM "Entry" WHERE "villageId" = $1 AND "year" = $2 AND "quarter" = $3 ORDER BY "recordedAt" DESC, "id" DESC LIMIT ${PAGE})
      SELECT e."id", e."category", e."marks", e."occurredOn", e."year", e."quarter", e."description", e."status", e."recordedAt",
        h."id" AS "householdId", h."archiveNo", h."headName", m."id" AS "memberId", m."name" AS "memberName",
        r."id" AS "ruleId", r."code", r."title",
        (SELECT count(*) FROM "EvidencePhoto" p WHERE p."entryId" = e."id") AS "photos",
        (SELECT count(*) FROM "Entry" e WHERE e."villageId" = $1 AND e."year" = $2 AND e."quarter" = $3) AS "total"
      FROM page e JOIN "Household" h ON h."id" = e."householdId" JOIN "Rule" r ON r."id" = e."ruleId"
      LEFT JOIN "Member" m ON m."id" = e."memberId"
      ORDER BY e."recordedAt" DESC, e."id" DESC`,
    params: [t.village.id, year, quarter], ids: (rows) => rows.map((r) => String(r.id)),
  };
}

// Every village of the township with its households and confirmed marks (the overview page).
export const overviewFloor = (t: Targets): Floor => ({
  sql: `
    SELECT v."id", v."name", v."kind",
      (SELECT count(*) FROM "Household" h WHERE h."villageId" = v."id" AND h."status" = 'ACTIVE') AS "households",
      m."red", m."yellow", m."black",
      (SELECT count(*) FROM "Entry" e WHERE e."villageId" = v."id" AND e."status" = 'PENDING') AS "pending"
    FROM "Village" v
    LEFT JOIN LATERAL (
      SELECT COALESCE(sum(e."marks") FILTER (WHERE e."category" = 'RED'), 0) AS "red",
        COALESCE(sum(e."marks") FILTER (WHERE e."category" = 'YELLOW'), 0) AS "yellow",
        COALESCE(sum(e."marks") FILTER (WHERE e."category" = 'BLACK'), 0) AS "black"
      FROM "Entry" e WHERE e."villageId" = v."id" AND e."status" = 'CONFIRMED') m ON TRUE
    WHERE v."townshipId" = $1 AND v."active"
    ORDER BY v."code"`,
  params: [t.township.id], ids: (rows) => rows.map((r) => String(r.name)),
});
