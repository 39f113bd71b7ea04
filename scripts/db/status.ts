import { pathToFileURL } from "node:url";
import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm";
import {
  MIGRATIONS_DIR,
  NO_FILTER,
  PROJECT_ROOT,
  readMigrationList,
  readSchema,
  SCHEMA_PATH,
  withSchemaEngine,
} from "./schema-engine";

// `npm run db:status`: `prisma migrate status`, plus a drift check of the database against
// prisma/schema.prisma. Exits non-zero when anything is off.

export type MigrationStatus = {
  ok: boolean;
  /** In prisma/migrations, not applied to the database. */
  pending: string[];
  /** Applied, but their migration.sql has changed since (checksum mismatch). */
  edited: string[];
  /** Started and never finished: `prisma migrate resolve` territory. */
  failed: string[];
  /** Recorded in the database, missing from prisma/migrations. */
  unknown: string[];
  /** SQL that would take the database to schema.prisma; null when they agree. */
  drift: string | null;
};

export type StatusOptions = { migrationsDir?: string; schemaPath?: string };

export async function migrationStatus(databaseUrl: string, options: StatusOptions = {}): Promise<MigrationStatus> {
  const migrationsList = await readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR);
  const schema = await readSchema(options.schemaPath ?? SCHEMA_PATH);
  return withSchemaEngine(databaseUrl, async (engine) => {
    const history = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const diff = await engine.diff({
      from: { tag: "schemaDatasource", ...schema, configDir: PROJECT_ROOT },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return summarize(history, diff.exitCode === 0 ? null : (diff.stdout ?? ""));
  });
}

function summarize(history: DiagnoseMigrationHistoryOutput, drift: string | null): MigrationStatus {
  const h = history.history;
  const pending = h && h.diagnostic !== "migrationsDirectoryIsBehind" ? h.unappliedMigrationNames : [];
  const unknown = h && h.diagnostic !== "databaseIsBehind" ? h.unpersistedMigrationNames : [];
  const status = {
    pending,
    edited: history.editedMigrationNames,
    failed: history.failedMigrationNames,
    unknown,
    drift,
  };
  const problems = [status.pending, status.edited, status.failed, status.unknown].some((list) => list.length > 0);
  return { ok: !problems && drift === null, ...status };
}

export function formatStatus(status: MigrationStatus): string {
  const lines: string[] = [];
  const list = (title: string, names: string[]) => {
    if (names.length > 0) lines.push(title, ...names.map((name) => `  ${name}`));
  };
  list("Pending (run `npm run db:migrate`):", status.pending);
  list("Edited after being applied (checksum mismatch):", status.edited);
  list("Failed (started, never finished):", status.failed);
  list("Applied to the database but missing from prisma/migrations:", status.unknown);
  if (status.drift !== null) {
    lines.push(
      "Drift: the database does not match prisma/schema.prisma.",
      "  Pending migrations explain part of it; otherwise schema.prisma changed without a migration",
      "  (`npm run db:migration -- <name>`) or the database was changed by hand.",
      "  SQL that would bring the database in line:",
      ...status.drift.trimEnd().split("\n").map((line) => `    ${line}`),
    );
  }
  if (status.ok) lines.push("Database schema is up to date: all migrations applied, no drift from schema.prisma.");
  return lines.join("\n");
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/app npm run db:status");
    process.exit(1);
  }
  const status = await migrationStatus(databaseUrl);
  console.log(formatStatus(status));
  process.exitCode = status.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
