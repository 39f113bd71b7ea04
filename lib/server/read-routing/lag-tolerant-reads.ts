import "server-only";
import type { Actor } from "@/lib/server/authz";
import { isDatabaseUnavailable } from "@/lib/server/database-unavailable";
import { runWithReadClient, scopedReadClient } from "./read-scope";
import { replicaSet } from "./replica-set";

/**
 * Who reads: a signed-in caller (resolve-actor.ts), whose latest write the replica must hold
 * (read-your-writes), or null for a public page. An actor made elsewhere, which does not say
 * where its writes stand, reads the primary.
 */
type Reader = Actor | (Actor & { lastWriteLsn: bigint | null }) | null;

/**
 * Runs a report that may be a moment old — rankings, dashboards, statistics, the public honour
 * board, search — with its reads on a streaming replica, when one is configured, reachable, at most
 * MAX_REPLICA_LAG_MS behind, and already holds the reader's own latest write. Everything else
 * stays on the primary: writes, transactions and the reads inside them, the reads of every other
 * page, and this report too when no replica qualifies. `fn` must only read: when the replica fails
 * under it (it went away, or cancelled a query that conflicted with replaying the primary's
 * changes), it runs again on the primary.
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
    if (isDatabaseUnavailable(error)) replicas.markUnreachable(replica.name, error);
    else if (!isRecoveryConflict(error)) throw error;
    console.warn(`${replica.name} failed a read, which the primary answers instead:`, error instanceof Error ? error.message : error);
    return fn();
  }
}

// A hot standby cancels a query that holds back the replay of the primary's changes (SQLSTATE
// 40001, or 40P01 for a lock), which adapter-pg reports as a write conflict.
function isRecoveryConflict(error: unknown): boolean {
  for (let e = error as { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | undefined;
    e && typeof e === "object"; e = (e.cause ?? e.meta?.driverAdapterError) as typeof e) {
    if (e.kind === "TransactionWriteConflict" || e.code === "P2034" || e.originalCode === "40001" || e.originalCode === "40P01") return true;
  }
  return false;
}
