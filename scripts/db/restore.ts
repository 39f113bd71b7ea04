// `npm run db:restore -- <dir>`: a backup of `npm run db:backup` into an empty database
// (scripts/db/backup/restore-backup.ts).

import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { restoreBackup } from "./backup/restore-backup";
import { openCommandDatabase } from "./command-database";

const HELP = `Usage: npm run db:restore -- <backup dir>

Restores a backup written by \`npm run db:backup\` into an empty database: a new one, or one
with this app's tables and no rows. First checks every file of the backup against its manifest
(SHA-256) and the backup's migrations against prisma/migrations; then applies exactly those
migrations, loads every table in one transaction, checks each table's row count and writes the
evidence files into UPLOAD_DIR (default .data/uploads), and commits only when all of it matched.
Refuses a database that is not empty, and changes nothing then. To restore the embedded
database, stop the app and move .data/pgdata aside first.

The database is DATABASE_URL; without it, the embedded database of \`npm start\` (.data/pgdata),
reached on its port when the app is running and otherwise started for the command. Migrations
newer than the backup are left to \`npm run db:migrate\` (which \`npm start\` runs).
`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { help: { type: "boolean", short: "h" } }, allowPositionals: true });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const [backupDir, ...extra] = positionals;
  if (!backupDir || extra.length > 0) throw new Error("name one backup directory, e.g. npm run db:restore -- backups/2026-12-01T16-00-00Z (--help)");
  const started = performance.now();
  const database = await openCommandDatabase();
  try {
    console.log(`db:restore: ${backupDir} → ${database.description}`);
    const summary = await restoreBackup({ databaseUrl: database.url, backupDir, uploadDir: env.UPLOAD_DIR, log: (line) => console.log(`  ${line}`) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`db:restore: ${summary.rows.toLocaleString("en")} rows of ${summary.tables} tables and `
      + `${summary.evidenceFiles.toLocaleString("en")} evidence files restored in ${seconds} s.`);
    if (summary.laterMigrations.length > 0) {
      console.log(`  This app has ${summary.laterMigrations.length} migration(s) newer than the backup: run \`npm run db:migrate\` (npm start does).`);
    }
  } finally {
    await database.release();
  }
}

main().catch((error: unknown) => {
  const usage = (error as { code?: string } | undefined)?.code?.startsWith("ERR_PARSE_ARGS") ? " (npm run db:restore -- --help)" : "";
  console.error(`db:restore failed: ${error instanceof Error ? error.message : String(error)}${usage}`);
  process.exit(1);
});
