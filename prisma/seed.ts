// `npm run db:seed` — builds the demo township, Jiashan town (夹山镇), in the database of
// DATABASE_URL: 17 villages and communities, 13,600 households, entries and reviews of every quarter
// since 2019, the township settings, score rows and each ended year's civilized families.
// The work lives in prisma/seed/*; `seedDemo` (prisma/seed/seed-demo.ts) is what tests and the
// start script call in-process.

import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_HOUSEHOLDS, DEFAULT_SEED, seedDemo } from "./seed/seed-demo";

export { seedDemo, type SeedOptions, type SeedSummary } from "./seed/seed-demo";
export { DEMO_PASSWORD, demoAccounts, type DemoSignIn } from "./seed/demo-accounts";

const HELP = `Usage: npm run db:seed -- [options]

Seeds the demo township 夹山镇 into DATABASE_URL, in one transaction; does nothing when it is
already there.

  --households N   households to create (default ${DEFAULT_HOUSEHOLDS})
  --seed S         seed of the pseudo-random generator (default ${DEFAULT_SEED})
  --today D        the seed's today, YYYY-MM-DD (default: the current date)
  --help           show this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      households: { type: "string" },
      seed: { type: "string" },
      today: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const households = values.households === undefined ? undefined : Number(values.households);
  await seedDemo(databaseUrl, { households, seed: values.seed, today: values.today });
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  main().catch((error: unknown) => {
    process.stderr.write(`db:seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
