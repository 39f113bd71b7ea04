import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RectificationView } from "@/lib/schemas/rectifications";
import { evidenceUrl } from "@/lib/schemas/evidence";
import { db } from "@/lib/server/db";

// A rectification request as the council's queue and the API show it: only what they need.

export const rectificationSelect = {
  id: true, status: true, note: true, createdAt: true, decidedAt: true, decisionReason: true,
  requestedById: true, decidedById: true,
  evidence: { orderBy: { createdAt: "asc" }, select: { id: true } },
  household: { select: { id: true, archiveNo: true, headName: true } },
  entry: {
    select: {
      id: true, category: true, status: true, occurredOn: true, description: true,
      rule: { select: { code: true, title: true } },
    },
  },
} as const satisfies Prisma.RectificationSelect;

type Row = Prisma.RectificationGetPayload<{ select: typeof rectificationSelect }>;

/** Requests the caller has already been allowed to read, with the names of who asked and decided. */
export async function toRectificationViews(rows: Row[]): Promise<RectificationView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.decidedById ? [r.requestedById, r.decidedById] : [r.requestedById])))];
  const accounts = ids.length
    ? await db.account.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, role: true } })
    : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return rows.map(({ requestedById, decidedById, entry, ...row }) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    evidence: row.evidence.map(({ id }) => ({ id, url: evidenceUrl(id) })),
    entry: { ...entry, occurredOn: dateToDay(entry.occurredOn) },
    requestedBy: { displayName: byId.get(requestedById)?.displayName ?? "", isHousehold: byId.get(requestedById)?.role === "HOUSEHOLD" },
    decidedBy: decidedById ? { displayName: byId.get(decidedById)?.displayName ?? "" } : null,
  }));
}

/** One request, already authorized. */
export async function unsafeGetRectificationView(id: string): Promise<RectificationView> {
  const row = await db.rectification.findUniqueOrThrow({ where: { id }, select: rectificationSelect });
  const [view] = await toRectificationViews([row]);
  return view!;
}
