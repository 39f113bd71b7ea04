import "server-only";
import { addressNetwork } from "@/lib/domain/client-address";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";

// The public verification of extracts answers anyone, so it is limited per client network
// (an IPv4 address, an IPv6 /64: lib/domain/client-address.ts), in PostgreSQL so that the limit
// holds across app instances: a fixed window counted by one upsert.
export const EXTRACT_LOOKUP_LIMIT = { lookups: 30, windowMs: 10 * 60_000 } as const;

/** Counts one lookup from this address; 429 (with when to retry) past the limit. */
export async function countExtractLookup(ip: string, now: Date = new Date()): Promise<void> {
  const network = ip === "unknown" ? ip : addressNetwork(ip);
  const windowStart = new Date(Math.floor(now.getTime() / EXTRACT_LOOKUP_LIMIT.windowMs) * EXTRACT_LOOKUP_LIMIT.windowMs);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "ExtractLookupWindow" ("network", "windowStart", "count") VALUES (${network}, ${windowStart}, 1)
    ON CONFLICT ("network", "windowStart") DO UPDATE SET "count" = "ExtractLookupWindow"."count" + 1
    RETURNING "count"`;
  const count = Number(row!.count);
  // The first lookup of a window clears windows long past (indexed, a handful of rows).
  if (count === 1) await db.$executeRaw`DELETE FROM "ExtractLookupWindow" WHERE "windowStart" < ${new Date(windowStart.getTime() - EXTRACT_LOOKUP_LIMIT.windowMs)}`;
  if (count > EXTRACT_LOOKUP_LIMIT.lookups) {
    const resetAt = new Date(windowStart.getTime() + EXTRACT_LOOKUP_LIMIT.windowMs);
    throw new AppError("RATE_LIMITED", "errors.tooManyExtractLookups", { minutes: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 60_000)) },
      undefined, { limit: EXTRACT_LOOKUP_LIMIT.lookups, remaining: 0, resetAt });
  }
}
