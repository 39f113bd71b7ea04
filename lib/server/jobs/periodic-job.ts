import "server-only";

/**
 * Work the app does by itself, every `everyMs`, in every instance: under a PostgreSQL advisory
 * lock named after the job, so two instances never run it at the same time (but each runs it
 * on its own schedule: a job must be safe to run again, finding nothing to do).
 */
export type PeriodicJob = {
  /** Unique; names the lock and the log lines. */
  name: string;
  everyMs: number;
  run: () => Promise<void>;
};
