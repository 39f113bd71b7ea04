import type { Sample } from "../load/measure";

// The shape of bench-results/<label>.json, and the issue's targets checked against one run.

export type RunResult = { concurrency: number; app: Sample; floor: Sample | null; statuses: Record<string, number> };

/** plan: the floor statement's EXPLAIN (ANALYZE, BUFFERS), taken once after it was timed (warm cache). */
export type OperationResult = { key: string; issueOp: number; name: string; runs: RunResult[]; peakMemoryBytes: number; plan?: string };

export type BenchResult = {
  label: string;
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; postgres: string; loadBefore: number[]; loadAfter: number[] };
  database: { townships: number; villages: number; households: number; entries: number };
  targets: Record<string, unknown>;
  options: { durationSeconds: number; floorSeconds: number; warmupSeconds: number; concurrency: number[] };
  operations: OperationResult[];
  closeReview: { seconds: number; entries: number; representatives: number } | null;
  peakMemoryBytes: number;
  /** Seconds from the server's start until its start-up jobs' database work went quiet. */
  startupJobsSeconds: number;
};

export type Verdict = { target: string; value: string; ok: boolean };

const ms = (value: number) => `${value.toFixed(1)} ms`;
export const ratio = (run: RunResult) => (run.floor ? run.app.p50 / run.floor.p50 : null);

/** The targets of issue 11 that one run can be held to (growth needs two runs: compare.ts). */
export function checkTargets(result: BenchResult): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const op of result.operations) {
    for (const run of op.runs) {
      const at = `${op.key} ${op.name}, c=${run.concurrency}`;
      if (run.app.requests === 0) verdicts.push({ target: `${at}: answered within the run`, value: "no answer", ok: false });
      if (run.app.failures > 0) verdicts.push({ target: `${at}: every answer 2xx`, value: JSON.stringify(run.statuses), ok: false });
      const r = ratio(run);
      if (r !== null && [1, 2, 3, 5].includes(op.issueOp)) verdicts.push({ target: `${at}: app/floor ≤ 3 at p50`, value: r.toFixed(1), ok: r <= 3 });
      if (op.issueOp === 3) verdicts.push({ target: `${at}: p95 < 100 ms`, value: ms(run.app.p95), ok: run.app.p95 < 100 });
      if (op.issueOp === 6 && run.concurrency === 16) verdicts.push({ target: `${at}: p95 < 50 ms`, value: ms(run.app.p95), ok: run.app.p95 < 50 });
    }
  }
  if (result.closeReview) {
    const { seconds, entries, representatives } = result.closeReview;
    verdicts.push({ target: `7 close a review of ${entries} entries with ${representatives} representatives: < 3 s`, value: `${seconds.toFixed(2)} s`, ok: seconds < 3 });
  }
  const mb = result.peakMemoryBytes / 2 ** 20;
  verdicts.push({ target: "server peak memory (RSS of its process tree) < 500 MB", value: `${mb.toFixed(0)} MB`, ok: mb < 500 });
  return verdicts;
}

export function printVerdicts(verdicts: Verdict[]): void {
  for (const v of verdicts) console.log(`${v.ok ? "    ok" : "MISSED"}  ${v.target}: ${v.value}`);
}
