import type pg from "pg";
import type { BenchResult } from "../report/results";

// The database under a benchmark: brought to the state production keeps it in, measured, and
// left quiet before the timing starts.

/**
 * The tables as autovacuum keeps them on a production server (the CI server runs with autovacuum
 * off, and a freshly generated database was never vacuumed): planner statistics, without which
 * estimates far off the real row counts sent app and floor alike into other plans, JIT
 * compilation included (the archive floor took 70–150 ms instead of 3 ms); and the visibility
 * map, without which no index-only scan pays off (a township's 13,500 households were counted
 * by a sequential scan of the prefecture's million, 150–220 ms instead of a few). 28 s on the
 * freshly generated 1,000,000 households; later runs find little to do.
 */
export async function vacuumAnalyze(db: pg.Pool): Promise<void> {
  const started = performance.now();
  await db.query("VACUUM (ANALYZE)");
  console.log(`VACUUM (ANALYZE): ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * The server runs its periodic jobs (lib/server/jobs/periodic-jobs.ts) 15 s after it starts, then
 * hourly; at a prefecture the first run scans every township for a while (about 1.2 s each for
 * the stale scores). Measured during it, the first operations would time the jobs: wait until no
 * other session of the database has been active for 3 s (5 minutes at most), and report how long
 * that took.
 */
export async function waitForStartupJobs(db: pg.Pool): Promise<number> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let quietSince = Infinity;
  // At most 5 minutes: another session that stays active (a psql left in a transaction, another
  // run) would otherwise hold the benchmark forever; the report then says 300 s.
  while ((elapsed() < 20 || performance.now() - quietSince < 3_000) && elapsed() < 300) {
    const { rows } = await db.query<{ busy: number }>(`SELECT count(*)::int AS busy FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle')`);
    if (rows[0]!.busy > 0) quietSince = Infinity;
    else if (quietSince === Infinity) quietSince = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return elapsed();
}

export async function databaseSize(db: pg.Pool): Promise<BenchResult["database"]> {
  const { rows } = await db.query<BenchResult["database"]>(`SELECT
    (SELECT count(*)::int FROM "Township") AS "townships", (SELECT count(*)::int FROM "Village") AS "villages",
    (SELECT count(*)::int FROM "Household") AS "households", (SELECT count(*)::int FROM "Entry") AS "entries"`);
  return rows[0]!;
}
