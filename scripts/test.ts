import { spawnSync } from "node:child_process";
import { createFreshDatabase } from "../tests/helpers/fresh-database";
import { seedDemo } from "../prisma/seed/seed-demo";
import { isBuildCurrent, recordBuild } from "./build-fingerprint";
import { applyMigrations } from "./db/migrate";
import { ensureChromium } from "./find-chromium";

// `npm test`: every check, in order, stopping at the first failure.
// Integration tests use TEST_DATABASE_URL (or DATABASE_URL) when set, else embedded servers.
const bin = (name: string) => `node_modules/.bin/${name}`;
const E2E_HOUSEHOLDS = Number(process.env.E2E_HOUSEHOLDS ?? 1500);

type Stage = { name: string; run: () => Promise<void> | void };

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

async function endToEnd(): Promise<void> {
  const chromium = ensureChromium();
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!isBuildCurrent()) {
    sh(bin("next"), ["build"], env);
    recordBuild();
  }
  const database = await createFreshDatabase("e2e");
  try {
    await applyMigrations(database.url);
    await seedDemo(database.url, { households: E2E_HOUSEHOLDS, quiet: true });
    sh(bin("playwright"), ["test"], { ...env, E2E_DATABASE_URL: database.url, CHROMIUM_PATH: chromium ?? "" });
  } finally {
    await database.drop();
  }
}

const stages: Stage[] = [
  { name: "lint", run: () => sh(bin("eslint"), [".", "--max-warnings=0"]) },
  { name: "typecheck", run: () => sh(bin("tsc"), ["--noEmit"]) },
  { name: "unit", run: () => sh(bin("vitest"), ["run", "--project", "unit"]) },
  { name: "integration", run: () => sh(bin("vitest"), ["run", "--project", "integration"]) },
  { name: "e2e", run: endToEnd },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !stages.some((s) => s.name === name));
  if (unknown.length) {
    console.error(`Unknown stage(s): ${unknown.join(", ")}. Stages: ${stages.map((s) => s.name).join(", ")}`);
    process.exit(2);
  }
  const selected = only.length ? stages.filter((s) => only.includes(s.name)) : stages;
  let passed = 0;
  for (const stage of selected) {
    const started = Date.now();
    console.log(`\n━━ ${stage.name} ━━`);
    try {
      await stage.run();
    } catch (error) {
      console.error(`\n✗ ${stage.name} failed: ${error instanceof Error ? error.message : error}`);
      console.log(`stages: ${passed} passed, 1 failed`);
      process.exit(1);
    }
    passed++;
    console.log(`✓ ${stage.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  console.log(`stages: ${passed} passed, 0 failed`);
}

void main();
