import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrationState } from "@/lib/server/migration-state";
import { createPrismaClient } from "@/lib/server/prisma-client";
import { applyMigrations } from "@/scripts/db/migrate";
import { MIGRATIONS_DIR } from "@/scripts/db/schema-engine";
import { migrationStatus } from "@/scripts/db/status";
import { createFreshDatabase, type FreshDatabase } from "../helpers/fresh-database";

// Migrations against a real database: native PostgreSQL when TEST_DATABASE_URL is set, the
// embedded pglite-server otherwise.

const localMigrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function checksumOf(name: string): string {
  const script = readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"));
  return createHash("sha256").update(script).digest("hex");
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationStateOf(url: string) {
  const db = createPrismaClient(url, 1);
  try {
    return await readMigrationState(db);
  } finally {
    await db.$disconnect();
  }
}

describe("migrations on a fresh database", () => {
  let database: FreshDatabase;
  let firstRun: string[];

  beforeAll(async () => {
    database = await createFreshDatabase("migrations");
    firstRun = await applyMigrations(database.url);
  });
  afterAll(async () => database?.drop());

  it("applies every migration and creates the tables", async () => {
    expect(localMigrations.length).toBeGreaterThan(0);
    expect(firstRun).toEqual(localMigrations);
    const tables = await query<{ table_name: string }>(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const names = tables.map((t) => t.table_name);
    expect(names).toEqual(expect.arrayContaining(["Household", "Entry", "Member", "AuditLog", "_prisma_migrations"]));
  });

  it("records each migration in _prisma_migrations with the SHA-256 of its migration.sql", async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      database.url,
      "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(localMigrations);
    for (const row of rows) {
      expect(row.checksum).toBe(checksumOf(row.migration_name));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("does nothing when applied again", async () => {
    expect(await applyMigrations(database.url)).toEqual([]);
    const [count] = await query<{ n: number }>(database.url, "SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(count?.n).toBe(localMigrations.length);
  });

  // Fails when prisma/schema.prisma is edited without `npm run db:migration -- <name>`.
  it("leaves no difference between the migrated database and prisma/schema.prisma", async () => {
    const status = await migrationStatus(database.url);
    expect(status.drift, `schema.prisma has changes without a migration:\n${status.drift}`).toBeNull();
  });

  it("reports a clean status", async () => {
    expect(await migrationStatus(database.url)).toEqual({
      ok: true,
      pending: [],
      edited: [],
      failed: [],
      unknown: [],
      drift: null,
    });
  });

  it("is reported healthy by the runtime migration check", async () => {
    expect(await migrationStateOf(database.url)).toEqual({
      ok: true,
      applied: localMigrations.length,
      pending: [],
      modified: [],
      failed: [],
    });
  });
});

// Tampering happens on a database of its own, in the order of the tests below.
describe("a database whose migration records were tampered with", () => {
  let database: FreshDatabase;
  const latest = localMigrations.at(-1) ?? "";

  beforeAll(async () => {
    database = await createFreshDatabase("migration_state");
    await applyMigrations(database.url);
  });
  afterAll(async () => database?.drop());

  it("reports a migration edited after being applied (checksum mismatch)", async () => {
    await query(database.url, `UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '${latest}'`);
    expect(await migrationStateOf(database.url)).toMatchObject({ ok: false, modified: [latest], pending: [] });
    expect(await migrationStatus(database.url)).toMatchObject({ ok: false, edited: [latest], pending: [] });
  });

  it("reports a pending migration once its _prisma_migrations row is deleted", async () => {
    await query(database.url, `DELETE FROM _prisma_migrations WHERE migration_name = '${latest}'`);
    const state = await migrationStateOf(database.url);
    expect(state).toEqual({
      ok: false,
      applied: localMigrations.length - 1,
      pending: [latest],
      modified: [],
      failed: [],
    });
    expect(await migrationStatus(database.url)).toMatchObject({ ok: false, pending: [latest], edited: [] });
  });
});

describe("a migration that fails halfway", () => {
  let database: FreshDatabase;
  let migrationsDir: string;
  const broken = "29991231000000_broken";

  beforeAll(async () => {
    database = await createFreshDatabase("migration_failure");
    migrationsDir = path.join(mkdtempSync(path.join(tmpdir(), "fca-migrations-")), "migrations");
    cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    mkdirSync(path.join(migrationsDir, broken));
    writeFileSync(
      path.join(migrationsDir, broken, "migration.sql"),
      [
        `CREATE TABLE "Partial" ("note" TEXT DEFAULT 'a;b');`,
        `ALTER TABLE "Household" ADD COLUMN "partial" INTEGER;`,
        `ALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;`,
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await database?.drop();
    if (migrationsDir) rmSync(path.dirname(migrationsDir), { recursive: true, force: true });
  });

  it("is rolled back as a whole and recorded as failed", async () => {
    await expect(applyMigrations(database.url, migrationsDir)).rejects.toThrow(/NoSuchTable/);
    const leftovers = await query(
      database.url,
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_name = 'Partial' OR (table_name = 'Household' AND column_name = 'partial')`,
    );
    expect(leftovers).toEqual([]);
    const db = createPrismaClient(database.url, 1);
    try {
      expect(await readMigrationState(db, migrationsDir)).toMatchObject({ ok: false, failed: [broken], pending: [] });
    } finally {
      await db.$disconnect();
    }
    expect(await migrationStatus(database.url, { migrationsDir })).toMatchObject({ ok: false, failed: [broken] });
  });
});
