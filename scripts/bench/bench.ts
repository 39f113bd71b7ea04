// `npm run bench -- --database-url URL --label NAME [--duration S] [--port P] [--only 1a,2c,7]`
// `npm run bench -- --compare small.json large.json`
//
// Issue 11, point 2: the product's operations against its production build, under load
// (autocannon, concurrency 1 and 16), each read beside its raw-SQL floor, the server's peak
// memory, and closing a 1,000-entry review; a table on stdout and bench-results/<label>.json.
// docs/PERFORMANCE.md ("Benchmark") says how to run it and what it measured.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { chinaToday } from "@/lib/domain/entry-date";
import { NO_JIT } from "@/lib/server/prisma-client";
import { measureHttp, measureSql, warmUp, WARMUP_SECONDS, type Sample } from "./load/measure";
import { sampleMemory } from "./load/process-memory";
import { ensureProductionBuild, startProductionServer } from "../production-server";
import { compareResults } from "./report/compare";
import { describeMachine } from "./report/machine";
import { checkTargets, printVerdicts, type BenchResult, type OperationResult } from "./report/results";
import { resultTable } from "./report/table";
import { signIn } from "./setup/credentials";
import { databaseSize, vacuumAnalyze, waitForStartupJobs } from "./setup/database";
import { checkFloor, checkVerification, floorIds, issuedCodes } from "./setup/checks";
import { buildOperations, extractsToIssue, type Operation } from "./setup/operations";
import { prepareWrites } from "./setup/prepare-writes";
import { pickTargets } from "./setup/targets";

const CONCURRENCY = [1, 16];

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" }, label: { type: "string" }, duration: { type: "string", default: "10" },
    port: { type: "string", default: "3321" }, compare: { type: "boolean", default: false },
    only: { type: "string" },
  },
  allowPositionals: true,
});

/** --only: some operations by key (7 = the review close), for trying a change; the full run has all. */
const only = values.only ? new Set(values.only.split(",")) : null;

async function run(databaseUrl: string, label: string, seconds: number, port: number): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg();
  ensureProductionBuild();
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await vacuumAnalyze(admin);
  const targets = await pickTargets(admin);
  const database = await databaseSize(admin);
  console.log(`${label}: ${database.households} households, ${database.entries} entries; township ${targets.township.code}, ` +
    `village ${targets.village.code} (${targets.village.households} households), household ${targets.household.archiveNo} (${targets.household.entries} entries)`);

  const server = await startProductionServer(databaseUrl, port);
  const memory = sampleMemory(server.pid);
  const startupJobsSeconds = await waitForStartupJobs(admin);
  console.log(`start-up jobs: the server's database work went quiet after ${startupJobsSeconds.toFixed(0)} s`);
  Object.assign(process.env, { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: server.secret });
  const credentials = await signIn(targets);
  const floorSeconds = Math.max(2, seconds / 2);
  const operations: OperationResult[] = [];
  try {
    const prepared = await prepareWrites(server.url, admin, targets, credentials, extractsToIssue(seconds, 1) + extractsToIssue(seconds, 16) + 4);
    const overviewNames: string[] = [];
    const ops = buildOperations(server.url, { ...prepared, targets, credentials, today: chinaToday(new Date()) }, seconds, () => overviewNames);
    const floorCache = new Map<string, Sample[]>();
    for (const op of ops.filter((o) => !only || only.has(o.key))) {
      if (op.key === "8b") {
        prepared.issuedCodes.push(...(await issuedCodes(admin, prepared.requestedExtracts)));
        await checkVerification(server.url, op);
      }
      if (op.key === "4a") overviewNames.push(...(await floorIds(admin, op)));
      if (op.floor && op.shown) await checkFloor(server.url, admin, op);
      memory.windowPeak();
      const measured = await measureOperation(op, databaseUrl, floorSeconds, floorCache);
      operations.push({ ...measured, peakMemoryBytes: memory.windowPeak() });
    }
  } finally {
    memory.stop();
    await credentials.revoke();
    await server.stop();
  }
  const closeReview = !only || only.has("7") ? timeCloseReview(databaseUrl) : null;
  const machine = await describeMachine(admin, loadBefore);
  await admin.end();
  return {
    label, startedAt, finishedAt: new Date().toISOString(), machine,
    database, targets: { ...targets }, options: { durationSeconds: seconds, floorSeconds, warmupSeconds: WARMUP_SECONDS, concurrency: CONCURRENCY },
    operations, closeReview, peakMemoryBytes: memory.peakBytes(), startupJobsSeconds,
  };
}

