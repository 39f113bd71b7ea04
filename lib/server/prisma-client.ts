import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The one database code path: adapter-pg, whether the server is the embedded
// pglite-server or a real PostgreSQL.
export function createPrismaClient(connectionString: string, max = 10, pool: { connectionTimeoutMillis?: number; query_timeout?: number; keepAlive?: boolean } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, options: NO_JIT, ...pool }) });
}

/**
 * PostgreSQL's JIT compiles a query whose estimated cost passes jit_above_cost, which a township's
 * aggregates do at a prefecture's size: the dashboard's per-village counts took 290 ms, 210 of them
 * compiling, against 37 ms without (docs/PERFORMANCE.md). The app's queries are short; JIT never
 * pays off for them. The embedded pglite-server ignores the setting (and has no JIT).
 */
export const NO_JIT = "-c jit=off";
