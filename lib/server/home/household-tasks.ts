import "server-only";
import type { ArchiveSection } from "@/lib/server/archive/load-archive-section";

/**
 * What waits on a household, for its own home page: a council's extract request it has to agree
 * to or refuse, what it has filed and is still being handled (appeals, rectification requests,
 * extracts the township has yet to issue), and what it may do. `firstEntryId` points at the entry
 * to open, so the page can link straight to it.
 */
export type HouseholdTasks = {
  extractsAwaitingConsent: number;
  extractsRequested: number;
  openAppeals: { count: number; firstEntryId: string | null };
  openRectifications: { count: number; firstEntryId: string | null };
  rectifiableYellows: { count: number; firstEntryId: string | null };
  may: { rectify: boolean; appeal: boolean; requestExtract: boolean };
};

type Filing = { entryId: string; id: string; createdAt: string };

/**
 * The tasks as read from the archive section the home shows below them (loaded once, by
 * lib/server/home/load-household-home.ts), so that each counts what its link leads to: the
 * entries, and the extracts the section lists.
 */
export function householdTasksOf({ archive, may, extracts }: ArchiveSection): HouseholdTasks {
  const appeals = archive.entries.flatMap((e) => e.appeals.filter((a) => a.status === "OPEN").map((a) => ({ ...a, entryId: e.id })));
  const rectifications = archive.entries.flatMap((e) => e.rectifications.filter((r) => r.status === "REQUESTED").map((r) => ({ ...r, entryId: e.id })));
  // The archive lists the latest occurrence first: the same order as the yellows are offered in.
  const yellows = archive.entries.filter((e) => e.canRequestRectification);
  const extractsIn = (status: "AWAITING_CONSENT" | "REQUESTED") => extracts?.items.filter((x) => x.status === status).length ?? 0;
  return {
    extractsAwaitingConsent: extractsIn("AWAITING_CONSENT"),
    extractsRequested: extractsIn("REQUESTED"),
    openAppeals: oldestFirst(appeals),
    openRectifications: oldestFirst(rectifications),
    rectifiableYellows: { count: yellows.length, firstEntryId: yellows[0]?.id ?? null },
    may: { rectify: may.rectify, appeal: may.appeal, requestExtract: extracts?.mayRequest ?? false },
  };
}

/** How many filings are open, and the entry of the one waiting longest (ties by id, as the database orders them). */
function oldestFirst(filings: Filing[]): { count: number; firstEntryId: string | null } {
  const key = (f: Filing) => `${f.createdAt} ${f.id}`;
  const first = filings.reduce<Filing | undefined>((oldest, f) => (!oldest || key(f) < key(oldest) ? f : oldest), undefined);
  return { count: filings.length, firstEntryId: first?.entryId ?? null };
}
