import "server-only";
import type { Actor } from "@/lib/server/authz";
import { isDatabaseUnavailable } from "@/lib/server/database-unavailable";
import { AppError } from "@/lib/server/errors";
import { runWithReadClient, scopedReadClient } from "./read-scope";
import { replicaSet } from "./replica-set";

/**
 * Who reads: a signed-in caller (resolve-actor.ts), whose latest write the replica must hold
 * (read-your-writes), or null for an anonymous visitor. An actor made elsewhere, which does not
 * say where its writes stand, reads the primary.
 */
type Reader = Actor | (Actor & { lastWriteLsn: bigint | null }) | null;

/**
 * Runs a report that may be a moment old — rankings, dashboards, statistics, the public honour
 * board, search — with its reads on a streaming replica, when one is configured, reachable, at most
 * DATABASE_REPLICA_MAX_LAG_S behind, and already holds the reader's own latest write. Everything
 * else stays on the primary: writes, transactions and the reads inside them, the reads of every
 * other page, and this report too when no replica qualifies. `fn` must only read: when the replica
 * fails under it — it went away, timed out, cancelled a query that conflicted with replaying the
 * primary's changes, or lacks a table a migration just added — it runs again on the primary. The
 * report's own refusals (AppError: not found, forbidden) are answers, not failures.
 */
export async function withLagTolerantReads<T>(reader: Reader, fn: () => Promise<T>): Promise<T> {
  if (scopedReadClient()) return fn();
  const replicas = replicaSet();
  if (!replicas || (reader && !("lastWriteLsn" in reader))) return fn();
  const replica = replicas.choose(reader?.lastWriteLsn ?? null);
  if (!replica) return fn();
  try {
    return await runWithReadClient(replica.routed, fn);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isDatabaseUnavailable(error) || /timeout/i.test(String((error as Error)?.message))) replicas.markUnreachable(replica.name, error);
    console.warn(`${replica.name} failed a report, which the primary answers instead:`, error instanceof Error ? error.message : error);
    return fn();
  }
}
