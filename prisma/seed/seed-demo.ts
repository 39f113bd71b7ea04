import pg from "pg";
import { createContext } from "./context";
import { copyWriter, supportsCopy } from "./copy-writer";
import { generateBatches } from "./generate";
import { formatSummary, progressBar } from "./report";
import { realToday } from "./time";
import { TOWNSHIP, VILLAGES } from "./villages";
import { countRows, unnestWriter, type BatchWriter } from "./write";

export const DEFAULT_HOUSEHOLDS = 13_600;
export const DEFAULT_SEED = "2019";
/** Fewer households than this leave villages too small for three representatives each. */
export const MIN_HOUSEHOLDS = VILLAGES.length * 10;

export type SeedOptions = {
  households?: number;
  seed?: string | number;
  /** "YYYY-MM-DD"; the seed's today. Defaults to the real current date (UTC). */
  today?: string;
  onProgress?: (progress: SeedProgress) => void;
  /** Unless true, shows a progress bar on stderr (when a terminal) and prints the summary line. */
  quiet?: boolean;
};

/** Villages generated and written so far, and the rows written. */
export type SeedProgress = { done: number; total: number; rows: number };

export type SeedSummary = {
  /** True when the township already existed and nothing was written. */
  skipped: boolean;
  township: string;
  /** Households in the database after the run. */
  households: number;
  /** The options of this call (when skipped, not necessarily those the data was built with). */
  seed: string;
  today: string;
  /** Row counts of the seeded tables after the run. */
  counts: Record<string, number>;
  elapsedMs: number;
};

/**
 * Seeds the demo township (夹山镇) into the database at `databaseUrl`, in one transaction.
 * Idempotent: when the township exists, nothing is written and the summary says `skipped`.
 */
export async function seedDemo(databaseUrl: string, options: SeedOptions = {}): Promise<SeedSummary> {
  const bar = options.quiet ? null : progressBar();
  try {
    const summary = await seed(databaseUrl, options, (p) => {
      bar?.onProgress(p);
      options.onProgress?.(p);
    });
    bar?.stop();
    if (!options.quiet) process.stdout.write(`${formatSummary(summary)}\n`);
    return summary;
  } finally {
    bar?.stop();
  }
}

async function seed(databaseUrl: string, options: SeedOptions, progress: (p: SeedProgress) => void): Promise<SeedSummary> {
  const started = performance.now();
  const households = options.households ?? DEFAULT_HOUSEHOLDS;
  if (!Number.isInteger(households) || households < MIN_HOUSEHOLDS) {
    throw new Error(`households must be an integer of at least ${MIN_HOUSEHOLDS}, got ${households}`);
  }
  const settings = { households, seed: String(options.seed ?? DEFAULT_SEED), today: options.today ?? realToday() };
  createContext(settings.seed, settings.today); // validates --today before touching the database
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const finish = async (skipped: boolean): Promise<SeedSummary> => {
      const counts = await countRows(client);
      const township = `${TOWNSHIP.name} (${TOWNSHIP.code})`;
      const elapsedMs = Math.round(performance.now() - started);
      return { skipped, township, ...settings, households: counts.Household ?? 0, counts, elapsedMs };
    };
    if (await townshipExists(client)) return await finish(true);

    await client.query("BEGIN");
    try {
      // Two seeds started at once: the second waits here, then finds the township and stops.
      await client.query("SELECT pg_advisory_xact_lock(4207260001)");
      if (await townshipExists(client)) {
        await client.query("ROLLBACK");
        return await finish(true);
      }
      // Generated and written village by village, in this one transaction: memory holds one village.
      const writer: BatchWriter = (await supportsCopy(client)) ? copyWriter(client) : unnestWriter(client);
      let rows = 0;
      let done = 0;
      for await (const batch of generateBatches(settings)) {
        rows += await writer.write(batch.data);
        if (batch.village !== null) progress({ done: ++done, total: VILLAGES.length, rows });
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    return await finish(false);
  } finally {
    await client.end();
  }
}

async function townshipExists(client: pg.ClientBase): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM "Township" WHERE code = $1', [TOWNSHIP.code]);
  return (result.rowCount ?? 0) > 0;
}
