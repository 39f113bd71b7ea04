import type { Activity } from "../load/database-activity";
import type { Sample } from "../load/measure";
import type { BenchResult } from "./results";

// The shape of bench-results/<label>-cluster.json (npm run bench:cluster), and its table.

export type ConfigurationRun = {
  concurrency: number;
  app: Sample;
  statuses: Record<string, number>;
  /** B: the answers by the instance that gave them (X-Served-By). */
  servedBy?: Record<string, number>;
  /** B: what the primary and the replica did meanwhile (pg_stat_database of the database). */
  activity?: { primary: Activity; replica: Activity };
};

export type Configuration = {
  /** "A" (one instance on the primary) or "B" (two instances and a replica behind haproxy). */
  name: string;
  description: string;
  startedAt: string;
  finishedAt: string;
  loadBefore: number[];
  loadAfter: number[];
  operations: { key: string; name: string; runs: ConfigurationRun[] }[];
};

export type ReplicaReport = { name: string; reachable: boolean; serving: boolean; lagSeconds: number | null; bytesBehind: number | null; error?: string };

export type ClusterBenchResult = {
  label: string;
  startedAt: string;
  finishedAt: string;
  machine: BenchResult["machine"];
  database: BenchResult["database"];
  targets: Record<string, unknown>;
  options: { durationSeconds: number; warmupSeconds: number; concurrency: number[]; operations: string[] };
  /** Seconds until the database's start-up jobs went quiet: after A's server started, after B's instances did. */
  startupJobsSeconds: { a: number; b: number };
  /** B's start: pg_basebackup of the whole server, the replica's start, both instances and haproxy. */
  clusterStartSeconds: number;
  /** The replica as each of B's instances reported it (the administrator's health report), before and after B. */
  replicaHealth: { before: Record<string, ReplicaReport | null>; after: Record<string, ReplicaReport | null> };
  /** A, B, A again: one after the other, the other configuration stopped or idle meanwhile. */
  configurations: Configuration[];
};

const n = (value: number | undefined, digits = 1) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "–");

const runOf = (configuration: Configuration | undefined, key: string, concurrency: number) =>
  configuration?.operations.find((op) => op.key === key)?.runs.find((run) => run.concurrency === concurrency);

/** One row per operation and concurrency: A beside B, B's answers per instance and the replica's rows returned. */
export function clusterTable(result: ClusterBenchResult): string {
  const [a, b, again] = result.configurations;
  const lines = [
    "| op | operation | c | A p50 ms | A p95 ms | A req/s | B p50 ms | B p95 ms | B req/s | B / mean A req/s | A again req/s | B served by | replica rows | failed A/B/A |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
  ];
  for (const op of a?.operations ?? []) {
    for (const { concurrency } of op.runs) {
      const [one, two, three] = [runOf(a, op.key, concurrency), runOf(b, op.key, concurrency), runOf(again, op.key, concurrency)];
      // B against both A runs: the machine may have been busier during one of them.
      const aRps = [one, three].flatMap((run) => (run ? [run.app.rps] : []));
      const meanA = aRps.reduce((sum, rps) => sum + rps, 0) / aRps.length;
      const servedBy = two?.servedBy ? Object.entries(two.servedBy).sort().map(([name, count]) => `${name} ${count}`).join(", ") : "–";
      lines.push(`| ${op.key} | ${op.name} | ${concurrency} | ${n(one?.app.p50)} | ${n(one?.app.p95)} | ${n(one?.app.rps, 0)} | ` +
        `${n(two?.app.p50)} | ${n(two?.app.p95)} | ${n(two?.app.rps, 0)} | ${two ? n(two.app.rps / meanA, 2) : "–"} | ${n(three?.app.rps, 0)} | ` +
        `${servedBy} | ${two?.activity ? two.activity.replica.tuplesReturned.toLocaleString("en") : "–"} | ` +
        `${[one, two, three].map((run) => (run ? run.app.failures : "–")).join("/")} |`);
    }
  }
  return lines.join("\n");
}

export function loadLine(result: ClusterBenchResult): string {
  return result.configurations.map((c) => `${c.name}: ${c.loadBefore.map((l) => l.toFixed(2)).join(" ")} → ${c.loadAfter.map((l) => l.toFixed(2)).join(" ")}`).join("; ");
}
