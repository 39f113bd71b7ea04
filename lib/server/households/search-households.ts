import "server-only";
import { initialsOfPinyinQuery } from "@/lib/domain/pinyin-query";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HouseholdListItem, SearchHouseholdsQuery } from "@/lib/schemas/households";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { escapeLike } from "@/lib/server/escape-like";

const HAN = /\p{Script=Han}/u;

/**
 * What a search box entry can mean. Each kind of text is tried only against the columns it can
 * match, so that "zjg" uses the (villageId, headInitials) index and "JS-XH-0001" the archive
 * number's unique index, rather than every search scanning members' names. Letters are pinyin:
 * initials as typed, and the initials of the syllables they spell ("zhangjg" → "zjg").
 */
export function searchConditions(raw: string): Prisma.HouseholdWhereInput[] {
  const q = raw.trim();
  if (!q) return [];
  if (HAN.test(q)) {
    const text = escapeLike(q);
    return [{ headName: { contains: text } }, { members: { some: { name: { contains: text } } } }];
  }
  const or: Prisma.HouseholdWhereInput[] = [];
  // Archive numbers are upper case by construction (township and village codes are stored so),
  // so an upper-cased prefix is a case-insensitive match that can still use the index.
  if (/^[\w-]+$/.test(q)) or.push({ archiveNo: { startsWith: escapeLike(q.toUpperCase()) } });
  const letters = q.replace(/[\s']/g, "");
  if (/^[a-z]+$/i.test(letters)) {
    const initials = new Set([letters.toLowerCase(), initialsOfPinyinQuery(letters) ?? ""].filter(Boolean));
    for (const prefix of initials) or.push({ headInitials: { startsWith: prefix } });
  }
  const digits = q.replace(/[\s-]/g, "");
  if (/^\d{3,}$/.test(digits)) or.push({ phone: { contains: digits } });
  // A clerk on a phone types "12" for JS-XH-00012 of her own village.
  if (/^\d{1,5}$/.test(q)) or.push({ archiveNo: { endsWith: `-${q.padStart(5, "0")}` } });
  return or.length ? or : [{ id: { in: [] } }];
}

/** Households within the actor's scope matching the search, by archive number, a page at a time. */
export async function searchHouseholds(actor: Actor, query: SearchHouseholdsQuery) {
  authorize(actor, "households.search");
  const filters: Prisma.HouseholdWhereInput[] = [householdWhere(actor)];
  // A list addressed to a village outside the scope answers 404 (ADR 0004), not an empty page.
  if (query.villageId) await loadVillageTarget(actor, "households.search", query.villageId);
  if (query.villageId) filters.push({ villageId: query.villageId });
  if (query.status) filters.push({ status: query.status });
  const or = searchConditions(query.q);
  if (or.length) filters.push({ OR: or });
  const where = { AND: filters };
  const [total, rows] = await Promise.all([
    db.household.count({ where }),
    db.household.findMany({
      where, orderBy: { archiveNo: "asc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize,
      select: {
        id: true, archiveNo: true, headName: true, phone: true, status: true,
        village: { select: { id: true, name: true } }, group: { select: { id: true, name: true } },
        _count: { select: { members: { where: { active: true } } } },
      },
    }),
  ]);
  const items: HouseholdListItem[] = rows.map(({ _count, ...row }) => ({ ...row, members: _count.members }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
