import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ListAccountsQuery } from "@/lib/schemas/accounts";
import { accountWhere, authorize, type Actor } from "@/lib/server/authz";
import { loadVillageTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";
import { escapeLike } from "@/lib/server/escape-like";
import { accountSelect, toAccountOutput } from "./account-record";

/** Accounts within the actor's scope, filtered and paged; the scope is part of the query. */
export async function listAccounts(actor: Actor, query: ListAccountsQuery) {
  authorize(actor, "accounts.read");
  const filters: Prisma.AccountWhereInput[] = [accountWhere(actor)];
  if (query.role) filters.push({ role: query.role });
  // A list addressed to a village outside the scope answers 404 (ADR 0004), not an empty page.
  if (query.villageId) await loadVillageTarget(actor, "accounts.read", query.villageId);
  if (query.villageId) filters.push({ villageId: query.villageId });
  if (query.active !== undefined) filters.push({ active: query.active });
  if (query.q) {
    const text = escapeLike(query.q);
    filters.push({
      OR: [
        { username: { contains: text, mode: "insensitive" } },
        { displayName: { contains: text, mode: "insensitive" } },
      ],
    });
  }
  const where = { AND: filters };
  const [rows, total] = await Promise.all([
    db.account.findMany({
      where, select: accountSelect, orderBy: [{ role: "asc" }, { username: "asc" }],
      skip: (query.page - 1) * query.pageSize, take: query.pageSize,
    }),
    db.account.count({ where }),
  ]);
  const now = new Date();
  return { items: rows.map((row) => toAccountOutput(row, now)), total, page: query.page, pageSize: query.pageSize };
}
