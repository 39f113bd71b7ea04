import fc from "fast-check";

// What a hostile client puts in a field. Part of it no schema may accept (a NUL inside a name, a
// day that does not exist, text far beyond any maximum, a number where text belongs); part of it
// is hostile but valid text (SQL and script fragments, unusual unicode), which a free-text field
// rightly stores as typed. Which is which is decided per request by the operation's own schemas
// (refusal.ts), never guessed here.

export const SQL_FRAGMENTS = [
  "'; DROP TABLE \"Household\"; --", "' OR '1'='1", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--", "') UNION SELECT * FROM \"Account\"--",
  "%", "_", "\\", "%_%", "\\%", "\\_", "$$", "E'\\x00'", "::text", "/*", "*/", "'", "''", "\\'", "--", "\\N",
];

export const SCRIPT_FRAGMENTS = [
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
  "</textarea><script>", "{{7*7}}", "${7*7}", "=cmd|' /C calc'!A0", "@SUM(1+1)", "+1+1", "<!--", "]]>", "&#0;",
];

export const UNICODE_ODDITIES = [
  "\u202e\u0645\u0631\u062d\u0628\u0627", "\u200f", "\u200b", "\u200d", "\ufeff", "\u2060", "e\u0301\u0301\u0301\u0301", "Z\u0337\u0322\u031ba\u0338l\u0336g\u0335o",
  "👨‍👩‍👧‍👦", "🏳️‍🌈", "１２３４５", "２０２６", "𠀀𪚥", "\u00a0", "\u3000", "İı", "ß", "ﬀ", "\u2028", "\u2029", "\u0085", "\u007f", "\ufffd",
  "\ud800", "\udfff", "a\ud83db", // lone surrogates, which no UTF-8 text can hold
];

/** C0 controls (refused in every text field; tab and line breaks only where text spans lines) and DEL. */
export const CONTROL_CHARACTERS = ["\u0000", "\u0001", "\u0007", "\u0008", "\t", "\n", "\u000b", "\u000c", "\r", "\u001b", "\u001f"];

/** Days that do not exist, or are not written as a day. */
export const IMPOSSIBLE_DATES = [
  "2026-02-30", "2025-02-29", "2100-02-29", "2026-04-31", "2026-01-32", "0000-00-00", "2026-00-10", "2026-13-01", "99999-01-01",
  "+002026-01-01", "-0001-01-01", "2026-1-1", "2026/01/01", "20260101", "2026-01-01T00:00:00Z", "２０２６-０１-０１", "1e4", "Invalid Date",
  "2026-01-01\u0000", "2026-W01", "",
];

/** Days that exist (at least in ISO 8601) but lie far away. */
export const FAR_DATES = ["0000-01-01", "0001-01-01", "1000-06-15", "1900-01-01", "1969-12-31", "2000-02-29", "2999-12-31", "9999-12-31"];

/** Ids that are not ids, as text (encoded when they go into a path). */
export const MALFORMED_IDS = [
  "not-a-uuid", "0", "-1", "null", "undefined", "00000000-0000-0000-0000-00000000000g", "0166e163-18e0-7df7-a549-4d346ec15b7",
  "{0166e163-18e0-7df7-a549-4d346ec15b72}", "urn:uuid:0166e163-18e0-7df7-a549-4d346ec15b72", "0166e16318e07df7a5494d346ec15b72",
  "0166e163-18e0-7df7-a549-4d346ec15b72' OR '1'='1", "0166e163-18e0-7df7-a549-4d346ec15b72\u0000", " 0166e163-18e0-7df7-a549-4d346ec15b72",
  "０１６６ｅ１６３-１８ｅ０-７ｄｆ７-ａ５４９-４ｄ３４６ｅｃ１５ｂ７２", "0166e163\u200b-18e0-7df7-a549-4d346ec15b72", "../../etc/passwd", "..\\..\\boot.ini",
  "*", "%", "a".repeat(4000), "0166e163-18e0-7df7-a549-4d346ec15b72".repeat(60),
];

/**
 * Path segments written as they travel, percent-encoding included: junk that does not decode
 * (a lone "%", an invalid escape, an overlong or truncated UTF-8 sequence, an encoded lone
 * surrogate), traversal attempts, and an id with unencoded slashes, which makes the path one no
 * route has. No "." or ".." segment: the client would resolve those before sending, and the
 * request would name another operation's path.
 */
