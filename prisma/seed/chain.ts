import { hashRecord } from "../../lib/domain/hash-chain";
import { entryChainRecord, eventChainRecord } from "../../lib/server/chain/chain-records";
import type { Draft } from "./entries";
import type { EntryRow, EventRow, HouseholdRow } from "./types";

// Each household's entries and events form ONE hash chain in chronological order
// (lib/domain/hash-chain.ts), hashed with the same row mapping the app records and verifies
// with. Seeded entries have no evidence photos.

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
      link.row.hash = hashRecord(prev, link.kind === "entry" ? entryChainRecord({ ...link.row, evidence: [] }) : eventChainRecord(link.row));
      prev = link.row.hash;
    }
    household.chainLength = links.length;
    household.chainHead = prev;
  }
}
