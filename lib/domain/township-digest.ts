import { createHash } from "node:crypto";

// A township digest is one SHA-256 over the chain heads of every household of a township
// (DESIGN.md "Domain"). It is printed on notices and extracts and kept append-only, so that a
// history rewritten afterwards — even one re-hashed consistently up to a new head — no longer
// yields the digest printed before it (docs/decisions/0008-threat-model.md).

export type ChainHead = { chainLength: number; head: string };
/** householdId → its chain head; households with an empty chain are left out. */
export type Heads = ReadonlyMap<string, ChainHead>;
/**
 * Heads as a digest row stores them: every head, or the change since a base digest — the new
 * [chainLength, head] of a household whose chain grew or that joined, null for one that left.
 */
export type StoredHeads = Record<string, [number, string] | null>;

const VERSION = "fca-township-digest-v1";

/**
 * SHA-256 (hex) of the township's id and one line "householdId chainLength head" per household,
 * ordered by household id (code units, not locale).
 */
export function computeTownshipDigest(townshipId: string, heads: Heads): string {
  const lines = [...heads.entries()]
    .filter(([, h]) => h.chainLength > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, h]) => `${id} ${h.chainLength} ${h.head}\n`);
  return createHash("sha256").update(`${VERSION}\n${townshipId}\n${lines.join("")}`).digest("hex");
}

/** What changed from `base` to `current`, as a digest row stores it. */
export function diffHeads(base: Heads, current: Heads): StoredHeads {
  const delta: StoredHeads = {};
  for (const [id, h] of current) {
    const before = base.get(id);
    if (!before || before.chainLength !== h.chainLength || before.head !== h.head) delta[id] = [h.chainLength, h.head];
  }
  for (const id of base.keys()) if (!current.has(id)) delta[id] = null;
  return delta;
}

/** `base` with a stored change applied (or the stored heads themselves, from an empty base). */
export function applyHeads(base: Heads, stored: StoredHeads): Map<string, ChainHead> {
  const heads = new Map(base);
  for (const [id, value] of Object.entries(stored)) {
    if (value === null) heads.delete(id);
    else heads.set(id, { chainLength: value[0], head: value[1] });
  }
  return heads;
}

export type PrintedDigest = { townshipCode: string; takenAt: Date; digest: string };

/**
 * The form printed on notices and extracts, e.g. "JS-20261201T1600Z-3f2a…" with all 64 hex
 * digits: the township, the minute it was taken (UTC) and the digest itself, which is what
 * `npm run verify:chains -- --digest …` checks.
 */
export function formatDigest({ townshipCode, takenAt, digest }: PrintedDigest): string {
  const minute = takenAt.toISOString().slice(0, 16).replace(/[-:]/g, "");
  return `${townshipCode}-${minute}Z-${digest}`;
}

const PRINTED = /^(.+)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z-([0-9a-f]{64})$/i;

/**
 * Reads a printed digest back, as retyped from paper: spaces and line breaks anywhere are
 * ignored, letters may be in either case. Null when it is not one (a digit missing, say).
 */
export function parseDigest(text: string): PrintedDigest | null {
  const match = PRINTED.exec(text.replace(/\s+/g, ""));
  if (!match) return null;
  const [, townshipCode, year, month, day, hour, minute, digest] = match as unknown as string[];
  const iso = `${year}-${month}-${day}T${hour}:${minute}:00.000Z`;
  const takenAt = new Date(iso);
  // Rejects impossible times such as 2026-13-01 or 25:00, which Date would roll over.
  if (Number.isNaN(takenAt.getTime()) || takenAt.toISOString() !== iso) return null;
  return { townshipCode: townshipCode!, takenAt, digest: digest!.toLowerCase() };
}
