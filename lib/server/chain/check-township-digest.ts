import "server-only";
import { computeTownshipDigest, parseDigest, type ChainHead } from "@/lib/domain/township-digest";
import type { DigestCheck } from "@/lib/schemas/chains";
import { db } from "@/lib/server/db";
import { loadDigestHeads } from "./record-township-digest";

// `npm run verify:chains -- --digest <printed digest>`: was the township's history, up to the
// moment the digest was taken, left as it was? Each household's chain is cut at the length it
// had then and its head re-read from the stored records; a chain rewritten since — even
// re-hashed consistently, so that verifyChain finds nothing — yields other heads, hence
// another digest. Reads only.

const BATCH = 5_000;

type Township = { id: string; code: string };

/** Checks a digest as printed on a notice or an extract, for the whole installation. */
export async function unsafeCheckTownshipDigest(printedText: string): Promise<DigestCheck> {
  const printed = parseDigest(printedText);
  const result: DigestCheck = {
    printed: printedText.trim(), matches: false, problem: null, townshipCode: printed?.townshipCode ?? null,
    takenAt: null, households: 0, changed: [],
  };
  if (!printed) return { ...result, problem: "UNREADABLE" };
  const township: Township | null = await db.township.findFirst({
    where: { code: printed.townshipCode.toUpperCase() }, select: { id: true, code: true },
  });
  if (!township) return { ...result, problem: "UNKNOWN_TOWNSHIP" };
  const rows = await db.townshipDigest.findMany({
    where: { townshipId: township.id, digest: printed.digest }, orderBy: { takenAt: "asc" }, select: { id: true, takenAt: true },
  });
  if (rows.length === 0) return { ...result, townshipCode: township.code, problem: "NOT_RECORDED" };
  // The same heads may have been digested more than once (quiet days): the row of the printed
  // minute first. The heads a row keeps must themselves give the printed digest, or the row was
  // rewritten; any one row that does is as good as another.
  const minute = (date: Date) => Math.floor(date.getTime() / 60_000);
  rows.sort((a, b) => Number(minute(b.takenAt) === minute(printed.takenAt)) - Number(minute(a.takenAt) === minute(printed.takenAt)));
  let authentic: { takenAt: Date; heads: Map<string, ChainHead> } | null = null;
  for (const row of rows) {
    const heads = await loadDigestHeads(db, row.id);
    if (heads && computeTownshipDigest(township.id, heads) === printed.digest) {
      authentic = { takenAt: row.takenAt, heads };
      break;
    }
  }
  const found = { ...result, townshipCode: township.code, takenAt: (authentic?.takenAt ?? rows[0]!.takenAt).toISOString() };
  if (!authentic) return { ...found, problem: "RECORD_ALTERED" };
  const then = authentic.heads;
  const now = await headsAt(then);
  const changedIds = [...then].filter(([id, head]) => now.get(id) !== head.head).map(([id]) => id);
  const recomputed = computeTownshipDigest(township.id, new Map([...then].map(([id, h]) => [id, { ...h, head: now.get(id) ?? "" }])));
  const changed = await db.household.findMany({
    where: { id: { in: changedIds } }, orderBy: { archiveNo: "asc" }, select: { id: true, archiveNo: true },
  });
  const matches = recomputed === printed.digest;
  return {
    ...found, matches, problem: matches ? null : "HISTORY_CHANGED", households: then.size,
    changed: changed.map((h) => ({ householdId: h.id, archiveNo: h.archiveNo })),
  };
}

/** The stored hash of each household's record at the given chain position (absent when gone). */
async function headsAt(heads: ReadonlyMap<string, ChainHead>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const all = [...heads];
  for (let start = 0; start < all.length; start += BATCH) {
    const batch = all.slice(start, start + BATCH);
    const ids = batch.map(([id]) => id);
    const seqs = batch.map(([, h]) => h.chainLength);
    const rows = await db.$queryRaw<{ householdId: string; hash: string }[]>`
      WITH wanted AS (SELECT * FROM unnest(${ids}::uuid[], ${seqs}::int[]) AS w("householdId", "chainSeq"))
      SELECT r."householdId"::text AS "householdId", r.hash FROM "Entry" r JOIN wanted USING ("householdId", "chainSeq")
      UNION ALL
      SELECT r."householdId"::text, r.hash FROM "EntryEvent" r JOIN wanted USING ("householdId", "chainSeq")`;
    for (const row of rows) found.set(row.householdId, row.hash);
  }
  return found;
}
