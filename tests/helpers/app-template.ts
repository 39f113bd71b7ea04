import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { createFreshDatabase, testServerUrl } from "./fresh-database";

// Global set-up of the integration tests on a PostgreSQL server: the migrated, seeded township
// that every test file starts from (./app-database.ts) is made once, and each file gets a copy of
// it (CREATE DATABASE … TEMPLATE) in under a second instead of migrating and seeding its own
// (about 6 s each). The embedded server has no templates: there each file still builds its own.

export const TEST_TODAY = "2026-11-20";
export const TEST_HOUSEHOLDS = 240;

declare module "vitest" {
  export interface ProvidedContext {
    /** The name of the template database, or "" on the embedded server. */
    appTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!testServerUrl()) {
    project.provide("appTemplate", "");
    return async () => {};
  }
  const template = await createFreshDatabase("template");
  // The global set-up runs outside the test workers, without their react-server condition that the
  // seed's server-only modules need: it builds the template with the project's own commands.
  const run = (script: string, ...args: string[]) => {
    const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], {
      stdio: "inherit", env: { ...process.env, DATABASE_URL: template.url },
    });
    if (result.status !== 0) throw new Error(`npm run ${script} failed for the test template`);
  };
  try {
    run("db:migrate");
    run("db:seed", "--households", String(TEST_HOUSEHOLDS), "--today", TEST_TODAY);
  } catch (error) {
    await template.drop();
    throw error;
  }
  project.provide("appTemplate", new URL(template.url).pathname.slice(1));
  return template.drop;
}
