import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryPage, ListVillageEntriesQuery } from "@/lib/schemas/entries";
import { entryWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { entrySummarySelect, toEntrySummary } from "./entry-views";

/**
 * A village's entries, newest recorded first, for its council and representatives (who see the
 * entries under review), the township and administrators. The usual filter — a quarter and a
 * status — walks the (villageId, year, quarter, status) index.
 */
export async function listVillageEntries(actor: Actor, villageId: string, query: ListVillageEntriesQuery): Promise<EntryPage> {
  await loadVillageTarget(actor, "entries.list", villageId);

  const where: Prisma.EntryWhereInput = { AND: [{ villageId }, entryWhere(actor), filtersWhere(query)] };
  const [total, rows] = await Promise.all([
    db.entry.count({ where }),
    db.entry.findMany({
      where,
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { ...entrySummarySelect, _count: { select: { evidence: true } } },
    }),
  ]);
  return {
    items: rows.map(({ _count, ...row }) => toEntrySummary(row, _count.evidence)),
    page: query.page, pageSize: query.pageSize, total,
  };
}

/** The list's filters as a `where`, shared with the export. */
export function filtersWhere(query: Omit<ListVillageEntriesQuery, "page" | "pageSize">): Prisma.EntryWhereInput {
  const where: Prisma.EntryWhereInput = {};
  if (query.quarter) {
    where.year = Number(query.quarter.slice(0, 4));
    where.quarter = Number(query.quarter.slice(5));
  }
  if (query.status) where.status = query.status;
  if (query.category) where.category = query.category;
  if (query.ruleId) where.ruleId = query.ruleId;
  if (query.householdId) where.householdId = query.householdId;
  // Archive numbers are upper case by construction: an exact match on the unique index, not an
  // ILIKE in which a typed "_" would be a wildcard.
  if (query.archiveNo) where.household = { archiveNo: query.archiveNo.toUpperCase() };
  return where;
}
