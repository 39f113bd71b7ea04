import pg from "pg";
import { supportsCopy, writeCopyTexts } from "../../prisma/seed/copy-writer";
import { prefectureTownship, splitPrefecture } from "../../prisma/seed/prefecture";
import { applyMigrations } from "../db/migrate";
import { loadWithoutChecks } from "./load-without-checks";
import { townshipWorkers } from "./township-workers";

// The work of `npm run bench:data` (generate-data.ts): a prefecture from the seed's own
// generators, generated in worker threads (township-workers.ts) and written with COPY one village
// at a time, one transaction per township, so that a crash leaves whole townships.

export type PrefectureOptions = {
  households: number; seed: string; today: string; activity: number;
  /** Households of a township at most (13,600; smaller in tests). */
  perTownship?: number;
};

/** Fills the empty database at `databaseUrl` (migrating it when it has no tables); returns the rows written. */
export async function loadPrefecture(databaseUrl: string, options: PrefectureOptions, log: (line: string) => void): Promise<number> {
  const { perTownship, seed, today, activity } = options;
  const sizes = splitPrefecture(options.households, perTownship);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await prepare(client, databaseUrl);
    let rows = 0;
    await client.query("SET synchronous_commit = off"); // a crash loses the last townships at worst: start again
    await loadWithoutChecks(client, databaseUrl, async () => {
      const jobs = sizes.map((households, index) => ({ index, households }));
      const workers = townshipWorkers(jobs, { seed, today, activity });
      try {
        for (const [position, { index, households }] of jobs.entries()) {
          const township = prefectureTownship(index);
          await client.query("BEGIN");
          try {
            for await (const texts of workers.township(position)) {
              rows += await writeCopyTexts(client, texts);
            }
            await client.query("COMMIT");
          } catch (error) {
            await client.query("ROLLBACK").catch(() => {});
            throw error;
          }
          log(`${township.name} (${township.code}): ${households.toLocaleString("en")} households · ${rows.toLocaleString("en")} rows in all`);
        }
      } finally {
        await workers.stop();
      }
    }, log);
    await client.query("ANALYZE");
    return rows;
  } finally {
    await client.end();
  }
}

/** Migrates a database without tables; refuses one that holds any township, account or household. */
async function prepare(client: pg.Client, url: string): Promise<void> {
  if (!(await supportsCopy(client))) throw new Error("bench:data needs a PostgreSQL server (the embedded pglite-server has no COPY FROM STDIN)");
  const { rows: [state] } = await client.query<{ migrated: boolean }>(`SELECT to_regclass('"Township"') IS NOT NULL AS migrated`);
  if (!state?.migrated) await applyMigrations(url);
  const { rows: [data] } = await client.query<{ used: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM "Township") OR EXISTS (SELECT 1 FROM "Account") OR EXISTS (SELECT 1 FROM "Household") AS used`);
  if (data?.used) throw new Error("bench:data refuses to write into a database that already has data: give it a new, empty one (createdb …)");
}
