import "server-only";
import { purgeIdempotencyKeys } from "@/lib/server/api/idempotency";
import { recordDailyDigests } from "@/lib/server/chain/record-daily-digests";
import { removeUnattachedEvidence } from "@/lib/server/evidence/remove-unattached-evidence";
import { refreshStaleScores } from "@/lib/server/scores/refresh-stale-scores";
import type { PeriodicJob } from "./periodic-job";
import { systemContext } from "./system-context";

const HOUR = 60 * 60 * 1000;

/**
 * Every periodic job of the app, started by instrumentation.ts in each server instance (once
 * shortly after start, then every `everyMs`). To add one, add an entry here: a unique name, how
 * often, and a function that does its writes in its own transactions with their audit records
 * (as the system: actorId null, `systemContext(name)`).
 */
export const periodicJobs: readonly PeriodicJob[] = [
  {
    // Photos uploaded but never attached to an entry or a rectification request, after a day.
    name: "evidence.removeUnattached",
    everyMs: HOUR,
    run: async () => {
      const { removed } = await removeUnattachedEvidence(systemContext("evidence.removeUnattached"));
      if (removed) console.info(`[jobs] evidence.removeUnattached: removed ${removed} unattached photo(s)`);
    },
  },
  {
    // DESIGN.md: each township's digest at least daily; the hourly runs find it taken until the next day.
    name: "chains.recordDailyDigests",
    everyMs: HOUR,
    run: async () => {
      await recordDailyDigests(systemContext("chains.recordDailyDigests"));
    },
  },
  {
    // Scores that time made stale: settings taking effect today, a new year begun. Derived rows,
    // not archive data, so no audit record (the settings change itself is audited).
    name: "scores.refreshStale",
    everyMs: HOUR,
    run: async () => {
      const refreshed = await refreshStaleScores();
      if (refreshed) console.info(`[jobs] scores.refreshStale: refreshed ${refreshed} household(s)`);
    },
  },
  {
    // Idempotency-Key answers kept for retries, after a day. Not archive data, so no audit record.
    name: "idempotency.purgeKeys",
    everyMs: HOUR,
    run: async () => {
      const purged = await purgeIdempotencyKeys();
      if (purged) console.info(`[jobs] idempotency.purgeKeys: purged ${purged} key(s)`);
    },
  },
];
