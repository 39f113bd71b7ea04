import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntryCategory, EntryStatus } from "@/lib/generated/prisma/enums";
import type { EntryPage, ListVillageEntriesQuery } from "@/lib/schemas/entries";
import { authorize, entryScopeSql, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { toEntrySummary } from "./entry-views";

type Row = {
  total: bigint; id: string | null; category: EntryCategory; marks: number; occurredOn: Date; year: number; quarter: number;
  description: string; status: EntryStatus; recordedAt: Date; householdId: string; archiveNo: string; headName: string;
  memberId: string | null; memberName: string | null; ruleId: string; code: string; title: string; evidence: number;
};

/**
 * A village's entries, newest recorded first, for its council and representatives (who see the
 * entries under review), the township and administrators. The usual filter — a quarter and a
 * status — walks the (villageId, year, quarter, status) index. One statement: the matching
 * entries are found once, counted, and a page of them joined with what the list shows (the
 * village's scope check runs beside it).
 */
export async function listVillageEntries(actor: Actor, villageId: string, query: ListVillageEntriesQuery): Promise<EntryPage> {
  authorize(actor, "entries.list");
  const where = Prisma.join([Prisma.sql`e."villageId" = ${villageId}::uuid`, entryScopeSql(actor), ...filtersSql(query)], " AND ");
  const [, rows] = await Promise.all([
    loadVillageTarget(actor, "entries.list", villageId),
    db.$queryRaw<Row[]>`
      WITH matches AS (SELECT e."id", e."recordedAt" FROM "Entry" e WHERE ${where})
      SELECT t."total", p.* FROM (SELECT count(*) AS "total" FROM matches) t
      LEFT JOIN LATERAL (
        SELECT e."id"::text, e."category"::text AS "category", e."marks", e."occurredOn", e."year", e."quarter", e."description",
          e."status"::text AS "status", e."recordedAt", h."id"::text AS "householdId", h."archiveNo", h."headName",
          m."id"::text AS "memberId", m."name" AS "memberName", r."id"::text AS "ruleId", r."code", r."title",
          (SELECT count(*)::int FROM "EvidencePhoto" f WHERE f."entryId" = e."id") AS "evidence"
        FROM (SELECT "id" FROM matches ORDER BY "recordedAt" DESC, "id" DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) x
        JOIN "Entry" e ON e."id" = x."id" JOIN "Household" h ON h."id" = e."householdId" JOIN "Rule" r ON r."id" = e."ruleId"
        LEFT JOIN "Member" m ON m."id" = e."memberId"
      ) p ON TRUE
      ORDER BY p."recordedAt" DESC, p."id" DESC`,
  ]);
  const items = rows.flatMap(({ total: _, id, householdId, archiveNo, headName, memberId, memberName, ruleId, code, title, evidence, ...row }) => id ? [
    toEntrySummary({
      ...row, id, household: { id: householdId, archiveNo, headName },
      member: memberId ? { id: memberId, name: memberName! } : null, rule: { id: ruleId, code, title },
    }, evidence),
  ] : []);
  return { items, page: query.page, pageSize: query.pageSize, total: Number(rows[0]?.total ?? 0) };
}

type Filters = Omit<ListVillageEntriesQuery, "page" | "pageSize">;

const quarterOf = (quarter: string) => ({ year: Number(quarter.slice(0, 4)), quarter: Number(quarter.slice(5)) });

/** The list's filters as a `where`, shared with the export. */
export function filtersWhere(query: Filters): Prisma.EntryWhereInput {
  const where: Prisma.EntryWhereInput = {};
  if (query.quarter) Object.assign(where, quarterOf(query.quarter));
  if (query.status) where.status = query.status;
  if (query.category) where.category = query.category;
  if (query.ruleId) where.ruleId = query.ruleId;
  if (query.householdId) where.householdId = query.householdId;
  // Archive numbers are upper case by construction: an exact match on the unique index, not an
  // ILIKE in which a typed "_" would be a wildcard.
  if (query.archiveNo) where.household = { archiveNo: query.archiveNo.toUpperCase() };
  return where;
}

/** The same filters as SQL conditions on the entry alias `e`. */
function filtersSql(query: Filters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.quarter) {
    const { year, quarter } = quarterOf(query.quarter);
    conditions.push(Prisma.sql`e."year" = ${year} AND e."quarter" = ${quarter}`);
  }
  if (query.status) conditions.push(Prisma.sql`e."status" = ${query.status}::"EntryStatus"`);
  if (query.category) conditions.push(Prisma.sql`e."category" = ${query.category}::"EntryCategory"`);
  if (query.ruleId) conditions.push(Prisma.sql`e."ruleId" = ${query.ruleId}::uuid`);
  if (query.householdId) conditions.push(Prisma.sql`e."householdId" = ${query.householdId}::uuid`);
  if (query.archiveNo) {
    conditions.push(Prisma.sql`e."householdId" IN (SELECT "id" FROM "Household" WHERE "archiveNo" = ${query.archiveNo.toUpperCase()})`);
  }
  return conditions;
}
