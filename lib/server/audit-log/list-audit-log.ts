import "server-only";
import { isAuditAction } from "@/lib/domain/audit-vocabulary";
import { chinaDayStart, dayAfter } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditLogPage, AuditLogQuery } from "@/lib/schemas/audit-log";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { auditWhere, authorize } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { escapeLike } from "@/lib/server/escape-like";

const recordSelect = {
  id: true, createdAt: true, action: true, targetType: true, targetId: true, townshipId: true,
  villageId: true, before: true, after: true, ip: true, userAgent: true,
  actor: { select: { username: true, displayName: true } },
} as const;

/**
 * Audit records, newest first, scoped to what the actor may see (an official: its township).
 * Keyset paging on (createdAt, id): pages stay stable while new records arrive, and an
 * official's query walks the (townshipId, createdAt) index.
 */
export async function listAuditLog(actor: AuthenticatedActor, query: AuditLogQuery): Promise<AuditLogPage> {
  authorize(actor, "audit.read");
  const actorId = query.actor ? await findAccountId(query.actor) : undefined;
  if (actorId === null) return { items: [], nextCursor: null };
  const rows = await db.auditLog.findMany({
    where: { AND: [auditWhere(actor), filtersWhere(query, actorId), cursorWhere(query.cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: recordSelect,
    take: query.pageSize + 1,
  });
  const page = rows.slice(0, query.pageSize);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      id: row.id.toString(),
      createdAt: row.createdAt.toISOString(),
      before: row.before ?? null,
      after: row.after ?? null,
    })),
    nextCursor: rows.length > query.pageSize && last ? `${last.createdAt.getTime()}-${last.id}` : null,
  };
}

// Staff usernames are lower case and archive numbers upper case; trying both finds either as
// typed, through the unique index rather than a case-insensitive scan of every account.
async function findAccountId(username: string): Promise<string | null> {
  const account = await db.account.findFirst({
    where: { username: { in: [username, username.toLowerCase(), username.toUpperCase()] } },
    select: { id: true },
  });
  return account?.id ?? null;
}

function filtersWhere(query: AuditLogQuery, actorId: string | undefined): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  // A whole action's name is that action ("auth.signIn", not also "auth.signIn.failed"); any
  // other text is the start of the actions wanted ("auth.", "token").
  if (query.action) where.action = isAuditAction(query.action) ? query.action : { startsWith: escapeLike(query.action) };
  if (actorId) where.actorId = actorId;
  if (query.targetType) where.targetType = query.targetType;
  if (query.targetId) where.targetId = query.targetId;
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: chinaDayStart(query.from) } : {}),
      ...(query.to ? { lt: chinaDayStart(dayAfter(query.to)) } : {}),
    };
  }
  return where;
}

function cursorWhere(cursor: string | undefined): Prisma.AuditLogWhereInput {
  if (!cursor) return {};
  const [ms, id] = cursor.split("-");
  const createdAt = new Date(Number(ms));
  const lastId = BigInt(id ?? "0");
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: lastId } }] };
}
