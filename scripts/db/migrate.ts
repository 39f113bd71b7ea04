import { pathToFileURL } from "node:url";
import { MIGRATIONS_DIR, NO_FILTER, readMigrationList, withSchemaEngine } from "./schema-engine";

// `npm run db:migrate`: what `prisma migrate deploy` does, through the same engine call: pending
// migrations are applied in order, each in its own transaction, under Prisma's advisory lock,
// and recorded in `_prisma_migrations` with the SHA-256 checksum of their migration.sql.

/**
 * Applies pending migrations and returns the names of those it applied, in order; with `through`,
 * only those up to that one (a restored backup gets exactly the schema it was taken with).
 */
export async function applyMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR, through?: string): Promise<string[]> {
  const migrationsList = await readMigrationList(migrationsDir);
  if (through !== undefined) {
    const last = migrationsList.migrationDirectories.findIndex((m) => m.path === through);
    if (last < 0) throw new Error(`Migration ${through} is not in ${migrationsDir}`);
    migrationsList.migrationDirectories = migrationsList.migrationDirectories.slice(0, last + 1);
  }
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/app npm run db:migrate");
    process.exit(1);
  }
  const started = performance.now();
  const applied = await applyMigrations(databaseUrl);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (applied.length === 0) {
    console.log(`No pending migrations to apply (${seconds} s).`);
    return;
  }
  console.log(`Applied ${applied.length} migration(s) in ${seconds} s:`);
  for (const name of applied) console.log(`  ${name}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
