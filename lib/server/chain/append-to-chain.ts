import "server-only";
import { hashRecord } from "@/lib/domain/hash-chain";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryCategory, EntryEventType, EntryStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/server/errors";
import { entryChainRecord, eventChainRecord, type EventChainRow } from "./chain-records";
import { uuid7 } from "./uuid7";

// Every Entry and EntryEvent of a household is appended here, inside the caller's transaction:
// the household row is locked, so concurrent appends to one chain are serialized and each takes
// the next chainSeq and the current head. Timestamps are set here, with the millisecond
// precision of timestamp(3), so the hash covers exactly what is stored.

type Tx = Prisma.TransactionClient;

export type NewEntry = {
  householdId: string; memberId: string | null; villageId: string; ruleId: string;
  category: EntryCategory; marks: number; occurredOn: Date; year: number; quarter: number;
  description: string; legalAuthority: string | null; legalDocumentNo: string | null;
  recordedById: string; idempotencyKey: string | null;
};

export type NewEvent = {
  entryId: string; householdId: string; type: EntryEventType; fromStatus: EntryStatus; toStatus: EntryStatus;
  reason: string | null; actorId: string | null; reviewId?: string | null; appealId?: string | null;
  rectificationId?: string | null;
  // When a filing's row carries the time too (its createdAt must equal its event's); default now.
  at?: Date;
};

export type Appended = { id: string; chainSeq: number; hash: string; createdAt: Date };

type ChainState = { chainLength: number; chainHead: string | null };

/** Locks the household row until the transaction ends and returns its chain head. */
export async function lockChain(tx: Tx, householdId: string): Promise<ChainState> {
  const rows = await tx.$queryRaw<ChainState[]>`
    SELECT "chainLength", "chainHead" FROM "Household" WHERE "id" = ${householdId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
}

/**
 * Locks several households' rows in id order (two transactions locking overlapping sets cannot
 * deadlock) and returns their chain heads.
 */
export async function lockChains(tx: Tx, householdIds: string[]): Promise<Map<string, ChainState>> {
  const ids = [...new Set(householdIds)].sort();
  const rows = ids.length ? await tx.$queryRaw<(ChainState & { id: string })[]>`
    SELECT "id"::text AS "id", "chainLength", "chainHead" FROM "Household" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE` : [];
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "errors.notFound");
  return new Map(rows.map(({ id, ...head }) => [id, head]));
}

async function moveHead(tx: Tx, householdId: string, chainSeq: number, hash: string): Promise<void> {
  await tx.household.update({ where: { id: householdId }, data: { chainLength: chainSeq, chainHead: hash }, select: { id: true } });
}

/**
 * Appends an entry and attaches its evidence photos (uploaded earlier by the recorder, not yet
 * attached to anything); the photos' SHA-256 are part of the entry's hash.
 */
export async function appendEntry(tx: Tx, entry: NewEntry, evidenceIds: string[]): Promise<Appended> {
  const head = await lockChain(tx, entry.householdId);
  const unattached = { id: { in: evidenceIds }, uploadedById: entry.recordedById, entryId: null, rectificationId: null };
  const photos = evidenceIds.length
    ? await tx.evidencePhoto.findMany({ where: unattached, select: { sha256: true } })
    : [];
  if (photos.length !== evidenceIds.length) throw evidenceUnavailable();
  const row = { ...entry, id: uuid7(), recordedAt: new Date(), chainSeq: head.chainLength + 1, prevHash: head.chainHead };
  const hash = hashRecord(head.chainHead, entryChainRecord({ ...row, hash: "", status: "PENDING", evidence: photos }));
  await tx.entry.create({ data: { ...row, hash, status: "PENDING" }, select: { id: true } });
  if (evidenceIds.length) {
    const attached = await tx.evidencePhoto.updateMany({ where: unattached, data: { entryId: row.id } });
    if (attached.count !== evidenceIds.length) throw evidenceUnavailable();
  }
  await moveHead(tx, entry.householdId, row.chainSeq, hash);
  return { id: row.id, chainSeq: row.chainSeq, hash, createdAt: row.recordedAt };
}

/**
 * Appends events — changes of an entry's status (the caller updates Entry.status with them) or
 * due-process steps; a filing event comes after its row and photos, whose facts its hash covers —
 * in order, to the chains of one or many households in a few statements: each
 * event takes the next chainSeq and the running head of its household, exactly as appended one
 * by one (a quarterly review closes hundreds of entries at once).
 */
export async function appendEvents(tx: Tx, events: NewEvent[]): Promise<Appended[]> {
  if (events.length === 0) return [];
  const heads = await lockChains(tx, events.map((e) => e.householdId));
  const rows = [];
  for (const event of events) {
    const head = heads.get(event.householdId)!;
    const { at, ...columns } = event;
    const row = {
      ...columns, reviewId: event.reviewId ?? null, appealId: event.appealId ?? null,
      rectificationId: event.rectificationId ?? null, id: uuid7(), createdAt: at ?? new Date(), chainSeq: head.chainLength + 1, prevHash: head.chainHead,
    };
    const hash = hashRecord(head.chainHead, eventChainRecord({ ...row, hash: "", ...(await loadFiling(tx, row)) }));
    rows.push({ ...row, hash });
    heads.set(event.householdId, { chainLength: row.chainSeq, chainHead: hash });
  }
  await tx.entryEvent.createMany({ data: rows });
  const moved = [...new Set(events.map((e) => e.householdId))];
  if (moved.length === 1) {
    const head = heads.get(moved[0]!)!;
    await moveHead(tx, moved[0]!, head.chainLength, head.chainHead!);
  } else if (moved.length > 1) {
    const lengths = moved.map((id) => heads.get(id)!.chainLength);
    const hashes = moved.map((id) => heads.get(id)!.chainHead!);
    await tx.$executeRaw`
      UPDATE "Household" AS h SET "chainLength" = v."chainLength", "chainHead" = v."chainHead", "updatedAt" = ${new Date()}
      FROM unnest(${moved}::uuid[], ${lengths}::int[], ${hashes}::text[]) AS v("id", "chainLength", "chainHead") WHERE h."id" = v."id"`;
  }
  return rows.map((row) => ({ id: row.id, chainSeq: row.chainSeq, hash: row.hash, createdAt: row.createdAt }));
}

type FilingFacts = Pick<EventChainRow, "appeal" | "rectification">;

async function loadFiling(
  tx: Tx, event: { type: EntryEventType; appealId: string | null; rectificationId: string | null },
): Promise<FilingFacts> {
  const missing = () => new Error(`a ${event.type} event needs its row written first`);
  if (event.type === "APPEAL_LODGED") {
    if (!event.appealId) throw missing();
    const appeal = await tx.appeal.findUnique({ where: { id: event.appealId }, select: { filedViaAccessCode: true } });
    if (!appeal) throw missing();
    return { appeal, rectification: null };
  }
  if (event.type === "RECTIFICATION_REQUESTED") {
    if (!event.rectificationId) throw missing();
    const rectification = await tx.rectification.findUnique({
      where: { id: event.rectificationId }, select: { filedViaAccessCode: true, evidence: { select: { sha256: true } } },
    });
    if (!rectification) throw missing();
    return { appeal: null, rectification };
  }
  return { appeal: null, rectification: null };
}

// Another request attached one of the photos first (or it never was the caller's to attach).
const evidenceUnavailable = () =>
  new AppError("RULE_VIOLATION", "errors.evidenceUnavailable", undefined, { evidenceIds: "errors.evidenceUnavailable" });
