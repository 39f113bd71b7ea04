// `npm run bench:data -- --households 1000000 [--database-url URL] [--activity 3.5] [--seed S] [--today D]`
//
// Fills a separate, empty database (--database-url or BENCH_DATABASE_URL; migrated here when it
// has no tables yet) with a prefecture for the benchmarks: ceil(N / 13,600) townships of up to
// 13,600 households in 17 villages each, the first one the demo township 夹山镇 with its demo
// accounts (the others' staff sign in as t002-official, t002-clerk-xinhua, …). The rows come from
// the seed's own generators (prisma/seed), each household's marks of a year drawn `--activity`
// times (about ten entries per household at the default 3.5), written by load-prefecture.ts.
import { parseArgs } from "node:util";
import pg from "pg";
import { prefectureTownship, splitPrefecture, TOWNSHIP_HOUSEHOLDS } from "../../prisma/seed/prefecture";
import { DEFAULT_SEED } from "../../prisma/seed/seed-demo";
import { realToday } from "../../prisma/seed/time";
import { countRows } from "../../prisma/seed/write";
import { loadPrefecture } from "./load-prefecture";

// The demo seed records about 3 entries per household since 2019 (to the end of 2026); 3.5 times that makes about ten.
const DEFAULT_ACTIVITY = 3.5;

const { values } = parseArgs({
  options: {
    households: { type: "string", default: String(TOWNSHIP_HOUSEHOLDS) },
    "database-url": { type: "string" },
    activity: { type: "string", default: String(DEFAULT_ACTIVITY) },
    seed: { type: "string", default: DEFAULT_SEED },
    today: { type: "string" },
  },
});
const databaseUrl = values["database-url"] ?? process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error("bench:data needs --database-url or BENCH_DATABASE_URL (a separate, empty database)");
const options = { households: Number(values.households), seed: values.seed, today: values.today ?? realToday(), activity: Number(values.activity) };
const sizes = splitPrefecture(options.households);

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1).padStart(6);
console.log(`bench:data: ${sizes.length} township(s) of ${options.households.toLocaleString("en")} households ` +
  `(${prefectureTownship(0).name} first), activity ${options.activity}, seed ${options.seed}, today ${options.today}`);
const rows = await loadPrefecture(databaseUrl, options, (line) => console.log(`${seconds()} s  ${line}`));

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
try {
  const counts = await countRows(client);
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(26)} ${n.toLocaleString("en").padStart(12)}`);
  const { rows: [size] } = await client.query<{ size: string }>("SELECT pg_size_pretty(pg_database_size(current_database())) AS size");
  console.log(`bench:data: ${rows.toLocaleString("en")} rows in ${seconds().trim()} s; database size ${size?.size}`);
} finally {
  await client.end();
}
