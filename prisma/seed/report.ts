import cliProgress from "cli-progress";
import pg from "pg";
import type { SeedProgress, SeedSummary } from "./seed-demo";
import { TOWNSHIP } from "./villages";

// What a person running the seed sees: a progress bar on stderr (only when it is a terminal)
// and one summary line; and the demo township's 2020 figures next to the town's, which
// `npm start` prints.

export function progressBar(): { onProgress: (p: SeedProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "seeding [{bar}] {percentage}% | {value}/{total} villages | {rows} rows", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (p) => {
      const payload = { rows: p.rows.toLocaleString("en-US") };
      if (started) return bar.update(p.done, payload);
      bar.start(p.total, p.done, payload);
      started = true;
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** One line: the counts that matter and the time taken. */
export function formatSummary(s: SeedSummary): string {
  const n = (table: string) => (s.counts[table] ?? 0).toLocaleString("en-US");
  const counts =
    `${n("Village")} villages, ${n("Household")} households, ${n("Member")} members, ` +
    `${n("Account")} accounts, ${n("Entry")} entries, ${n("EntryEvent")} events, ` +
    `${n("QuarterlyReview")} reviews, ${n("ReviewBallot")} ballots, ${n("Appeal")} appeals, ` +
    `${n("Rectification")} rectifications, ${n("CivilizedFamilyAward")} civilized-family nominations`;
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  return s.skipped
    ? `Demo data: already seeded (${s.township} exists), nothing written: ${counts} [${seconds} s]`
    : `Demo data: seeded ${s.township}: ${counts} in ${seconds} s (seed ${s.seed}, today ${s.today})`;
}

/** What the town reported for 2020 (DESIGN.md "The practice it serves"), for 13,600 households. */
export const TOWN_REPORTED_2020 = { households: 13_600, civilizedFamilies: 2_842, redsByYearEnd: 5_423 } as const;

export type DemoFigures2020 = { households: number; civilizedFamilies: number; redsByYearEnd: number };

/**
 * The demo township's 2020 figures as the database holds them: its households, the families
 * AWARDED as civilized families for 2020, and the CONFIRMED red entries (entries, not marks)
 * that occurred in 2019 and 2020. Null when the demo township is not there.
 */
export async function demoFigures2020(client: pg.ClientBase): Promise<DemoFigures2020 | null> {
  const result = await client.query<DemoFigures2020>(
    `SELECT (SELECT count(*)::int FROM "Household" h JOIN "Village" v ON v.id = h."villageId" WHERE v."townshipId" = t.id) AS households,
            (SELECT count(*)::int FROM "CivilizedFamilyAward" a WHERE a."townshipId" = t.id AND a.year = 2020 AND a.status = 'AWARDED') AS "civilizedFamilies",
            (SELECT count(*)::int FROM "Entry" e JOIN "Village" v ON v.id = e."villageId"
              WHERE v."townshipId" = t.id AND e.category = 'RED' AND e.status = 'CONFIRMED'
                AND e."occurredOn" BETWEEN DATE '2019-01-01' AND DATE '2020-12-31') AS "redsByYearEnd"
     FROM "Township" t WHERE t.code = $1`,
    [TOWNSHIP.code],
  );
  return result.rows[0] ?? null;
}

/** Two lines: the demo township's 2020 figures next to the town's reported ones. */
export function formatFigures2020(f: DemoFigures2020): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const share = (x: number, of: number) => `${of ? ((100 * x) / of).toFixed(1) : "0.0"}%`;
  const r = TOWN_REPORTED_2020;
  return [
    `  2020 in the demo township (${n(f.households)} households): ${n(f.civilizedFamilies)} civilized families (${share(f.civilizedFamilies, f.households)})` +
      ` — the town reported about ${n(r.civilizedFamilies)} (${share(r.civilizedFamilies, r.households)} of ${n(r.households)})`,
    `  ${n(f.redsByYearEnd)} reds earned by the end of 2020 (confirmed red entries of 2019–2020) — the town reported about ${n(r.redsByYearEnd)}`,
  ].join("\n");
}

/** Reads the demo township's 2020 figures from the database at `databaseUrl` and formats them (null when it is not there). */
export async function reportFigures2020(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const figures = await demoFigures2020(client);
    return figures ? formatFigures2020(figures) : null;
  } finally {
    await client.end();
  }
}
