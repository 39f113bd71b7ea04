import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/unique-violation";
import { jsonResponse } from "./json-response";

// The standard Idempotency-Key header (IETF httpapi draft) on every creating operation: a client
// that lost the answer retries with the same key and gets the first answer again, marked as a
// replay, instead of a second record. Keys are per account; the same key with another request
// is a 409.
//
// The key is reserved (a row with status PENDING) in its own statement before the operation
// runs, and the answer is stored right after the operation's transaction commits. Storing it in
// that transaction would mean threading a transaction through every use case; reserving first
// gives the guarantee that matters: two calls with one key never both write, because the second
// one finds the reservation and waits for the first answer. A failed operation (an error, or
// any answer that is not 2xx) releases the key, so a corrected retry can go through. If the
// process dies between the commit and storing the answer, the key stays PENDING and answers 409
// until it is purged: the outcome is unknown, and refusing is safer than writing twice.

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
const IDEMPOTENCY_REPLAYED_HEADER = "Idempotency-Replayed";
const REPLAYED = { [IDEMPOTENCY_REPLAYED_HEADER]: "true" };
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const PENDING = 0;
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;

/** The request's Idempotency-Key, or null; a malformed key is refused rather than ignored. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return null;
  // Structured-field strings may be quoted; both forms name the same key.
  const bare = /^"(.*)"$/.exec(key)?.[1] ?? key;
  if (!/^[\x21-\x7e]{1,255}$/.test(bare)) throw new AppError("INVALID_INPUT", "errors.invalidIdempotencyKey");
  return bare;
}

/** A fingerprint of what was asked: the operation, its path parameters and its body (files by their bytes). */
export async function requestHash(operationId: string, params: unknown, body: unknown): Promise<string> {
  const canonical = await canonicalize([operationId, params ?? null, body ?? null]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

async function canonicalize(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { sha256: createHash("sha256").update(new Uint8Array(await value.arrayBuffer())).digest("hex") };
  if (Array.isArray(value)) return Promise.all(value.map(canonicalize));
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(await Promise.all(entries.map(async ([k, v]) => [k, await canonicalize(v)] as const)));
  }
  return value;
}

type Claim = { accountId: string; key: string; operation: string; requestHash: string };

/** Runs `respond` once per (account, key); a replay answers the first call's status and body. */
export async function withIdempotency(claim: Claim, respond: () => Promise<Response>, now = new Date()): Promise<Response> {
  const replay = await reserve(claim, now);
  if (replay) return replay;
  const where = { accountId_key: { accountId: claim.accountId, key: claim.key } };
  let response: Response;
  try {
    response = await respond();
  } catch (error) {
    // When the database went away mid-request, the release fails too and the key stays PENDING:
    // whether the operation committed is unknown, so a retry with this key is refused (409) rather
    // than risk a second write. The client is told the first error either way.
    await db.idempotencyKey.deleteMany({ where: { accountId: claim.accountId, key: claim.key } }).catch(() => {});
    throw error;
  }
  if (!response.ok) {
    await db.idempotencyKey.deleteMany({ where: { accountId: claim.accountId, key: claim.key } });
    return response;
  }
  const text = await response.clone().text();
  await db.idempotencyKey.update({ where, data: { responseStatus: response.status, responseBody: seal(text) } });
  return response;
}

async function reserve(claim: Claim, now: Date): Promise<Response | null> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    try {
      await db.idempotencyKey.create({ data: { ...claim, responseStatus: PENDING, responseBody: "" } });
      return null;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const stored = await db.idempotencyKey.findUnique({
      where: { accountId_key: { accountId: claim.accountId, key: claim.key } },
      select: { operation: true, requestHash: true, responseStatus: true, responseBody: true, createdAt: true },
    });
    if (!stored) continue; // released by a failed first call: take it
    if (stored.createdAt.getTime() < now.getTime() - IDEMPOTENCY_KEY_TTL_MS) {
      await db.idempotencyKey.deleteMany({ where: { accountId: claim.accountId, key: claim.key, createdAt: stored.createdAt } });
      continue;
    }
    if (stored.operation !== claim.operation || stored.requestHash !== claim.requestHash) {
      throw new AppError("CONFLICT", "errors.idempotencyKeyConflict");
    }
    if (stored.responseStatus !== PENDING) return replayed(stored.responseStatus, unseal(stored.responseBody));
    if (Date.now() > deadline) throw new AppError("CONFLICT", "errors.idempotencyKeyInProgress");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

// Byte for byte the stored answer.
function replayed(status: number, text: string): Response {
  return new Response(text || null, { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...REPLAYED } });
}

/** The answer to a retry that an operation recognised itself (recordEntry's idempotencyKey): what it had created, marked as a replay. */
export function replayedResponse(body: unknown, status: number): Response {
  return jsonResponse(body, status, REPLAYED);
}

// The stored body is the answer's text (a JSON string value), so a replay is byte for byte the
// first answer. It is encrypted with a key derived from NEXTAUTH_SECRET because some answers are
// shown once and never stored in clear elsewhere (a new API token): a copy of the database alone
// must not reveal them.
const sealKey = () => (env.NEXTAUTH_SECRET ? createHash("sha256").update(`idempotency:${env.NEXTAUTH_SECRET}`).digest() : null);

function seal(text: string): string {
  const key = sealKey();
  if (!key) return `plain:${text}`;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64")}`;
}

function unseal(stored: unknown): string {
  const value = String(stored);
  if (value.startsWith("plain:")) return value.slice("plain:".length);
  const key = sealKey();
  const raw = Buffer.from(value.slice("v1:".length), "base64");
  if (!key || !value.startsWith("v1:")) throw new Error("Unreadable stored idempotent answer");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** Forgets keys older than a day (a periodic job); a retry comes within minutes, not days. */
export async function purgeIdempotencyKeys(now = new Date()): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS) } } });
  return count;
}
