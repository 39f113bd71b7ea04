import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { access, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { listTables, quoted, readMigrations, readSequences, type Table } from "./catalogue";
import { copyEvidence, type SnapshotPhoto } from "./evidence-files";
import { tableFile, writeManifest, type Manifest, type ManifestContent } from "./manifest";

// `npm run db:backup`: every table of one snapshot in COPY's text format, which both PostgreSQL
// and the embedded pglite-server write (pg_dump cannot: the embedded server is PostgreSQL 18, and
// a pg_dump refuses a newer server), then the evidence files the snapshot refers to.

/** `log` gets a line per table, and is awaited: the snapshot waits for it. */
export type BackupOptions = { databaseUrl: string; outDir: string; uploadDir: string; log?: (line: string) => void | Promise<void> };
export type BackupSummary = { dir: string; tables: number; rows: number; bytes: number; evidenceFiles: number; missingEvidence: number };

type TableEntry = Manifest["tables"][number];

export async function writeBackup({ databaseUrl, outDir, uploadDir, log = () => {} }: BackupOptions): Promise<BackupSummary> {
  const dir = path.resolve(outDir);
  if (await access(dir).then(() => true, () => false)) throw new Error(`${outDir} already exists: a backup is written into a new directory.`);
  // Written under another name and renamed when complete: a directory under the final name is whole.
  const partial = `${dir}.partial-${randomBytes(4).toString("hex")}`;
  await mkdir(path.join(partial, path.dirname(tableFile("_"))), { recursive: true });
  try {
    const { content, photos } = await readSnapshot(databaseUrl, partial, log);
    const evidence = await copyEvidence(photos, uploadDir, partial);
    const evidenceBytes = evidence.files.reduce((sum, f) => sum + f.bytes, 0);
    await log(`evidence files: ${evidence.files.length.toLocaleString("en")} (${megabytes(evidenceBytes)})`
      + (evidence.missing.length ? `; ${evidence.missing.length} unattached upload(s) removed by the clean-up since the snapshot` : ""));
    await writeManifest(partial, { ...content, evidence });
    await rename(partial, dir);
    return {
      dir, tables: content.tables.length, rows: content.tables.reduce((sum, t) => sum + t.rows, 0),
      bytes: content.tables.reduce((sum, t) => sum + t.bytes, 0) + evidenceBytes,
      evidenceFiles: evidence.files.length, missingEvidence: evidence.missing.length,
    };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

type Snapshot = { content: Omit<ManifestContent, "evidence">; photos: SnapshotPhoto[] };

/** Every table as of one instant: one REPEATABLE READ transaction (its first query fixes the snapshot). */
async function readSnapshot(databaseUrl: string, dir: string, log: NonNullable<BackupOptions["log"]>): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows: [first] } = await client.query<{ taken: Date; server: string }>("SELECT now() AS taken, version() AS server");
    const migrations = await readMigrations(client);
    if (migrations.length === 0) throw new Error("The database has no applied migrations (no _prisma_migrations rows): it holds no archive to back up.");
    const tables: TableEntry[] = [];
    for (const table of await listTables(client)) {
      const entry = await copyTableOut(client, table, dir);
      await log(`${table.name.padEnd(26)} ${entry.rows.toLocaleString("en").padStart(12)} ${entry.rows === 1 ? "row " : "rows"}  ${megabytes(entry.bytes).padStart(9)}`);
      tables.push(entry);
    }
    const sequences = await readSequences(client);
    const { rows: photos } = await client.query<SnapshotPhoto>(`
      SELECT "storageKey", ("entryId" IS NOT NULL OR "rectificationId" IS NOT NULL) AS attached
      FROM "EvidencePhoto" ORDER BY "storageKey"`);
    await client.query("COMMIT");
    return { content: { createdAt: first!.taken.toISOString(), server: first!.server, migrations, tables, sequences }, photos };
  } finally {
    await client.end();
  }
}

async function copyTableOut(client: pg.Client, table: Table, dir: string): Promise<TableEntry> {
  const file = tableFile(table.name);
  const hash = createHash("sha256");
  let bytes = 0;
  // Rows are counted here, one per line (COPY escapes line breaks inside values): the stream's own
  // rowCount is set by the message after the data's end, and may not have arrived when the file is written.
  let rows = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) rows += 1;
      done(null, chunk);
    },
  });
  const copy = client.query(copyTo(`COPY ${quoted(table.name)} (${table.columns.map(quoted).join(", ")}) TO STDOUT`));
  await pipeline(copy, measure, createWriteStream(path.join(dir, file), { flags: "wx" }));
  return { name: table.name, columns: table.columns, rows, file, bytes, sha256: hash.digest("hex") };
}

const NEWLINE = 0x0a;

export const megabytes = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
