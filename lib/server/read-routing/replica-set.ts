import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { primaryClient } from "@/lib/server/db";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { freshAsOf, keepRecent, type PrimarySample } from "./replica-freshness";

// The streaming replicas of DATABASE_REPLICA_URLS, and what this process knows of each: probed
// every second (one short query on the primary, one on each replica), never trusted beyond that.

const PROBE_INTERVAL_MS = 1_000;
// A probe that has not answered in this long counts as failed (a replica cut off without a reset).
const PROBE_TIMEOUT_MS = 2_000;
// A replica not heard of for this long is treated as unreachable.
const PROBE_STALE_MS = 3_000;
// The replica's pool: a machine that does not answer at all (no refusal) costs a report this long
// to connect, or this long mid-query, before the report falls back to the primary.
const REPLICA_POOL = { connectionTimeoutMillis: 2_000, query_timeout: 20_000, keepAlive: true };
const SAMPLES_KEPT_MS = 60_000;
// Lag is measured on a monotonic clock: a step of the wall clock must not make a replica look fresh.
const clock = () => performance.now();

export type ReplicaStatus = {
  name: string;
  reachable: boolean;
  /** At most this far behind the primary, now; null when unknown. */
  lagSeconds: number | null;
  /** WAL bytes the primary had written beyond what the replica had replayed, at the last probe. */
  bytesBehind: number | null;
  /** Whether reports may go to it now. */
  serving: boolean;
  error?: string;
};

type Replica = {
  name: string;
  client: PrismaClient;
  /** The client a lag-tolerant read runs with: the replica for reads, the primary for the rest. */
  routed: object;
  reachable: boolean;
  replayedLsn: bigint | null;
  /** It held every commit acknowledged before this instant (clock()). */
  freshAt: number | null;
  checkedAt: number;
  probing: boolean;
  error: string | null;
};

export type ReplicaSet = {
  /** A replica that holds every write up to requiredLsn and lags at most the limit, or null. */
  choose(requiredLsn: bigint | null): { name: string; routed: object } | null;
  markUnreachable(name: string, error: unknown): void;
  status(): ReplicaStatus[];
};

const globalForReplicas = globalThis as unknown as { fcaReplicaSet?: ReplicaSet | null };

/** The process's replica set, or null without DATABASE_REPLICA_URLS. Started on first use. */
export function replicaSet(): ReplicaSet | null {
  if (globalForReplicas.fcaReplicaSet === undefined) {
    const urls = env.DATABASE_REPLICA_URLS;
    globalForReplicas.fcaReplicaSet = urls.length ? startReplicaSet(urls, env.DATABASE_REPLICA_MAX_LAG_S * 1000) : null;
  }
  return globalForReplicas.fcaReplicaSet;
}

function startReplicaSet(urls: string[], maxLagMs: number): ReplicaSet {
  const primary = primaryClient();
  const replicas: Replica[] = urls.map((url, i) => {
    const client = createPrismaClient(url, env.DB_POOL_SIZE, REPLICA_POOL);
    return {
      name: `replica ${i + 1}`, client, routed: routedClient(primary, client),
      reachable: false, replayedLsn: null, freshAt: null, checkedAt: -Infinity, probing: false, error: "not probed yet",
    };
  });
  let samples: PrimarySample[] = [];
  let samplingPrimary = false;
  let next = 0;

  const reachable = (r: Replica, now: number) => r.reachable && now - r.checkedAt <= PROBE_STALE_MS;
  const lagMs = (r: Replica, now: number) => (r.freshAt === null ? null : now - r.freshAt);
  const serving = (r: Replica, now: number) => reachable(r, now) && r.error === null && (lagMs(r, now) ?? Infinity) <= maxLagMs;

  // Each replica is probed on its own: one that hangs must not hold back the others' measures.
  async function probe(replica: Replica): Promise<void> {
    replica.probing = true;
    try {
      const [row] = await withTimeout(replica.client.$queryRaw<{ lsn: bigint | null }[]>`
        SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS lsn`);
      Object.assign(replica, { checkedAt: clock(), reachable: true, replayedLsn: row?.lsn ?? null });
      if (replica.replayedLsn === null) {
        // NULL on a server that is not in recovery: a promoted or misconfigured "replica" whose
        // data no longer follow the primary.
        replica.error = "not a streaming replica (not in recovery)";
        return;
      }
      replica.freshAt = freshAsOf(samples, replica.replayedLsn) ?? replica.freshAt;
      replica.error = replica.freshAt === null ? "behind every position sampled since it was first probed" : null;
    } catch (error) {
      Object.assign(replica, { checkedAt: clock(), reachable: false, error: messageOf(error) });
    } finally {
      replica.probing = false;
    }
  }

  async function tick(): Promise<void> {
    if (samplingPrimary) return;
    samplingPrimary = true;
    try {
      // The time first, then the position: every commit acknowledged before `at` lies below it.
      // The insert position, not the write position, also covers commits acknowledged under
      // synchronous_commit = off.
      const at = clock();
      const [row] = await withTimeout(primary.$queryRaw<{ lsn: bigint }[]>`SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint AS lsn`);
      samples = keepRecent([...samples, { at, lsn: row!.lsn }], at, SAMPLES_KEPT_MS);
    } catch {
      return; // the primary is down: nothing to compare with, and nothing is written either
    } finally {
      samplingPrimary = false;
    }
    for (const replica of replicas) if (!replica.probing) void probe(replica);
  }

  void tick();
  setInterval(() => void tick(), PROBE_INTERVAL_MS).unref();
  return {
    choose(requiredLsn) {
      const now = clock();
      const candidates = replicas.filter((r) => serving(r, now) && (requiredLsn === null || r.replayedLsn! >= requiredLsn));
      const replica = candidates[next++ % Math.max(candidates.length, 1)];
      return replica ? { name: replica.name, routed: replica.routed } : null;
    },
    markUnreachable(name, error) {
      const replica = replicas.find((r) => r.name === name);
      if (replica) Object.assign(replica, { reachable: false, error: messageOf(error) });
    },
    status() {
      const now = clock();
      const newest = samples.at(-1);
      return replicas.map((r) => {
        const lag = lagMs(r, now);
        return {
          name: r.name,
          reachable: reachable(r, now),
          lagSeconds: lag === null ? null : Math.round(lag) / 1000,
          bytesBehind: newest && r.replayedLsn !== null ? Math.max(0, Number(newest.lsn - r.replayedLsn)) : null,
          serving: serving(r, now),
          ...(r.error ? { error: r.error } : {}),
        };
      });
    },
  };
}

/**
 * Prisma's read-replicas extension over the primary with this one replica: model reads go to the
 * replica, writes and transactions (and the reads inside them) to the primary. Raw queries it
 * leaves on the primary, not knowing whether they write; inside a lag-tolerant read they are the
 * reports' reads, so $queryRaw goes to the replica too ($executeRaw stays on the primary).
 */
function routedClient(primary: PrismaClient, replica: PrismaClient): object {
  const extended = primary.$extends(readReplicas({ replicas: [replica] }));
  const rawReads = new Set<PropertyKey>(["$queryRaw", "$queryRawUnsafe"]);
  return new Proxy(extended, {
    get(target, prop) {
      const client: object = rawReads.has(prop) ? target.$replica() : target;
      const value: unknown = Reflect.get(client, prop, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

function withTimeout<T>(query: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([query, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
