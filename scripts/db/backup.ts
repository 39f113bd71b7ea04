// `npm run db:backup [-- --out <dir>]`: a backup of the database and its evidence files
// (scripts/db/backup/write-backup.ts), restored by `npm run db:restore`.

import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { megabytes, writeBackup } from "./backup/write-backup";
import { openCommandDatabase } from "./command-database";

const HELP = `Usage: npm run db:backup -- [--out <dir>]

Writes a backup into a new directory (default backups/<date and time>): every table of the
database as of one instant (PostgreSQL's COPY text format), the evidence files its records refer
to, and manifest.json with the applied migrations, each table's row count and every file's
SHA-256. The directory gets its name only once the backup is complete.

The database is DATABASE_URL; without it, the embedded database of \`npm start\` (.data/pgdata),
reached on its port when the app is running and otherwise started for the command. Evidence
files are read from UPLOAD_DIR (default .data/uploads). Restore with \`npm run db:restore -- <dir>\`.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const outDir = values.out ?? path.join("backups", new Date().toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-"));
  const started = performance.now();
  const database = await openCommandDatabase();
  try {
    console.log(`db:backup: ${database.description} → ${outDir}`);
    const summary = await writeBackup({ databaseUrl: database.url, outDir, uploadDir: env.UPLOAD_DIR, log: (line) => console.log(`  ${line}`) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`db:backup: ${summary.rows.toLocaleString("en")} rows of ${summary.tables} tables and `
      + `${summary.evidenceFiles.toLocaleString("en")} evidence files (${megabytes(summary.bytes)}) in ${seconds} s → ${summary.dir}`);
  } finally {
    await database.release();
  }
}

main().catch((error: unknown) => {
  const usage = (error as { code?: string } | undefined)?.code?.startsWith("ERR_PARSE_ARGS") ? " (npm run db:backup -- --help)" : "";
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}${usage}`);
  process.exit(1);
});
