import "server-only";
import type { HouseholdHistoryItem } from "@/lib/schemas/households";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { pageEnvelope, pageWindow, type Page, type Paging } from "@/lib/server/paging";
import { AppError } from "@/lib/server/errors";

const LIMIT = 200;

type JsonObject = Record<string, unknown>;
const asObject = (value: unknown): JsonObject | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : null;

/**
 * The change history of a household and its members, newest first: who changed what, when and
 * why, from the audit records written with each change. Where from (IP, browser) is left out.
 */
export async function listHouseholdHistory(actor: Actor, householdId: string, paging: Paging = {}): Promise<Page<HouseholdHistoryItem>> {
  authorize(actor, "households.read");
  const household = await db.household.findFirst({
    where: { AND: [householdWhere(actor), { id: householdId }] },
    select: { id: true, members: { select: { id: true } } },
  });
  if (!household) throw new AppError("NOT_FOUND", "errors.notFound");
  const where = {
    OR: [
      { targetType: "Household", targetId: household.id },
      { targetType: "Member", targetId: { in: household.members.map((m) => m.id) } },
    ],
  };
  const [rows, total] = await Promise.all([db.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    ...(paging.pageSize ? pageWindow(paging) : { take: LIMIT }),
    select: {
      id: true, action: true, createdAt: true, targetType: true, targetId: true, before: true, after: true,
      actor: { select: { id: true, displayName: true } },
    },
  }), db.auditLog.count({ where })]);
  const items = rows.map((row) => {
    const after = asObject(row.after);
    const { reason, ...rest } = after ?? {};
    return {
      id: String(row.id), action: row.action, at: row.createdAt.toISOString(), actor: row.actor,
      targetType: row.targetType as HouseholdHistoryItem["targetType"], targetId: row.targetId ?? "",
      before: asObject(row.before), after: after ? rest : null, reason: typeof reason === "string" ? reason : null,
    };
  });
  return pageEnvelope(items, total, paging);
}
