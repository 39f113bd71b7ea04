import { describe, expect, it } from "vitest";
import { canonicalize, hashRecord, verifyChain, type ChainRecord, type StoredLink } from "./hash-chain";

const entry: ChainRecord = {
  kind: "entry",
  id: "e1",
  householdId: "h1",
  villageId: "v1",
  memberId: null,
  ruleId: "r1",
  category: "RED",
  marks: 1,
  occurredOn: new Date("2026-05-03T00:00:00Z"),
  year: 2026,
  quarter: 2,
  description: "归还拾到的一袋油菜籽",
  legalAuthority: null,
  legalDocumentNo: null,
  recordedById: "a1",
  recordedAt: new Date("2026-05-04T08:30:00Z"),
  evidenceSha256: ["bb", "aa"],
  chainSeq: 1,
};
const event: ChainRecord = {
  kind: "event",
  id: "v1",
  entryId: "e1",
  householdId: "h1",
  type: "CONFIRMED",
  fromStatus: "PENDING",
  toStatus: "CONFIRMED",
  reason: null,
  actorId: null,
  reviewId: "q1",
  appealId: null,
  rectificationId: null,
  createdAt: new Date("2026-07-10T02:00:00Z"),
  chainSeq: 2,
  filing: null,
};
const lodged: ChainRecord = {
  ...event, id: "v2", type: "APPEAL_LODGED", fromStatus: "CONFIRMED", toStatus: "CONFIRMED", reason: "记录的不是我家",
  actorId: "a2", reviewId: null, appealId: "p1", createdAt: new Date("2026-07-12T02:00:00Z"), chainSeq: 3,
  filing: { viaAccessCode: true, evidenceSha256: ["dd", "cc"] },
};

function chain(records: ChainRecord[]): StoredLink[] {
  let prev: string | null = null;
  return records.map((record) => {
    const link = { record, prevHash: prev, hash: hashRecord(prev, record) };
    prev = link.hash;
    return link;
  });
}

describe("canonicalize", () => {
  it("is independent of key order and evidence order, and writes calendar dates as days", () => {
    const reordered = { ...entry, evidenceSha256: ["aa", "bb"] };
    expect(canonicalize(reordered)).toBe(canonicalize(entry));
    expect(canonicalize(entry)).toContain('"occurredOn":"2026-05-03"');
    expect(canonicalize(entry)).toContain('"recordedAt":"2026-05-04T08:30:00.000Z"');
  });

  it("sorts the keys and hashes of a filing too", () => {
    const reordered = { ...lodged, filing: { evidenceSha256: ["cc", "dd"], viaAccessCode: true } };
    expect(canonicalize(reordered)).toBe(canonicalize(lodged));
    expect(canonicalize(lodged)).toContain('"filing":{"evidenceSha256":["cc","dd"],"viaAccessCode":true}');
    expect(canonicalize(event)).toContain('"filing":null');
  });

  // Every column that decides who sees, counts or owns a record (issue 7, point 6).
  it.each([
    ["villageId", "v2"], ["year", 2025], ["quarter", 3], ["householdId", "h2"], ["memberId", "m1"], ["category", "BLACK"],
    ["marks", 2], ["ruleId", "r2"], ["occurredOn", new Date("2026-05-04T00:00:00Z")], ["recordedById", "a9"], ["evidenceSha256", ["aa"]],
  ] as const)("changes an entry's hash when its %s changes", (column, value) => {
    expect(hashRecord(null, { ...entry, [column]: value } as ChainRecord)).not.toBe(hashRecord(null, entry));
  });

  it.each([
    ["reason", "改过的理由"], ["actorId", "a3"], ["type", "APPEAL_DISMISSED"], ["appealId", "p2"], ["entryId", "e2"],
    ["filing", { viaAccessCode: false, evidenceSha256: ["dd", "cc"] }], ["filing", { viaAccessCode: true, evidenceSha256: ["dd"] }],
  ] as const)("changes a filing's hash when its %s changes", (column, value) => {
    expect(hashRecord("x", { ...lodged, [column]: value } as ChainRecord)).not.toBe(hashRecord("x", lodged));
  });
});

