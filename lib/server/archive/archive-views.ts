import "server-only";
import { ageInDays, appealRefusal, isRectifiable } from "@/lib/domain/due-process";
import { chinaToday, dateToDay, dayToDate } from "@/lib/domain/entry-date";
import type { EligibilityEntry } from "@/lib/domain/eligibility";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArchiveEntry } from "@/lib/schemas/archive";
import { evidenceUrl } from "@/lib/schemas/evidence";

// An entry as the household's archive page shows it, with its due process, and as scoring and
// eligibility (lib/domain) take it.

/**
 * The approval of a rectification of a confirmed yellow: eligibility needs the day it stopped
 * counting. A yellow rectified before its review never counted (lib/domain/eligibility.ts).
 */
export const rectifiedAfterConfirmation = {
  events: { where: { type: "RECTIFIED", fromStatus: "CONFIRMED" }, orderBy: { chainSeq: "desc" }, take: 1, select: { createdAt: true } },
} as const satisfies Prisma.EntrySelect;

const photos = { orderBy: { createdAt: "asc" }, select: { id: true } } as const;

export const archiveEntrySelect = {
  id: true, category: true, status: true, marks: true, occurredOn: true, year: true, quarter: true,
  description: true, recordedAt: true,
  rule: { select: { code: true, title: true } },
  member: { select: { name: true } },
  evidence: photos,
  ...rectifiedAfterConfirmation,
  rectifications: {
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, note: true, createdAt: true, decidedAt: true, decisionReason: true, evidence: photos },
  },
  appeals: {
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, reason: true, createdAt: true, resolvedAt: true, resolution: true },
  },
} as const satisfies Prisma.EntrySelect;

type Row = Prisma.EntryGetPayload<{ select: typeof archiveEntrySelect }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const photoRefs = (list: { id: string }[]) => list.map(({ id }) => ({ id, url: evidenceUrl(id) }));

/** The entry as lib/domain scores it; a rectification counts from its day in China. */
export function toScoredEntry(
  row: Pick<Row, "category" | "status" | "marks" | "occurredOn" | "events">,
): EligibilityEntry {
  const rectified = row.events[0];
  return {
    category: row.category, status: row.status, marks: row.marks, occurredOn: row.occurredOn,
    rectifiedOn: rectified ? dayToDate(chinaToday(rectified.createdAt)) : null,
  };
}

export function toArchiveEntry(row: Row, now: Date): ArchiveEntry {
  return {
    id: row.id, category: row.category, status: row.status, marks: row.marks, occurredOn: dateToDay(row.occurredOn),
    year: row.year, quarter: row.quarter, description: row.description, recordedAt: row.recordedAt.toISOString(),
    rule: row.rule, member: row.member, evidence: photoRefs(row.evidence),
    rectifications: row.rectifications.map((r) => ({
      id: r.id, status: r.status, note: r.note, createdAt: r.createdAt.toISOString(), decidedAt: iso(r.decidedAt),
      decisionReason: r.decisionReason, evidence: photoRefs(r.evidence),
    })),
    appeals: row.appeals.map((a) => ({
      id: a.id, status: a.status, reason: a.reason, createdAt: a.createdAt.toISOString(),
      resolvedAt: iso(a.resolvedAt), resolution: a.resolution, ageDays: ageInDays(a.createdAt, a.resolvedAt ?? now),
    })),
    canRequestRectification: isRectifiable(row) && !row.rectifications.some((r) => r.status === "REQUESTED"),
    canAppeal: appealRefusal({ ...row, hasOpenAppeal: row.appeals.some((a) => a.status === "OPEN") }) === null,
  };
}