async function measureOperation(op: Operation, databaseUrl: string, floorSeconds: number, floorCache: Map<string, Sample[]>): Promise<Omit<OperationResult, "peakMemoryBytes">> {
  await warmUp(op.load, op.amount(1));
  const floorKey = op.floor && JSON.stringify([op.floor.sql, op.floor.params]);
  const floors = floorKey ? floorCache.get(floorKey) ?? [] : [];
  const runs: OperationResult["runs"] = [];
  for (const [i, concurrency] of CONCURRENCY.entries()) {
    const { statuses, ...app } = await measureHttp(op.load, concurrency, op.amount(concurrency));
    if (op.floor && !floors[i]) {
      // Without JIT, as the app connects: the floor is the best the database can do.
      const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency, options: NO_JIT });
      const { sql, params } = op.floor;
      await measureSql(pool, concurrency, 1, (db) => db.query(sql, params));
      floors[i] = await measureSql(pool, concurrency, floorSeconds, (db) => db.query(sql, params));
      await pool.end();
    }
    runs.push({ concurrency, app, floor: floors[i] ?? null, statuses });
    const floor = floors[i];
    console.log(`${op.key.padEnd(3)} ${op.name.padEnd(44)} c=${String(concurrency).padEnd(2)} p50 ${app.p50.toFixed(1).padStart(7)} ms  ` +
      `p95 ${app.p95.toFixed(1).padStart(7)} ms  ${app.rps.toFixed(0).padStart(5)}/s` +
      (floor ? `  floor p50 ${floor.p50.toFixed(2)} ms  ×${(app.p50 / floor.p50).toFixed(1)}` : "") +
      (app.failures ? `  FAILED ${app.failures}: ${JSON.stringify(statuses)}` : ""));
  }
  if (floorKey) floorCache.set(floorKey, floors);
  return { key: op.key, issueOp: op.issueOp, name: op.name, runs, ...(op.floor ? { plan: await explain(databaseUrl, op.floor) } : {}) };
}

/** The floor's plan as PostgreSQL ran it (docs/PERFORMANCE.md quotes these for the hot queries). */
async function explain(databaseUrl: string, { sql, params }: NonNullable<Operation["floor"]>): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl, options: NO_JIT });
  await client.connect();
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await client.end();
  }
}

/** Operation 7 is one timing, by scripts/bench/close-review.ts on a database of its own on the same server. */
function timeCloseReview(databaseUrl: string): BenchResult["closeReview"] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-close-review-"));
  const file = path.join(dir, "result.json");
  try {
    const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/bench/close-review.ts", "--result", file], {
      stdio: "inherit", env: { ...process.env, DATABASE_URL: databaseUrl, TEST_DATABASE_URL: databaseUrl },
    });
    if (result.status !== 0) throw new Error(`close-review.ts exited with ${result.status ?? result.signal}`);
    return JSON.parse(readFileSync(file, "utf8")) as BenchResult["closeReview"];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (values.compare) {
    const [small, large] = process.argv.slice(2).filter((arg) => arg.endsWith(".json"));
    if (!small || !large) throw new Error("Usage: npm run bench -- --compare small.json large.json");
    process.exitCode = compareResults(small, large) ? 0 : 1;
    return;
  }
  // Named on purpose, never taken from DATABASE_URL: the benchmark records entries into real
  // households' chains and issues extracts, which nothing can undo in the app's own database.
  const databaseUrl = values["database-url"] ?? process.env.BENCH_DATABASE_URL;
  const label = values.label;
  const seconds = Number(values.duration);
  if (!databaseUrl || !label || !/^[\w.-]+$/.test(label) || !(seconds > 0)) {
    throw new Error("Usage: npm run bench -- --database-url URL --label NAME [--duration SECONDS] [--port PORT] (or BENCH_DATABASE_URL)");
  }
  const result = await run(databaseUrl, label, seconds, Number(values.port));
  mkdirSync("bench-results", { recursive: true });
  const file = path.join("bench-results", `${label}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  const plans = result.operations.filter((op) => op.plan).map((op) => `## ${op.key} ${op.name}\n\n${op.plan}\n`);
  writeFileSync(path.join("bench-results", `${label}-plans.txt`), plans.join("\n"));
  console.log(`\n${resultTable(result)}\n\nserver peak memory: ${(result.peakMemoryBytes / 2 ** 20).toFixed(0)} MB; ` +
    `load average before ${result.machine.loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${result.machine.loadAfter.map((l) => l.toFixed(2)).join(" ")}`);
  console.log("\nTargets (this run):");
  printVerdicts(checkTargets(result));
  console.log(`\nwritten: ${file} and the floors' plans in ${label}-plans.txt`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