// What canonicalize wrote before it was written out directly: JSON.stringify of a copy with
// sorted keys. The chains already stored were hashed with it, so the two must agree byte for byte.
function sortedCopyJson(record: ChainRecord): string {
  const plain = (value: unknown, key = ""): unknown => {
    if (value instanceof Date) return key === "occurredOn" ? value.toISOString().slice(0, 10) : value.toISOString();
    if (Array.isArray(value)) return value.map((item) => plain(item)).sort();
    if (value !== null && typeof value === "object") {
      const object = value as Record<string, unknown>;
      return Object.fromEntries(Object.keys(object).sort().map((k) => [k, plain(object[k], k)]));
    }
    return value;
  };
  return JSON.stringify(plain(record));
}

describe("canonicalize against the sorted-copy JSON", () => {
  const texts = ["", "归还拾到的一袋油菜籽", 'quote " backslash \\ slash /', "tab\tnewline\n\u0001\u001f", "\u2028\u2029", "emoji 🏡", "lone \ud800 surrogate", "é"];
  const numbers = [0, -0, 1, -3, 2.5, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY];
  const dates = [new Date("2026-05-03T00:00:00Z"), new Date("2019-01-01T15:59:59.999Z"), new Date(0), new Date("+010000-01-01T00:00:00Z")];
  const hashes = ["aa", "AA", "b", "a b", "", "ff".repeat(32), "0".repeat(64)];
  let state = 11;
  const pick = <T,>(values: T[]): T => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return values[state % values.length]!;
  };
  const orNull = <T,>(values: T[]): T | null => pick([null, ...values]);
  const someHashes = () => hashes.filter(() => pick([true, false]));

  it("writes the same bytes for varied entries and events (key order shuffled, values left undefined)", () => {
    for (let i = 0; i < 400; i += 1) {
      const entryRecord: ChainRecord = {
        ...entry, id: pick(texts), memberId: orNull(texts), category: pick(texts), marks: pick(numbers), occurredOn: pick(dates),
        year: pick(numbers), description: pick(texts), legalAuthority: orNull(texts), legalDocumentNo: orNull(texts),
        recordedAt: pick(dates), evidenceSha256: someHashes(), chainSeq: pick(numbers),
      };
      const eventRecord: ChainRecord = {
        ...event, reason: orNull(texts), actorId: orNull(texts), appealId: orNull(texts), createdAt: pick(dates), chainSeq: pick(numbers),
        filing: pick([null, { viaAccessCode: pick([true, false]), evidenceSha256: someHashes() }]),
      };
      for (const record of [entryRecord, eventRecord]) {
        const shuffled = Object.fromEntries(Object.entries(record).sort(() => pick([-1, 1]))) as ChainRecord;
        const withUndefined = { ...record, [pick(Object.keys(record))]: undefined } as unknown as ChainRecord;
        for (const variant of [record, shuffled, withUndefined]) expect(canonicalize(variant)).toBe(sortedCopyJson(variant));
      }
    }
  });
});

describe("verifyChain", () => {
  it("accepts an intact chain and an empty one", () => {
    const links = chain([entry, event, lodged]);
    expect(verifyChain(links, links[2]!.hash)).toBeNull();
    expect(verifyChain([], null)).toBeNull();
  });

  it("names the record whose content was changed", () => {
    const links = chain([entry, event]);
    links[0] = { ...links[0]!, record: { ...entry, description: "篡改" } };
    expect(verifyChain(links, links[1]!.hash)).toMatchObject({ recordId: "e1", problem: "HASH_MISMATCH" });
  });

  it("detects a removed record, a relinked record and a stale head", () => {
    const links = chain([entry, event]);
    expect(verifyChain([links[1]!], links[1]!.hash)).toMatchObject({ problem: "SEQUENCE_GAP" });
    const relinked = [links[0]!, { ...links[1]!, prevHash: "0".repeat(64) }];
    expect(verifyChain(relinked, links[1]!.hash)).toMatchObject({ recordId: "v1", problem: "PREV_HASH_MISMATCH" });
    expect(verifyChain(links, links[0]!.hash)).toMatchObject({ problem: "HEAD_MISMATCH" });
  });

  it("changes every later hash when an earlier record changes", () => {
    const original = chain([entry, event]);
    const altered = chain([{ ...entry, marks: 2 }, event]);
    expect(altered[1]!.hash).not.toBe(original[1]!.hash);
  });
});
