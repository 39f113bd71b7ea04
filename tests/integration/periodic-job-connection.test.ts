import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { runPeriodicJob } from "@/lib/server/jobs/start-periodic-jobs";
import { db } from "@/lib/server/db";
import { testServerUrl } from "../helpers/fresh-database";

// A periodic job holds its advisory lock on a connection of its own. When the database ends that
// connection mid-job (a restart, a failover), the job fails and is tried again next time; the
// server goes on. Unheard, the connection's 'error' event would have ended the process, which
// vitest reports as an unhandled error of this file.
describe.runIf(testServerUrl())("a periodic job whose connection the database ends", () => {
  it("fails that run, and the server goes on", async () => {
    let ended: { ended: boolean }[] = [];
    const outcome = await runPeriodicJob({
      name: "reliability-probe",
      everyMs: 60_000,
      run: async () => {
        // The lock's connection, found by its lock, ended as a restarting server ends it.
        ended = await db.$queryRaw<{ ended: boolean }[]>`
          SELECT pg_terminate_backend(pid) AS ended FROM pg_locks
           WHERE locktype = 'advisory' AND classid = 7260102 AND objid = hashtext('reliability-probe')::oid AND granted`;
        await new Promise((resolve) => setTimeout(resolve, 300)); // the 'error' event arrives meanwhile
      },
    });
    expect(ended).toEqual([{ ended: true }]); // the lock's connection was found and ended
    expect(outcome).toBe("failed");
    expect(await runPeriodicJob({ name: "reliability-probe", everyMs: 60_000, run: async () => {} })).toBe("done");
  });
});
