import "server-only";
import { initialsOfPinyinQuery } from "@/lib/domain/pinyin-query";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HouseholdStatus } from "@/lib/generated/prisma/enums";
import type { HouseholdListItem, SearchHouseholdsQuery } from "@/lib/schemas/households";
import { authorize, householdScopeSql, type Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { escapeLike } from "@/lib/server/escape-like";
import { withLagTolerantReads } from "@/lib/server/read-routing/lag-tolerant-reads";

const HAN = /\p{Script=Han}/u;

/**
 * What a search box entry can mean. Each kind of text is tried only against the columns it can
 * match, so that "zjg" uses the (villageId, headInitials) index and "JS-XH-0001" the archive
 * number's unique index, rather than every search scanning members' names. Letters are pinyin:
 * initials as typed, and the initials of the syllables they spell ("zhangjg" → "zjg").
 * Empty for an empty search (no condition); texts are escaped for LIKE.
 */
type Match = "contains" | "startsWith" | "endsWith";
type SearchTerm =
  | { column: "name"; match: "contains"; text: string } // the head's or any member's name
  | { column: "archiveNo" | "headInitials" | "phone"; match: Match; text: string }
  | { column: null }; // text that can match no household

export function searchTerms(raw: string): SearchTerm[] {
  const q = raw.trim();
  if (!q) return [];
  if (HAN.test(q)) return [{ column: "name", match: "contains", text: escapeLike(q) }];
  const terms: SearchTerm[] = [];
  // Archive numbers are upper case by construction (township and village codes are stored so),
  // so an upper-cased prefix is a case-insensitive match that can still use the index.
  if (/^[\w-]+$/.test(q)) terms.push({ column: "archiveNo", match: "startsWith", text: escapeLike(q.toUpperCase()) });
  const letters = q.replace(/[\s']/g, "");
  if (/^[a-z]+$/i.test(letters)) {
    const initials = new Set([letters.toLowerCase(), initialsOfPinyinQuery(letters) ?? ""].filter(Boolean));
    for (const prefix of initials) terms.push({ column: "headInitials", match: "startsWith", text: prefix });
  }
  const digits = q.replace(/[\s-]/g, "");
  if (/^\d{3,}$/.test(digits)) terms.push({ column: "phone", match: "contains", text: digits });
  // A clerk on a phone types "12" for JS-XH-00012 of her own village.
  if (/^\d{1,5}$/.test(q)) terms.push({ column: "archiveNo", match: "endsWith", text: `-${q.padStart(5, "0")}` });
  return terms.length ? terms : [{ column: null }];
}

/** The search as Prisma conditions (any of them matches), for the lists that filter with Prisma. */
export function searchConditions(raw: string): Prisma.HouseholdWhereInput[] {
  return searchTerms(raw).flatMap((term): Prisma.HouseholdWhereInput[] => {
    if (term.column === null) return [{ id: { in: [] } }];
    const filter = { [term.match]: term.text };
    if (term.column === "name") return [{ headName: filter }, { members: { some: { name: filter } } }];
    return [{ [term.column]: filter }];
  });
}

const PATTERN: Record<Match, (text: string) => string> = {
  contains: (text) => `%${text}%`, startsWith: (text) => `${text}%`, endsWith: (text) => `%${text}`,
};

/**
 * The same search as one SQL condition on the household alias `h`. `inOneVillage`: the scope is a
 * single village, whose members are then read household by household (see below).
 */
function searchSql(raw: string, inOneVillage: boolean): Prisma.Sql {
  const terms = searchTerms(raw);
  if (!terms.length) return Prisma.sql`TRUE`;
  // A pattern of two characters ("李昌", what a clerk types) has no trigram an index could use.
  // Left to itself, the planner may hash the member subquery, reading every member of the
  // database once (as cheap as a village's probes on a small database, linear in its size);
  // within one village OFFSET 0 keeps the EXISTS from being hashed, so the cost is the village's
  // (docs/PERFORMANCE.md). Across a township the planner chooses: the township's probes cost
  // more than hashing a small database's members, and it turns to them as the database grows.
  const perHousehold = inOneVillage ? Prisma.sql` OFFSET 0` : Prisma.empty;
  return Prisma.join(terms.map((term) => {
    if (term.column === null) return Prisma.sql`FALSE`;
    const pattern = PATTERN[term.match](term.text);
    if (term.column === "name") {
      return Prisma.sql`h."headName" LIKE ${pattern} OR EXISTS (
        SELECT 1 FROM "Member" m WHERE m."householdId" = h."id" AND m."name" LIKE ${pattern}${perHousehold})`;
    }
    return Prisma.sql`h.${Prisma.raw(`"${term.column}"`)} LIKE ${pattern}`;
  }), " OR ", "(", ")");
}

type Row = {
  total: bigint; id: string | null; archiveNo: string; headName: string; phone: string | null; status: HouseholdStatus;
  villageId: string; villageName: string; groupId: string | null; groupName: string | null; members: number;
};

/**
 * Households within the actor's scope matching the search, by archive number, a page at a time.
 * One statement: the matches are found once, counted, and a page of them joined with what the
 * list shows (the scope check of a named village runs beside it).
 */
export function searchHouseholds(actor: Actor, query: SearchHouseholdsQuery) {
  return withLagTolerantReads(actor, () => findHouseholds(actor, query));
}

async function findHouseholds(actor: Actor, query: SearchHouseholdsQuery) {
  authorize(actor, "households.search");
  const inOneVillage = Boolean(query.villageId) || actor.role === "CLERK" || actor.role === "REPRESENTATIVE";
  const filters = [householdScopeSql(actor), searchSql(query.q, inOneVillage)];
  if (query.villageId) filters.push(Prisma.sql`h."villageId" = ${query.villageId}::uuid`);
  if (query.status) filters.push(Prisma.sql`h."status" = ${query.status}::"HouseholdStatus"`);
  const [, rows] = await Promise.all([
    // A list addressed to a village outside the scope answers 404 (ADR 0004), not an empty page.
    query.villageId ? loadVillageTarget(actor, "households.search", query.villageId) : null,
    db.$queryRaw<Row[]>`
      WITH matches AS (SELECT h."id", h."archiveNo" FROM "Household" h WHERE ${Prisma.join(filters, " AND ")})
      SELECT t."total", p.* FROM (SELECT count(*) AS "total" FROM matches) t
      LEFT JOIN LATERAL (
        SELECT h."id"::text, h."archiveNo", h."headName", h."phone", h."status"::text AS "status",
          v."id"::text AS "villageId", v."name" AS "villageName", g."id"::text AS "groupId", g."name" AS "groupName",
          (SELECT count(*)::int FROM "Member" m WHERE m."householdId" = h."id" AND m."active") AS "members"
        FROM (SELECT "id" FROM matches ORDER BY "archiveNo" LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) x
        JOIN "Household" h ON h."id" = x."id" JOIN "Village" v ON v."id" = h."villageId"
        LEFT JOIN "VillagerGroup" g ON g."id" = h."groupId"
      ) p ON TRUE
      ORDER BY p."archiveNo"`,
  ]);
  const items: HouseholdListItem[] = rows.flatMap(({ id, villageId, villageName, groupId, groupName, total: _, ...row }) => id ? [{
    id, ...row, village: { id: villageId, name: villageName }, group: groupId ? { id: groupId, name: groupName! } : null,
  }] : []);
  return { items, total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
}
