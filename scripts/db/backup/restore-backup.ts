import path from "node:path";
import pg from "pg";
import { supportsCopy } from "../../../prisma/seed/copy-writer";
import { applyMigrations } from "../migrate";
import { MIGRATIONS_DIR } from "../schema-engine";
import { countRows, listTables, quoted, readMigrations, tablesWithRows, type Table } from "./catalogue";
import { alteredEvidence, evidenceToRestore, restoreEvidence } from "./evidence-files";
import { copyTableIn, insertTableIn } from "./load-table";
import { FILES_DIR, fileSha256, readManifest, type Manifest } from "./manifest";
import { migrationsAfter } from "./migrations";

// `npm run db:restore`: a backup into an empty database. Everything that can be checked without
// changing anything is checked first (the files against the manifest, the migrations against
// prisma/migrations, the database is empty, UPLOAD_DIR holds no other file under the same keys);
// then exactly the backup's migrations are applied and every table is loaded in one transaction,
// which commits only when each table holds the manifest's number of rows and every evidence file
// is in UPLOAD_DIR. Any failure rolls it back: the database is left empty (and migrated).

export type RestoreOptions = { databaseUrl: string; backupDir: string; uploadDir: string; log?: (line: string) => void };
export type RestoreSummary = { tables: number; rows: number; evidenceFiles: number; migrations: number; laterMigrations: string[] };

export async function restoreBackup({ databaseUrl, backupDir, uploadDir, log = () => {} }: RestoreOptions): Promise<RestoreSummary> {
  const manifest = await readManifest(backupDir);
  await assertIntact(backupDir, manifest);
  const laterMigrations = await migrationsAfter(manifest.migrations);
  const evidence = await evidenceToRestore(manifest.evidence.files, uploadDir);
  log(`backup of ${manifest.createdAt}: ${manifest.tables.length} tables, ${manifest.evidence.files.length} evidence files, checked against its manifest`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await assertEmpty(client, manifest);
    log(`applying the backup's ${manifest.migrations.length} migrations`);
    await applyMigrations(databaseUrl, MIGRATIONS_DIR, manifest.migrations.at(-1)!.name);
    const tables = await tablesOf(client, manifest);
    const load = (await supportsCopy(client)) ? copyTableIn : insertTableIn;
    await client.query("BEGIN");
    try {
      // Nothing else may write while the tables are filled; they were empty when checked above.
      await client.query(`LOCK TABLE ${manifest.tables.map((t) => quoted(t.name)).join(", ")} IN ACCESS EXCLUSIVE MODE`);
      const written = await tablesWithRows(client, [...tables.keys()]);
      if (written.length > 0) throw new Error(`Another process wrote to ${written.join(", ")} while the migrations were applied. Nothing was restored.`);
      for (const entry of manifest.tables) {
        const rows = await load(client, { table: tables.get(entry.name)!, columns: entry.columns, file: path.join(backupDir, entry.file) });
        log(`${entry.name.padEnd(26)} ${rows.toLocaleString("en").padStart(12)} ${rows === 1 ? "row" : "rows"}`);
      }
      // Deferred checks and triggers (a township's default settings) run now, before the counts.
      await client.query("SET CONSTRAINTS ALL IMMEDIATE");
      await assertCounts(client, manifest);
      for (const sequence of manifest.sequences) {
        await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [quoted(sequence.name), sequence.lastValue, sequence.isCalled]);
      }
      await restoreEvidence(evidence, backupDir, uploadDir);
      log(`evidence files: ${evidence.length.toLocaleString("en")} written to ${uploadDir}, ${manifest.evidence.files.length - evidence.length} already there`);
      // The files stay even if COMMIT fails: a lost connection leaves the outcome unknown, and rows
      // without their files would be worse than files without rows.
      await client.query("COMMIT").catch((error: unknown) => {
        throw new Error(`COMMIT failed (${error instanceof Error ? error.message : String(error)}): the restore may or may not have been committed. `
          + `The evidence files were left in ${uploadDir}; check the database before restoring again.`);
      });
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await client.end();
  }
  return {
    tables: manifest.tables.length, rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
    evidenceFiles: manifest.evidence.files.length, migrations: manifest.migrations.length, laterMigrations,
  };
}

async function assertIntact(backupDir: string, manifest: Manifest): Promise<void> {
  const altered: string[] = [];
  for (const table of manifest.tables) {
    if ((await fileSha256(path.join(backupDir, table.file)).catch(() => null)) !== table.sha256) altered.push(table.file);
  }
  for (const key of await alteredEvidence(backupDir, manifest.evidence.files)) altered.push(`${FILES_DIR}/${key}`);
  if (altered.length > 0) {
    throw new Error(`The backup in ${backupDir} is damaged: ${altered.join(", ")} ${altered.length === 1 ? "is" : "are"} missing or `
      + "differ from its manifest (SHA-256). Nothing was restored.");
  }
}

/**
 * Empty: no tables, or the app's tables (of a prefix of the backup's migrations) without a row.
 * A database with the app's tables and no rows is what a failed restore leaves, so it can be retried.
 */
async function assertEmpty(client: pg.ClientBase, manifest: Manifest): Promise<void> {
  const names = (await listTables(client)).map((t) => t.name);
  const known = new Set(manifest.tables.map((t) => t.name));
  const foreign = names.filter((name) => !known.has(name));
  const withRows = await tablesWithRows(client, names);
  const applied = (await readMigrations(client)).map((m) => m.name);
  const unexpected = applied.filter((name, i) => manifest.migrations[i]?.name !== name);
  const problems = [
    withRows.length > 0 && `${listed(withRows)} ${withRows.length === 1 ? "holds" : "hold"} rows`,
    foreign.length > 0 && `it has tables the backup does not: ${foreign.join(", ")}`,
    unexpected.length > 0 && `it has migrations the backup was not taken with: ${unexpected.join(", ")}`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`The database is not empty: ${problems.join("; ")}. A backup is restored only into an empty database `
      + "(a new one, or one migrated by this app with no rows). Nothing was changed.");
  }
}

/** The migrated database's tables, which must be the backup's. */
async function tablesOf(client: pg.ClientBase, manifest: Manifest): Promise<Map<string, Table>> {
  const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
  const missing = manifest.tables.filter((t) => !tables.has(t.name)).map((t) => t.name);
  if (missing.length > 0 || tables.size !== manifest.tables.length) {
    throw new Error(`After the backup's migrations the database's tables are not the backup's (missing: ${missing.join(", ") || "none"}).`);
  }
  return tables;
}

const listed = (names: string[]): string =>
  names.length > 4 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} other tables` : names.join(", ");

async function assertCounts(client: pg.ClientBase, manifest: Manifest): Promise<void> {
  const differing: string[] = [];
  for (const table of manifest.tables) {
    const rows = await countRows(client, table.name);
    if (rows !== table.rows) differing.push(`${table.name} (${rows.toLocaleString("en")} rows, the backup has ${table.rows.toLocaleString("en")})`);
  }
  if (differing.length > 0) throw new Error(`The restored rows differ from the backup's manifest: ${differing.join(", ")}. Rolled back.`);
}
