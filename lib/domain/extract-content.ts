// What an archive extract (证明材料, DESIGN.md "Archive extract") prints, frozen at issue and
// signed: a plain JSON document whose canonical form (keys sorted, no spaces) is the payload of
// the extract's compact JWS (EdDSA, the township's Ed25519 key). The offline verifier
// (scripts/verify-extract.ts), the public page and the API read the same document, so they can
// never show more than the printout does.

export const EXTRACT_FORMAT = "fca-extract/1";
export const EXTRACT_PURPOSES = ["SCHOOL_ADMISSION", "CIVIL_SERVICE", "OTHER"] as const;
export type ExtractPurpose = (typeof EXTRACT_PURPOSES)[number];

/** A confirmed red entry as printed: when, by which village rule, for how many marks. */
export type PrintedRed = { occurredOn: string; ruleCode: string; ruleTitle: string; marks: number };

export type ExtractContent = {
  format: typeof EXTRACT_FORMAT;
  code: string; // the verification code, "ABCD-EFGH-JKLM"
  township: { name: string; county: string };
  household: { archiveNo: string; headName: string; village: string };
  purpose: ExtractPurpose;
  purposeNote: string | null;
  /** From the household's registration or first entry, whichever is earlier, to the issue day. */
  period: { from: string; to: string };
  reds: PrintedRed[];
  /** Entries, not marks: confirmed yellows not rectified, and confirmed blacks, in the period. */
  counts: { activeYellows: number; blacks: number };
  /**
   * The maintained all-time score row (HouseholdScore year 0) at issue, refreshed in the issuing
   * transaction: it covers every year from the first entry to the issue day, i.e. the period.
   */
  score: { basis: "ALL_TIME"; score: number; redMarks: number; activeYellowMarks: number; blackMarks: number };
  /** Years the household was awarded civilized family (文明家庭). */
  awards: number[];
  issuedOn: string;
  validUntil: string;
  /** The township digest of the issue day in its printed form (`npm run verify:chains -- --digest`). */
  digest: string;
  keyId: string;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level and no whitespace: the bytes that are signed. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value as Json));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, Json>)[key]!)]));
  }
  return value;
}

// ─── Verification codes ─────────────────────────────────────────────────────

// No 0/O, 1/I: a code is typed from paper. 32 symbols, 12 of them: 60 bits.
export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 12;

/** A new code from `random` bytes (crypto.getRandomValues in the app), grouped by four. */
export function formatNewCode(random: Uint8Array): string {
  if (random.length < CODE_LENGTH) throw new RangeError(`need ${CODE_LENGTH} random bytes`);
  const chars = Array.from(random.slice(0, CODE_LENGTH), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return group(chars.join(""));
}

const group = (raw: string) => raw.match(/.{1,4}/g)!.join("-");

/**
 * A code as typed (any case, spaces or dashes anywhere) in its stored form, or null when it
 * cannot be one. O and I are read as 0/1 are not in the alphabet either, so they stay malformed.
 */
export function normalizeCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s\-‐-―－]/g, "");
  if (raw.length !== CODE_LENGTH) return null;
  for (const c of raw) if (!CODE_ALPHABET.includes(c)) return null;
  return group(raw);
}

// ─── Validity ───────────────────────────────────────────────────────────────

/** "YYYY-MM-DD" + days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Valid through its last day: today ≤ validUntil (both calendar days in China). */
export const isUnexpired = (content: Pick<ExtractContent, "validUntil">, today: string): boolean => today <= content.validUntil;

/** The signature segment of a compact JWS (what the QR code carries as `s`). */
export function signatureOf(jws: string): string {
  const parts = jws.split(".");
  if (parts.length !== 3) throw new Error("not a compact JWS");
  return parts[2]!;
}

/** The verification URL the QR code carries. */
export const verificationUrl = (origin: string, code: string, jws: string): string =>
  `${origin}/verify/${code}?s=${signatureOf(jws)}`;
