import "server-only";
import type { ChainedEntry, ChainedEvent, ChainedFiling, StoredLink } from "@/lib/domain/hash-chain";

// Stored Entry and EntryEvent rows as the hash chain sees them (lib/domain/hash-chain.ts): the
// one mapping used by the seed, the recording use cases and verification. `occurredOn` arrives
// from its DATE column as UTC midnight, timestamps as stored.

export const entryChainSelect = {
  id: true, householdId: true, villageId: true, memberId: true, ruleId: true, category: true, marks: true,
  occurredOn: true, year: true, quarter: true, description: true, legalAuthority: true, legalDocumentNo: true,
  recordedById: true, recordedAt: true, chainSeq: true, prevHash: true, hash: true, status: true,
  evidence: { select: { sha256: true } },
} as const;

// A filing event hashes what its appeal or rectification row holds beyond the event's columns.
export const eventChainSelect = {
  id: true, entryId: true, householdId: true, type: true, fromStatus: true, toStatus: true,
  reason: true, actorId: true, reviewId: true, appealId: true, rectificationId: true,
  createdAt: true, chainSeq: true, prevHash: true, hash: true,
  appeal: { select: { filedViaAccessCode: true } },
  rectification: { select: { filedViaAccessCode: true, evidence: { select: { sha256: true } } } },
} as const;

export type EntryChainRow = {
  id: string; householdId: string; villageId: string; memberId: string | null; ruleId: string; category: string;
  marks: number; occurredOn: Date; year: number; quarter: number; description: string; legalAuthority: string | null;
  legalDocumentNo: string | null; recordedById: string; recordedAt: Date; chainSeq: number;
  prevHash: string | null; hash: string; status: string; evidence: { sha256: string }[];
};

export type FilingRow = { filedViaAccessCode: boolean; evidence?: { sha256: string }[] };

export type EventChainRow = {
  id: string; entryId: string; householdId: string; type: string; fromStatus: string;
  toStatus: string; reason: string | null; actorId: string | null; reviewId: string | null;
  appealId: string | null; rectificationId: string | null; createdAt: Date; chainSeq: number;
  prevHash: string | null; hash: string; appeal: FilingRow | null; rectification: FilingRow | null;
};

// The records' keys are written in sorted order: canonicalize then finds them sorted.
export function entryChainRecord(row: EntryChainRow): ChainedEntry {
  return {
    category: row.category, chainSeq: row.chainSeq, description: row.description,
    evidenceSha256: row.evidence.map((photo) => photo.sha256), householdId: row.householdId, id: row.id, kind: "entry",
    legalAuthority: row.legalAuthority, legalDocumentNo: row.legalDocumentNo, marks: row.marks, memberId: row.memberId,
    occurredOn: row.occurredOn, quarter: row.quarter, recordedAt: row.recordedAt, recordedById: row.recordedById,
    ruleId: row.ruleId, villageId: row.villageId, year: row.year,
  };
}

export function eventChainRecord(row: EventChainRow): ChainedEvent {
  return {
    actorId: row.actorId, appealId: row.appealId, chainSeq: row.chainSeq, createdAt: row.createdAt, entryId: row.entryId,
    filing: filingOf(row), fromStatus: row.fromStatus, householdId: row.householdId, id: row.id, kind: "event",
    reason: row.reason, rectificationId: row.rectificationId, reviewId: row.reviewId, toStatus: row.toStatus, type: row.type,
  };
}

// The filing row missing (it cannot be, while the foreign key holds) hashes as "no filing",
// which no stored hash matches.
function filingOf(row: EventChainRow): ChainedFiling | null {
  const filing = row.type === "APPEAL_LODGED" ? row.appeal : row.type === "RECTIFICATION_REQUESTED" ? row.rectification : null;
  if (!filing) return null;
  return { evidenceSha256: (filing.evidence ?? []).map((photo) => photo.sha256), viaAccessCode: filing.filedViaAccessCode };
}

/** One household's stored links, ordered by chainSeq as verifyChain expects. */
export function householdLinks(entries: EntryChainRow[], events: EventChainRow[]): StoredLink[] {
  const links: StoredLink[] = [
    ...entries.map((row) => ({ record: entryChainRecord(row), prevHash: row.prevHash, hash: row.hash })),
    ...events.map((row) => ({ record: eventChainRecord(row), prevHash: row.prevHash, hash: row.hash })),
  ];
  return links.sort((a, b) => a.record.chainSeq - b.record.chainSeq);
}

/**
 * Entry.status is the one column updated in place and it is not hashed: it must equal what the
 * chained events say (the last event's toStatus, PENDING before any). Otherwise a black could be
 * made to look voided by editing one column. Returns the first entry whose status disagrees.
 */
export function findStatusMismatch(entries: EntryChainRow[], events: EventChainRow[]): EntryChainRow | null {
  const latest = new Map<string, EventChainRow>();
  for (const event of events) {
    const seen = latest.get(event.entryId);
    if (!seen || seen.chainSeq < event.chainSeq) latest.set(event.entryId, event);
  }
  const sorted = [...entries].sort((a, b) => a.chainSeq - b.chainSeq);
  return sorted.find((entry) => entry.status !== (latest.get(entry.id)?.toStatus ?? "PENDING")) ?? null;
}
