import "server-only";
import { verifyChain } from "@/lib/domain/hash-chain";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChainBreakReport, ChainVerification } from "@/lib/schemas/chains";
import { authorize, householdWhere, type Actor } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import {
  entryChainSelect,
  eventChainSelect,
  findStatusMismatch,
  householdLinks,
  type EntryChainRow,
  type EventChainRow,
} from "./chain-records";

// Verifies every household chain in the scope, a batch of households at a time, so that memory
// stays bounded however many households there are: one keyset-paginated query for the
// households, then one for their entries (with evidence hashes) and one for their events.
// Reads only; nothing is written, so there is no audit record.

const BATCH = 1_000;
export const MAX_REPORTED_BREAKS = 1_000;

export type VerifyProgress = { households: number; records: number; broken: number };

/**
 * Verifies the chains of the households matching `where` (callers have authorized it; the
 * command line verifies all). Breaks are listed by archive number, the first of each chain.
 */
export async function unsafeVerifyChains(
  where: Prisma.HouseholdWhereInput,
  onProgress?: (progress: VerifyProgress) => void,
): Promise<ChainVerification> {
  const started = performance.now();
  const broken: ChainBreakReport[] = [];
  let households = 0;
  let records = 0;
  let brokenTotal = 0;
  let after: string | null = null;
  for (;;) {
    const page: { id: string; archiveNo: string; chainHead: string | null }[] = await db.household.findMany({
      where: after === null ? where : { AND: [where, { archiveNo: { gt: after } }] },
      orderBy: { archiveNo: "asc" },
      take: BATCH,
      select: { id: true, archiveNo: true, chainHead: true },
    });
    if (page.length === 0) break;
    const ids = page.map((h) => h.id);
    const [entries, events] = await Promise.all([
      db.entry.findMany({ where: { householdId: { in: ids } }, select: entryChainSelect }),
      db.entryEvent.findMany({ where: { householdId: { in: ids } }, select: eventChainSelect }),
    ]);
    const entriesOf = groupBy(entries, (e) => e.householdId);
    const eventsOf = groupBy(events, (e) => e.householdId);
    for (const household of page) {
      const problem = verifyHousehold(household, entriesOf.get(household.id) ?? [], eventsOf.get(household.id) ?? []);
      if (!problem) continue;
      brokenTotal += 1;
      if (broken.length < MAX_REPORTED_BREAKS) broken.push(problem);
    }
    households += page.length;
    records += entries.length + events.length;
    after = page.at(-1)!.archiveNo;
    onProgress?.({ households, records, broken: brokenTotal });
    if (page.length < BATCH) break;
  }
  return { households, records, durationMs: Math.round(performance.now() - started), brokenTotal, broken };
}

function verifyHousehold(
  household: { id: string; archiveNo: string; chainHead: string | null },
  entries: EntryChainRow[],
  events: EventChainRow[],
): ChainBreakReport | null {
  const at = { householdId: household.id, archiveNo: household.archiveNo };
  const chainBreak = verifyChain(householdLinks(entries, events), household.chainHead);
  if (chainBreak) return { ...at, ...chainBreak };
  const mismatch = findStatusMismatch(entries, events);
  if (mismatch) return { ...at, chainSeq: mismatch.chainSeq, recordId: mismatch.id, kind: "entry", problem: "STATUS_MISMATCH" };
  return null;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * DESIGN.md: "a command and an admin page verify every chain". An admin verifies every
 * household; a township official the households of its own township.
 */
export async function verifyAllChains(actor: Actor): Promise<ChainVerification> {
  authorize(actor, "chains.verify");
  return unsafeVerifyChains(householdWhere(actor));
}
