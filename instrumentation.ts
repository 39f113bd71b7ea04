// Next calls register() once when a server instance starts (node_modules/next/dist/docs/01-app/
// 02-guides/instrumentation.md). The periodic jobs (lib/server/jobs/periodic-jobs.ts) run in the
// Node.js runtime only, and not in the workers of `next build`, which have no database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // A production server without its public address would send people to localhost: refuse to start.
  const { assertProductionEnv } = await import("./lib/env");
  if (process.env.NODE_ENV === "production") assertProductionEnv();
  const { startAppJobsOnce } = await import("./lib/server/jobs/start-periodic-jobs");
  startAppJobsOnce();
  // With replicas, measure their lag from the start, so that the first reports already use them.
  const { replicaSet } = await import("./lib/server/read-routing/replica-set");
  replicaSet();
}