export const RAW_PATH_JUNK = [
  "%", "%ZZ", "%E0%A4%A", "%ED%A0%80", "%C0%AE%C0%AE", "%FF%FE", "%00", "%0A", "..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cwindows",
  "%2e%2e%2fadmin", "%252e%252e%252f", "%u002e%u002e", "%25", "%C3%28", "%F0%9F%98", "x%00y", "%2F", "%3Bselect%201",
  "x/y/z/w/v", "etc/passwd/x/y/z", "%ZZ/a/b/c/d",
];

/** Text of numbers and almost-numbers, for parameters that only arrive as text. */
export const NUMBER_TEXT = [
  "-1", "0", "1.5", "1e309", "-1e309", "NaN", "Infinity", "-Infinity", "0x10", "0b11", "99999999999999999999", "9007199254740993",
  "１", "+1", " 1", "1 ", "1e3", "-0", "00001", "1_000", "1,000", "true", "[]", "{}", "\u0661",
];

const fragment = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS, ...UNICODE_ODDITIES),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

/** Text of any sort: SQL and script fragments, unusual unicode, arbitrary code points. */
export const hostileText = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));

/** Text with a control character inside it (not at an end, where trimming might remove it). */
export const controlText = fc.tuple(fc.constantFrom("a", "张", "R01", "<b>"), fc.constantFrom(...CONTROL_CHARACTERS), fc.constantFrom("b", "三", "'--", "x"))
  .map(([before, control, after]) => `${before}${control}${after}`);

/** Text beyond any maximum a field has (the longest is 5,000), up to about a megabyte. */
export const hugeText = fc.tuple(
  fc.constantFrom("a", "张", "'; DROP TABLE x; --", "<script>", "👨‍👩‍👧", "\u202e", "%_"),
  fc.oneof(fc.integer({ min: 5_001, max: 20_000 }), fc.constantFrom(65_537, 300_000, 1_000_000)),
).map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Long, but short enough for a URL: at most 3,000 characters once percent-encoded. */
export const longUrlText = fc.tuple(fc.constantFrom("a", "张", "%", "'", "\u202e"), fc.integer({ min: 101, max: 3_000 }))
  .map(([unit, length]) => unit.repeat(Math.floor(length / percentEncode(unit).length)));

const deepNesting = fc.integer({ min: 10, max: 2_000 }).map((depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown);
// Own "__proto__" and "constructor" keys, as a JSON text carries them (an object literal would set the prototype).
const prototypePollution = fc.constantFrom(
  JSON.parse('{"__proto__":{"role":"ADMIN","isAdmin":true}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"role":"ADMIN"}}}') as unknown,
);

/** A JSON value of the wrong kind for any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, 2 ** 31, -(2 ** 31) - 1, 2026.5),
  fc.constantFrom([], {}, [[]], { $ne: null }, { $gt: "" }, ["0166e163-18e0-7df7-a549-4d346ec15b72"], [null]),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
  deepNesting, prototypePollution,
);

/** A value for a JSON body field: anything above, or a date or an id gone wrong. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 3, arbitrary: controlText },
  { weight: 1, arbitrary: hugeText },
  { weight: 2, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES, ...FAR_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_IDS) },
  { weight: 3, arbitrary: wrongType },
);

/** A query parameter's value as text, before percent-encoding. */
export const hostileQueryText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 3, arbitrary: controlText },
  { weight: 1, arbitrary: longUrlText },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES, ...FAR_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_IDS.filter((id) => id.length < 2_000)) },
);

/**
 * A query parameter's value that its schema may well accept and yet is odd: a day far away, a
 * number at the edge of its range, SQL and script fragments, unusual unicode, nothing at all.
 */
export const oddQueryText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FAR_DATES) },
  { weight: 3, arbitrary: fc.constantFrom("1", "2", "199", "200", "99999", "100000", "2000", "2099", "2100", "all", "true", "false", "0", "") },
  { weight: 3, arbitrary: fc.constantFrom(...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS, ...UNICODE_ODDITIES) },
  { weight: 2, arbitrary: hostileText.filter((text) => text.length <= 50 && !/[\u0000-\u001f]/.test(text)) },
);

/** Percent-encodes text for a URL; a lone surrogate, which UTF-8 cannot hold, travels as the bytes of one (CESU-8). */
export function percentEncode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}
