import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";

// The first key of the two-key advisory locks held by jobs (the second: the job's name, hashed).
const JOB_LOCK_NAMESPACE = 7_260_102;

/**
 * Runs `run` unless another instance holds the job's lock; false when it was skipped.
 *
 * The lock is a session lock on a connection of its own, not a transaction of the pool: the job
 * does its work in transactions of its own, and the embedded pglite-server runs one open
 * transaction at a time, so a transaction held open around the job would wait for the job
 * forever. A process that dies closes the connection, and PostgreSQL releases the lock.
 */
export async function runExclusively(name: string, run: () => Promise<void>): Promise<boolean> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl() });
  // A lost connection (the database restarting mid-job) is an 'error' event; unheard, it would
  // end the whole server. The job's own work runs on the app's pool and carries on (the jobs are
  // idempotent, so another instance starting the same job meanwhile does no harm); the unlock then
  // fails and the run counts as failed, to be run again next time.
  client.on("error", (error) => console.error(`[jobs] ${name}: connection lost`, error.message));
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS locked", [JOB_LOCK_NAMESPACE, name]);
    if (!rows[0]?.locked) return false;
    try {
      await run();
    } catch (error) {
      // The job's own error, not the unlock's on a lost connection; the lock goes with the connection.
      await client.query("SELECT pg_advisory_unlock($1::int, hashtext($2))", [JOB_LOCK_NAMESPACE, name]).catch(() => {});
      throw error;
    }
    await client.query("SELECT pg_advisory_unlock($1::int, hashtext($2))", [JOB_LOCK_NAMESPACE, name]);
    return true;
  } finally {
    await client.end();
  }
}
