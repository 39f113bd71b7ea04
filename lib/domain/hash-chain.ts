import { hash } from "node:crypto";

// Each household's entries and events form one chain ordered by chainSeq:
// hash = SHA-256(prevHash + "\n" + canonical JSON of the record). Changing any hashed
// field of a stored row, or removing or reordering a record, breaks every later link.
// The canonical content holds every column that decides who sees, counts or owns a record
// (docs/decisions/0008-threat-model.md); Entry.status is the one column left out, because it
// follows the events and is checked against them.

export type ChainedEntry = {
  kind: "entry";
  id: string;
  householdId: string;
  villageId: string; // decides which clerks and representatives see it
  memberId: string | null;
  ruleId: string;
  category: string;
  marks: number;
  occurredOn: Date; // a calendar date (stored as DATE)
  year: number; // the review and the rankings it counts in
  quarter: number;
  description: string;
  legalAuthority: string | null;
  legalDocumentNo: string | null;
  recordedById: string;
  recordedAt: Date;
  evidenceSha256: string[];
  chainSeq: number;
};

export type ChainedEvent = {
  kind: "event";
  id: string;
  entryId: string;
  householdId: string;
  type: string;
  fromStatus: string;
  toStatus: string;
  reason: string | null;
  actorId: string | null;
  reviewId: string | null;
  appealId: string | null;
  rectificationId: string | null;
  createdAt: Date;
  chainSeq: number;
  // A filing (APPEAL_LODGED, RECTIFICATION_REQUESTED): what the filing row holds beyond the
  // event's own columns; null for every other event.
  filing: ChainedFiling | null;
};

export type ChainedFiling = {
  viaAccessCode: boolean; // the filing session began with an access code a clerk issued
  evidenceSha256: string[]; // the photos sent with it
};

export type ChainRecord = ChainedEntry | ChainedEvent;

/**
 * Deterministic JSON: keys sorted at every level, arrays (of hashes) sorted, dates as ISO
 * strings (calendar dates as YYYY-MM-DD). Exactly JSON.stringify of a copy with sorted keys
 * (hash-chain.test.ts compares the two), written out directly because the seed and the
 * benchmark data hash millions of records and the copies cost more than the hashing.
 */
export function canonicalize(record: ChainRecord): string {
  return canonicalJson(record, "") ?? "null";
}

// A string JSON.stringify writes as it is between quotes: no quote, backslash, control character
// or surrogate (a lone surrogate is escaped; a pair takes the slow path and comes out the same).
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
const quote = (text: string): string => (PLAIN_STRING.test(text) ? `"${text}"` : JSON.stringify(text));

// `"key":` of each key (the few keys of the record types), and the keys in sorted order: the
// mappings in lib/server/chain/chain-records.ts write them sorted already, so no sort is needed.
const memberPrefixes = new Map<string, string>();
const prefixOf = (key: string): string => {
  let prefix = memberPrefixes.get(key);
  if (prefix === undefined) memberPrefixes.set(key, (prefix = `${JSON.stringify(key)}:`));
  return prefix;
};
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort();
  return keys;
}

// undefined for a value JSON.stringify leaves out of an object (undefined, a function).
function canonicalJson(value: unknown, key: string): string | undefined {
  if (typeof value === "string") return quote(value);
  if (value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null"; // as JSON.stringify writes numbers
  // An ISO date has nothing to escape.
  if (value instanceof Date) return `"${key === "occurredOn" ? value.toISOString().slice(0, 10) : value.toISOString()}"`;
  if (Array.isArray(value)) return JSON.stringify([...value].sort()); // the records' arrays hold hashes (strings)
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    let json = "";
    for (const k of sortedKeys(object)) {
      const member = canonicalJson(object[k], k);
      if (member !== undefined) json += (json ? "," : "{") + prefixOf(k) + member;
    }
    return json ? `${json}}` : "{}";
  }
  return JSON.stringify(value);
}

export function hashRecord(prevHash: string | null, record: ChainRecord): string {
  return hash("sha256", `${prevHash ?? ""}\n${canonicalize(record)}`);
}

export type StoredLink = { record: ChainRecord; prevHash: string | null; hash: string };

export type ChainBreak = {
  chainSeq: number;
  recordId: string;
  kind: ChainRecord["kind"];
  problem: "SEQUENCE_GAP" | "PREV_HASH_MISMATCH" | "HASH_MISMATCH" | "HEAD_MISMATCH";
};

/**
 * Verifies one household's chain. `links` must be every entry and event of the household,
 * ordered by chainSeq; `head` is what the household row says the last hash is.
 * Returns the first break, or null when the chain is intact.
 */
export function verifyChain(links: StoredLink[], head: string | null): ChainBreak | null {
  let prev: string | null = null;
  for (const [index, link] of links.entries()) {
    const { record } = link;
    const at = { chainSeq: record.chainSeq, recordId: record.id, kind: record.kind };
    if (record.chainSeq !== index + 1) return { ...at, problem: "SEQUENCE_GAP" };
    if (link.prevHash !== prev) return { ...at, problem: "PREV_HASH_MISMATCH" };
    if (hashRecord(prev, record) !== link.hash) return { ...at, problem: "HASH_MISMATCH" };
    prev = link.hash;
  }
  if (prev !== head) {
    const last = links.at(-1);
    return {
      chainSeq: last?.record.chainSeq ?? 0,
      recordId: last?.record.id ?? "",
      kind: last?.record.kind ?? "entry",
      problem: "HEAD_MISMATCH",
    };
  }
  return null;
}
