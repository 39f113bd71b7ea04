import "server-only";
import { rectifiableStatuses } from "@/lib/domain/due-process";
import { can, canOn, type Actor } from "@/lib/server/authz";
import { loadHouseholdTarget } from "@/lib/server/authz/targets";
import { db } from "@/lib/server/db";

/**
 * What waits on a household, for its own home page: a council's extract request it has to agree
 * to or refuse, what it has filed and is still being handled (appeals, rectification requests,
 * extracts the township has yet to issue), and what it may do. `firstEntryId` points at the entry
 * to open, so the page can link straight to it. A household holds a handful of these: the rows
 * are read by the household's own indexes.
 */
export type HouseholdTasks = {
  extractsAwaitingConsent: number;
  extractsRequested: number;
  openAppeals: { count: number; firstEntryId: string | null };
  openRectifications: { count: number; firstEntryId: string | null };
  rectifiableYellows: { count: number; firstEntryId: string | null };
  may: { rectify: boolean; appeal: boolean; requestExtract: boolean };
};

export async function countHouseholdTasks(actor: Actor, householdId: string): Promise<HouseholdTasks> {
  await loadHouseholdTarget(actor, "archive.read", householdId);
  const oldestFirst = { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }], select: { entryId: true } };
  const [awaiting, requested, appeals, rectifications, yellows] = await Promise.all([
    db.archiveExtract.count({ where: { householdId, status: "AWAITING_CONSENT" } }),
    db.archiveExtract.count({ where: { householdId, status: "REQUESTED" } }),
    db.appeal.findMany({ where: { householdId, status: "OPEN" }, ...oldestFirst }),
    db.rectification.findMany({ where: { householdId, status: "REQUESTED" }, ...oldestFirst }),
    // What the archive offers to rectify (archive-views.ts canRequestRectification): a yellow in a
    // rectifiable status without a request already open.
    db.entry.findMany({
      where: { householdId, category: "YELLOW", status: { in: rectifiableStatuses("YELLOW") }, rectifications: { none: { status: "REQUESTED" } } },
      orderBy: [{ occurredOn: "desc" }, { recordedAt: "desc" }], select: { id: true },
    }),
  ]);
  return {
    extractsAwaitingConsent: awaiting,
    extractsRequested: requested,
    openAppeals: { count: appeals.length, firstEntryId: appeals[0]?.entryId ?? null },
    openRectifications: { count: rectifications.length, firstEntryId: rectifications[0]?.entryId ?? null },
    rectifiableYellows: { count: yellows.length, firstEntryId: yellows[0]?.id ?? null },
    may: {
      rectify: can(actor, "rectifications.request"), appeal: can(actor, "appeals.lodge"),
      requestExtract: canOn(actor, "extracts.request", householdId),
    },
  };
}
