// Import this FIRST in an integration test that exercises lib/server: it creates a fresh,
// migrated database with a small seeded township and points the app's DATABASE_URL at it
// before any app module reads the environment. ESM evaluates imports in order, and the
// top-level await below finishes before the next import of the test file is evaluated.
// On a PostgreSQL server the database is a copy of the template made once (./app-template.ts).
import { afterAll, inject } from "vitest";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { applyMigrations } from "../../scripts/db/migrate";
import { TEST_HOUSEHOLDS, TEST_TODAY } from "./app-template";
import { createFreshDatabase } from "./fresh-database";

export { TEST_TODAY };

const template = inject("appTemplate");
const database = await createFreshDatabase("app", template || undefined);
if (!template) {
  try {
    await applyMigrations(database.url);
    await seedDemo(database.url, { households: TEST_HOUSEHOLDS, today: TEST_TODAY, quiet: true });
  } catch (error) {
    await database.drop(); // no stray database or embedded server when set-up fails
    throw error;
  }
}

process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";

afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  await database.drop();
});

export const appDatabaseUrl = database.url;
