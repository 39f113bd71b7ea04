import "server-only";
import { readReplicas } from "@prisma/extension-read-replicas";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { primaryClient } from "@/lib/server/db";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { freshAsOf, keepRecent, type PrimarySample } from "./replica-freshness";

// The streaming replicas of DATABASE_REPLICA_URLS, and what this process knows of each: probed
// every second (one short query on the primary, one on each replica), never trusted beyond that.

/** A replica older than this serves nothing: "may lag by a moment" (docs/DEPLOYMENT.md). */
export const MAX_REPLICA_LAG_MS = 5_000;
const PROBE_INTERVAL_MS = 1_000;
// A replica not heard of for this long (its probe hangs) is treated as unreachable.
const PROBE_STALE_MS = 3_000;
// A replica that does not answer at all (a machine gone, not a refused connection) costs a read
// this long before it falls back to the primary.
const CONNECT_TIMEOUT_MS = 2_000;

export type ReplicaStatus = {
  name: string;
  reachable: boolean;
  /** At most this far behind the primary, from the last probe; null when unknown. */
  lagSeconds: number | null;
  /** WAL bytes the primary had written beyond what the replica had replayed, at the last probe. */
  bytesBehind: number | null;
  /** Whether reads may go to it now. */
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
  lagMs: number | null;
  checkedAt: number;
  error: string | null;
};

export type ReplicaSet = {
  /** A replica that holds every write up to requiredLsn and lags at most MAX_REPLICA_LAG_MS, or null. */
  choose(requiredLsn: bigint | null): { name: string; routed: object } | null;
  markUnreachable(name: string, error: unknown): void;
  status(): ReplicaStatus[];
  probe(): Promise<void>;
};

const globalForReplicas = globalThis as unknown as { fcaReplicaSet?: ReplicaSet | null };

/** The process's replica set, or null without DATABASE_REPLICA_URLS. Started on first use. */
export function replicaSet(): ReplicaSet | null {
  if (globalForReplicas.fcaReplicaSet === undefined) {
    const urls = env.DATABASE_REPLICA_URLS;
    globalForReplicas.fcaReplicaSet = urls.length ? startReplicaSet(urls) : null;
  }
  return globalForReplicas.fcaReplicaSet;
}

function startReplicaSet(urls: string[]): ReplicaSet {
  const primary = primaryClient();
  const replicas: Replica[] = urls.map((url, i) => {
    const client = createPrismaClient(url, env.DB_POOL_SIZE, { connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    return {
      name: `replica ${i + 1}`, client, routed: routedClient(primary, client),
      reachable: false, replayedLsn: null, lagMs: null, checkedAt: 0, error: "not probed yet",
    };
  });
  let samples: PrimarySample[] = [];
  let next = 0;
  let probing: Promise<void> | null = null;

  const reachable = (replica: Replica, now: number) => replica.reachable && now - replica.checkedAt <= PROBE_STALE_MS;
  const serving = (replica: Replica, now: number) => reachable(replica, now) && replica.error === null &&
    replica.replayedLsn !== null && replica.lagMs !== null && replica.lagMs <= MAX_REPLICA_LAG_MS;

  async function probeReplica(replica: Replica): Promise<void> {
    try {
      const [row] = await replica.client.$queryRaw<{ lsn: bigint | null }[]>`
        SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint AS lsn`;
      const now = Date.now();
      replica.checkedAt = now;
      replica.reachable = true;
      replica.replayedLsn = row?.lsn ?? null;
      if (replica.replayedLsn === null) {
        // pg_last_wal_replay_lsn() is NULL on a server that is not in recovery: a promoted or
        // misconfigured "replica" whose data no longer follow the primary.
        replica.error = "not a streaming replica (not in recovery)";
        return;
      }
      const fresh = freshAsOf(samples, replica.replayedLsn);
      replica.lagMs = fresh === null ? null : now - fresh;
      replica.error = fresh === null ? "behind every position sampled in the last minute" : null;
    } catch (error) {
      replica.checkedAt = Date.now();
      replica.reachable = false;
      replica.error = messageOf(error);
    }
  }

  async function probeOnce(): Promise<void> {
    const at = Date.now();
    try {
      const [row] = await primary.$queryRaw<{ lsn: bigint }[]>`SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint AS lsn`;
      samples = keepRecent([...samples, { at, lsn: row!.lsn }], at, 60_000);
    } catch {
      return; // the primary is down: nothing to compare with, and nothing to write either
    }
    await Promise.all(replicas.map(probeReplica));
  }

  const set: ReplicaSet = {
    choose(requiredLsn) {
      const now = Date.now();
      const candidates = replicas.filter((r) => serving(r, now) && (requiredLsn === null || r.replayedLsn! >= requiredLsn));
      const replica = candidates[next++ % Math.max(candidates.length, 1)];
      return replica ? { name: replica.name, routed: replica.routed } : null;
    },
    markUnreachable(name, error) {
      const replica = replicas.find((r) => r.name === name);
      if (!replica) return;
      replica.reachable = false;
      replica.error = messageOf(error);
    },
    status() {
      const now = Date.now();
      const newest = samples.at(-1);
      return replicas.map((r) => ({
        name: r.name,
        reachable: reachable(r, now),
        lagSeconds: r.lagMs === null ? null : r.lagMs / 1000,
        bytesBehind: newest && r.replayedLsn !== null ? Math.max(0, Number(newest.lsn - r.replayedLsn)) : null,
        serving: serving(r, now),
        ...(r.error ? { error: r.error } : {}),
      }));
    },
    probe() {
      // One probe at a time: a slow replica must not pile probes up.
      probing ??= probeOnce().finally(() => {
        probing = null;
      });
      return probing;
    },
  };
  void set.probe();
  setInterval(() => void set.probe(), PROBE_INTERVAL_MS).unref();
  return set;
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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
