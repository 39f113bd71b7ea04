import "server-only";
import { verifyChain } from "@/lib/domain/hash-chain";
import { findFilingMismatch } from "@/lib/domain/hash-chain-due-process";
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
import { rehashEvidence, type StoredPhoto } from "./rehash-evidence";

// Verifies every household chain in the scope, a batch of households at a time, so that memory
// stays bounded however many households there are: one keyset-paginated query for the
// households, then one each for their entries (with evidence hashes), events, appeals,
// rectification requests and attached evidence photos, whose files are re-hashed.
// Reads only; nothing is written, so there is no audit record.

const BATCH = 1_000;
export const MAX_REPORTED_BREAKS = 1_000;

export type VerifyProgress = { households: number; records: number; broken: number };

type Household = { id: string; archiveNo: string; villageId: string; chainLength: number; chainHead: string | null };
type Photo = StoredPhoto & { householdId: string; chainSeq: number };

const appealSelect = {
  id: true, entryId: true, householdId: true, villageId: true, lodgedById: true, reason: true, createdAt: true,
  status: true, resolvedById: true, resolvedAt: true, resolution: true,
} as const;
const rectificationSelect = {
  id: true, entryId: true, householdId: true, requestedById: true, note: true, createdAt: true,
  status: true, decidedById: true, decidedAt: true, decisionReason: true,
} as const;
const photoSelect = {
  id: true, storageKey: true, sha256: true, entryId: true, rectificationId: true,
  entry: { select: { householdId: true } }, rectification: { select: { householdId: true } },
} as const;

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
  const totals = { households: 0, records: 0, evidenceFiles: 0, brokenTotal: 0 };
  let after: string | null = null;
  for (;;) {
    const batch = await readBatch(after === null ? where : { AND: [where, { archiveNo: { gt: after } }] });
    if (!batch) break;
    const { page } = batch;
    const result = await verifyBatch(batch);
    for (const problem of result.problems) {
      totals.brokenTotal += 1;
      if (broken.length < MAX_REPORTED_BREAKS) broken.push(problem);
    }
    totals.households += page.length;
    totals.records += result.records;
    totals.evidenceFiles += result.evidenceFiles;
    after = page.at(-1)!.archiveNo;
    onProgress?.({ households: totals.households, records: totals.records, broken: totals.brokenTotal });
    if (page.length < BATCH) break;
  }
  return { ...totals, durationMs: Math.round(performance.now() - started), broken };
}

/**
 * One batch of households and everything chained to them, read in one REPEATABLE READ
 * transaction: the app keeps appending while a verification runs, and reads taken at different
 * moments would report a record appended in between as a break.
 */
function readBatch(where: Prisma.HouseholdWhereInput) {
  return db.$transaction(async (tx) => {
    const page: Household[] = await tx.household.findMany({
      where, orderBy: { archiveNo: "asc" }, take: BATCH,
      select: { id: true, archiveNo: true, villageId: true, chainLength: true, chainHead: true },
    });
    if (page.length === 0) return null;
    const inPage = { householdId: { in: page.map((h) => h.id) } };
    const entries = await tx.entry.findMany({ where: inPage, select: entryChainSelect });
    const events = await tx.entryEvent.findMany({ where: inPage, select: eventChainSelect });
    const appeals = await tx.appeal.findMany({ where: inPage, select: appealSelect });
    const rectifications = await tx.rectification.findMany({ where: inPage, select: rectificationSelect });
    const photoRows = await tx.evidencePhoto.findMany({ where: { OR: [{ entry: inPage }, { rectification: inPage }] }, select: photoSelect });
    return { page, entries, events, appeals, rectifications, photoRows };
  }, { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 30_000 });
}

type Batch = NonNullable<Awaited<ReturnType<typeof readBatch>>>;

async function verifyBatch({ page, entries, events, appeals, rectifications, photoRows }: Batch) {
  const of = <T extends { householdId: string }>(rows: T[]) => groupBy(rows, (row) => row.householdId);
  const [entriesOf, eventsOf, appealsOf, rectificationsOf] = [of(entries), of(events), of(appeals), of(rectifications)];
  const photos = placePhotos(photoRows, entries, events);
  const evidenceProblems = await rehashEvidence(photos);
  const photosOf = of(photos);
  const problems: ChainBreakReport[] = [];
  for (const household of page) {
    const at = { householdId: household.id, archiveNo: household.archiveNo };
    const own = <T>(groups: Map<string, T[]>) => groups.get(household.id) ?? [];
    const problem = verifyHousehold(household, own(entriesOf), own(eventsOf), own(appealsOf), own(rectificationsOf));
    const photo = own(photosOf).find((p) => evidenceProblems.has(p.id));
    if (problem) problems.push({ ...at, ...problem });
    else if (photo) problems.push({ ...at, chainSeq: photo.chainSeq, recordId: photo.id, kind: "evidence", problem: evidenceProblems.get(photo.id)! });
  }
  return { problems, records: entries.length + events.length, evidenceFiles: photos.length };
}

type Problem = Omit<ChainBreakReport, "householdId" | "archiveNo">;

function verifyHousehold(
  household: Household, entries: EntryChainRow[], events: EventChainRow[],
  appeals: Prisma.AppealGetPayload<{ select: typeof appealSelect }>[],
  rectifications: Prisma.RectificationGetPayload<{ select: typeof rectificationSelect }>[],
): Problem | null {
  const links = householdLinks(entries, events);
  const chainBreak = verifyChain(links, household.chainHead);
  if (chainBreak) return chainBreak;
  const last = links.at(-1)?.record;
  if (household.chainLength !== links.length) {
    return { chainSeq: last?.chainSeq ?? 0, recordId: last?.id ?? "", kind: last?.kind ?? "entry", problem: "HEAD_MISMATCH" };
  }
  // The entries' villageId is hashed, the household's is not: a household moved to another
  // village (whose clerks would then see its archive) no longer matches its entries.
  const elsewhere = entries.find((e) => e.villageId !== household.villageId);
  if (elsewhere) return { chainSeq: elsewhere.chainSeq, recordId: elsewhere.id, kind: "entry", problem: "VILLAGE_MISMATCH" };
  const mismatch = findStatusMismatch(entries, events);
  if (mismatch) return { chainSeq: mismatch.chainSeq, recordId: mismatch.id, kind: "entry", problem: "STATUS_MISMATCH" };
  const filing = findFilingMismatch(household.id, entries, events, appeals, rectifications);
  if (filing) return { chainSeq: filing.chainSeq, recordId: filing.recordId, kind: filing.kind, problem: "FILING_MISMATCH", column: filing.column };
  return null;
}

/** Each attached photo with the household and chain position of the record that hashes it. */
function placePhotos(
  rows: Prisma.EvidencePhotoGetPayload<{ select: typeof photoSelect }>[], entries: EntryChainRow[], events: EventChainRow[],
): Photo[] {
  const entrySeq = new Map(entries.map((e) => [e.id, e.chainSeq]));
  const requestSeq = new Map(events.flatMap((e) => (e.type === "RECTIFICATION_REQUESTED" && e.rectificationId ? [[e.rectificationId, e.chainSeq]] : [])));
  return rows.map((row) => ({
    id: row.id, storageKey: row.storageKey, sha256: row.sha256,
    householdId: row.entry?.householdId ?? row.rectification!.householdId,
    chainSeq: (row.entryId ? entrySeq.get(row.entryId) : requestSeq.get(row.rectificationId ?? "")) ?? 0,
  }));
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
