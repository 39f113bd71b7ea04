import "server-only";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// A light check for /api/health: the migration folders and their checksums against Prisma's
// `_prisma_migrations` table, with one SQL query and without the schema engine.
// `npm run db:status` is the thorough version (it also detects drift from schema.prisma).

export type MigrationState = {
  ok: boolean;
  applied: number;
  pending: string[];
  modified: string[];
  failed: string[];
};

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

type Queryable = Pick<PrismaClient, "$queryRaw">;

export async function readMigrationState(
  db: Queryable,
  migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
): Promise<MigrationState> {
  const [local, rows] = await Promise.all([readLocalMigrations(migrationsDir), readMigrationRows(db)]);
  return compareMigrations(local, rows);
}

function compareMigrations(local: Map<string, string>, rows: MigrationRow[]): MigrationState {
  const applied = new Map<string, string>();
  const failed: string[] = [];
  for (const row of rows) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) failed.push(row.migration_name);
    else applied.set(row.migration_name, row.checksum);
  }
  const pending: string[] = [];
  const modified: string[] = [];
  for (const [name, script] of local) {
    const checksum = applied.get(name);
    if (checksum === undefined) {
      if (!failed.includes(name)) pending.push(name);
    } else if (!matchesChecksum(script, checksum)) modified.push(name);
  }
  const ok = pending.length === 0 && modified.length === 0 && failed.length === 0;
  return { ok, applied: applied.size, pending, modified, failed };
}

/** Folder name → migration.sql content, in the order Prisma applies them. */
async function readLocalMigrations(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const scripts = await Promise.all(names.map((name) => readFile(path.join(dir, name, "migration.sql"), "utf8")));
  return new Map(names.map((name, i) => [name, scripts[i] ?? ""]));
}

async function readMigrationRows(db: Queryable): Promise<MigrationRow[]> {
  const [table] = await db.$queryRaw<{ present: boolean }[]>`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
  if (!table?.present) return [];
  return db.$queryRaw<MigrationRow[]>`
    SELECT migration_name, checksum, finished_at, rolled_back_at
    FROM _prisma_migrations ORDER BY started_at`;
}

// As the schema engine does: a checkout with other line endings (git on Windows) still matches.
export function matchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => createHash("sha256").update(variant).digest("hex") === checksum);
}
