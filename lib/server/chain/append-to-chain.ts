import "server-only";
import { hashRecord } from "@/lib/domain/hash-chain";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EntryCategory, EntryEventType, EntryStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/server/errors";
import { entryChainRecord, eventChainRecord } from "./chain-records";
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
};

export type Appended = { id: string; chainSeq: number; hash: string };

type ChainState = { chainLength: number; chainHead: string | null };

/** Locks the household row until the transaction ends and returns its chain head. */
export async function lockChain(tx: Tx, householdId: string): Promise<ChainState> {
  const rows = await tx.$queryRaw<ChainState[]>`
    SELECT "chainLength", "chainHead" FROM "Household" WHERE "id" = ${householdId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  return row;
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
  return { id: row.id, chainSeq: row.chainSeq, hash };
}

/** Appends an event (a change of an entry's status); the caller updates Entry.status with it. */
export async function appendEvent(tx: Tx, event: NewEvent): Promise<Appended> {
  const head = await lockChain(tx, event.householdId);
  const row = {
    ...event, reviewId: event.reviewId ?? null, appealId: event.appealId ?? null,
    rectificationId: event.rectificationId ?? null, id: uuid7(), createdAt: new Date(), chainSeq: head.chainLength + 1, prevHash: head.chainHead,
  };
  const hash = hashRecord(head.chainHead, eventChainRecord({ ...row, hash: "" }));
  await tx.entryEvent.create({ data: { ...row, hash }, select: { id: true } });
  await moveHead(tx, event.householdId, row.chainSeq, hash);
  return { id: row.id, chainSeq: row.chainSeq, hash };
}

// Another request attached one of the photos first (or it never was the caller's to attach).
const evidenceUnavailable = () =>
  new AppError("RULE_VIOLATION", "errors.evidenceUnavailable", undefined, { evidenceIds: "errors.evidenceUnavailable" });
