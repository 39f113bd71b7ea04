import "server-only";
import type { PeriodicJob } from "./periodic-job";
import { periodicJobs } from "./periodic-jobs";
import { runExclusively } from "./run-exclusively";

export type JobOutcome = "done" | "busy" | "failed";

/** One run of a job under its lock. Never throws: a failure is logged and tried again next time. */
export async function runPeriodicJob(job: PeriodicJob): Promise<JobOutcome> {
  try {
    return (await runExclusively(job.name, job.run)) ? "done" : "busy";
  } catch (error) {
    console.error(`[jobs] ${job.name} failed`, error);
    return "failed";
  }
}

/**
 * Runs each job shortly after start and then every `everyMs`, never two runs of one job at once
 * in this process. The timers do not keep the process alive. Returns a function that stops them.
 */
export function startPeriodicJobs(jobs: readonly PeriodicJob[], firstRunAfterMs = 15_000): () => void {
  const timers = jobs.flatMap((job) => {
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      void runPeriodicJob(job).finally(() => { running = false; });
    };
    return [setTimeout(tick, firstRunAfterMs).unref(), setInterval(tick, job.everyMs).unref()];
  });
  return () => timers.forEach((timer) => clearTimeout(timer));
}

const globalForJobs = globalThis as unknown as { stopPeriodicJobs?: () => void };

/** For instrumentation.ts: the dev server may call register() again; the jobs start once. */
export function startAppJobsOnce(): void {
  globalForJobs.stopPeriodicJobs ??= startPeriodicJobs(periodicJobs);
}
