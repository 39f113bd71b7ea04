import { hashRecord, type ChainRecord } from "../../lib/domain/hash-chain";
import type { Draft } from "./entries";
import type { EntryRow, EventRow, HouseholdRow } from "./types";

// Each household's entries and events form ONE hash chain in chronological order
// (lib/domain/hash-chain.ts). Seeded entries have no evidence photos: evidenceSha256 = [].

export function entryRecord(e: EntryRow): ChainRecord {
  return {
    kind: "entry", id: e.id, householdId: e.householdId, memberId: e.memberId, ruleId: e.ruleId,
    category: e.category, marks: e.marks, occurredOn: e.occurredOn, description: e.description,
    legalAuthority: e.legalAuthority, legalDocumentNo: e.legalDocumentNo, recordedById: e.recordedById,
    recordedAt: e.recordedAt, evidenceSha256: [], chainSeq: e.chainSeq,
  };
}

export function eventRecord(e: EventRow): ChainRecord {
  return {
    kind: "event", id: e.id, entryId: e.entryId, householdId: e.householdId, type: e.type,
    fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason, actorId: e.actorId,
    reviewId: e.reviewId, appealId: e.appealId, rectificationId: e.rectificationId,
    createdAt: e.createdAt, chainSeq: e.chainSeq,
  };
}

type Link = { at: number; order: number } & ({ kind: "entry"; row: EntryRow } | { kind: "event"; row: EventRow });

/**
 * Numbers and hashes the chains of the given households' drafts (entries with their events),
 * and sets chainLength/chainHead on the households.
 */
export function buildChains(households: HouseholdRow[], drafts: Draft[]): void {
  const byHousehold = new Map<string, Link[]>();
  let order = 0;
  for (const d of drafts) {
    const links = byHousehold.get(d.row.householdId) ?? [];
    links.push({ at: d.row.recordedAt.getTime(), order: order++, kind: "entry", row: d.row });
    for (const ev of d.events) {
      if (ev.createdAt.getTime() <= d.row.recordedAt.getTime()) throw new Error(`event ${ev.id} predates its entry`);
      links.push({ at: ev.createdAt.getTime(), order: order++, kind: "event", row: ev });
    }
    byHousehold.set(d.row.householdId, links);
  }
  for (const household of households) {
    const links = (byHousehold.get(household.id) ?? []).sort((a, b) => a.at - b.at || a.order - b.order);
    let prev: string | null = null;
    for (const [index, link] of links.entries()) {
      link.row.chainSeq = index + 1;
      link.row.prevHash = prev;
      link.row.hash = hashRecord(prev, link.kind === "entry" ? entryRecord(link.row) : eventRecord(link.row));
      prev = link.row.hash;
    }
    household.chainLength = links.length;
    household.chainHead = prev;
  }
}
