import { hashRecord } from "../../lib/domain/hash-chain";
import { entryChainRecord, eventChainRecord, type FilingRow } from "../../lib/server/chain/chain-records";
import type { Draft } from "./entries";
import type { AppealRow, EntryRow, EventRow, HouseholdRow, RectificationRow } from "./types";

// Each household's entries and events form ONE hash chain in chronological order
// (lib/domain/hash-chain.ts), hashed with the same row mapping the app records and verifies
// with. Seeded entries and rectification requests have no evidence photos.

type Link = { at: number; order: number } & ({ kind: "entry"; row: EntryRow } | { kind: "event"; row: EventRow });

export type Filings = { appeals: AppealRow[]; rectifications: RectificationRow[] };

/**
 * Numbers and hashes the chains of the given households' drafts (entries with their events,
 * filing events with the appeals and rectification requests they file), and sets
 * chainLength/chainHead on the households.
 */
export function buildChains(households: HouseholdRow[], drafts: Draft[], filings: Filings): void {
  const filing = (row: { filedViaAccessCode: boolean }): FilingRow => ({ filedViaAccessCode: row.filedViaAccessCode, evidence: [] });
  const appeals = new Map(filings.appeals.map((a) => [a.id, filing(a)]));
  const rectifications = new Map(filings.rectifications.map((r) => [r.id, filing(r)]));
  const eventRecord = (row: EventRow) => eventChainRecord({
    ...row, appeal: appeals.get(row.appealId ?? "") ?? null, rectification: rectifications.get(row.rectificationId ?? "") ?? null,
  });
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
      link.row.hash = hashRecord(prev, link.kind === "entry" ? entryChainRecord({ ...link.row, evidence: [] }) : eventRecord(link.row));
      prev = link.row.hash;
    }
    household.chainLength = links.length;
    household.chainHead = prev;
  }
}
