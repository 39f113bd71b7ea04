import "server-only";
import { dateToDay } from "@/lib/domain/entry-date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryDetail, EntrySummary } from "@/lib/schemas/entries";
import { evidenceUrl } from "@/lib/schemas/evidence";
import { db } from "@/lib/server/db";

// What the pages and the API show of an entry: only the fields they need, never whole rows.

export const entrySummarySelect = {
  id: true, category: true, marks: true, occurredOn: true, year: true, quarter: true,
  description: true, status: true, recordedAt: true,
  household: { select: { id: true, archiveNo: true, headName: true } },
  member: { select: { id: true, name: true } },
  rule: { select: { id: true, code: true, title: true } },
} as const satisfies Prisma.EntrySelect;

export const entryDetailSelect = {
  ...entrySummarySelect,
  villageId: true, legalAuthority: true, legalDocumentNo: true, recordedById: true,
  evidence: {
    orderBy: { createdAt: "asc" },
    select: { id: true, mimeType: true, width: true, height: true, bytes: true, sha256: true },
  },
  events: {
    orderBy: { chainSeq: "asc" },
    select: { id: true, type: true, fromStatus: true, toStatus: true, reason: true, actorId: true, createdAt: true },
  },
} as const satisfies Prisma.EntrySelect;

type SummaryRow = Prisma.EntryGetPayload<{ select: typeof entrySummarySelect }>;
type DetailRow = Prisma.EntryGetPayload<{ select: typeof entryDetailSelect }>;

export function toEntrySummary(row: SummaryRow, evidenceCount: number): EntrySummary {
  return {
    id: row.id, household: row.household, member: row.member, rule: row.rule, category: row.category,
    marks: row.marks, occurredOn: dateToDay(row.occurredOn), year: row.year, quarter: row.quarter,
    description: row.description, status: row.status, recordedAt: row.recordedAt.toISOString(), evidenceCount,
  };
}

/** The detail of an entry the caller has already been allowed to read. */
export async function toEntryDetail(row: DetailRow): Promise<EntryDetail> {
  const actorIds = [row.recordedById, ...row.events.flatMap((e) => (e.actorId ? [e.actorId] : []))];
  const accounts = await db.account.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
  const nameOf = (id: string) => ({ displayName: accounts.find((a) => a.id === id)?.displayName ?? "" });
  const { evidenceCount: _count, ...summary } = toEntrySummary(row, row.evidence.length);
  return {
    ...summary,
    villageId: row.villageId, legalAuthority: row.legalAuthority, legalDocumentNo: row.legalDocumentNo,
    recordedBy: nameOf(row.recordedById),
    evidence: row.evidence.map((photo) => ({ ...photo, url: evidenceUrl(photo.id) })),
    events: row.events.map((e) => ({
      id: e.id, type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason,
      actor: e.actorId ? nameOf(e.actorId) : null, createdAt: e.createdAt.toISOString(),
    })),
  };
}
