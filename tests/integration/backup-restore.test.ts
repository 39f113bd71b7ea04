import { appDatabaseUrl } from "../helpers/app-database";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { access, cp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { readManifest, type Manifest } from "../../scripts/db/backup/manifest";
import { migrationsAfter } from "../../scripts/db/backup/migrations";
import { restoreBackup } from "../../scripts/db/backup/restore-backup";
import { writeBackup } from "../../scripts/db/backup/write-backup";
import { applyMigrations } from "../../scripts/db/migrate";
import { MIGRATIONS_DIR } from "../../scripts/db/schema-engine";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/embedded-db";
import { callApi } from "../helpers/api-client";
import { decideByReview, ruleOf, today } from "../helpers/archive-fixtures";
import { createFreshDatabase, freePort, type FreshDatabase } from "../helpers/fresh-database";

// npm run db:backup / db:restore (issue 12, point 5): the demo township with evidence photos,
// reviews and digests, backed up and restored into new databases, a PostgreSQL server's and the
// embedded server's, must come back identical, row for row and file for file, with every chain
// verifying; a database that is not empty and a damaged backup are refused.

// Uploads and backups of this file go to directories of their own under the git-ignored .data/.
const work = vi.hoisted(() => {
  const dir = `.data/test-backups/backup-restore-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_DIR = `${dir}/uploads`;
  return dir;
});
const uploads = `${work}/uploads`;
const backupA = `${work}/backup-a`;

const onServer = Boolean(inject("appTemplate")); // the test database is a copy of a PostgreSQL server's template

const created: (FreshDatabase | EmbeddedDatabase)[] = [];
/** A new database on the PostgreSQL server of the tests, or else a new embedded server. */
async function emptyDatabase(): Promise<string> {
  const database = onServer ? await createFreshDatabase("restore") : await startEmbeddedDatabase({ dataDir: "memory://", port: await freePort() });
  created.push(database);
  return database.url;
}

afterAll(async () => {
  for (const database of created) await ("drop" in database ? database.drop() : database.stop());
  await rm(work, { recursive: true, force: true });
});

const clerk = { username: "clerk-xinhua" };
let lostUpload: string;

async function uploadPhoto(as: { username: string }, shade: number): Promise<{ id: string; storageKey: string }> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 90, b: 30 } } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([new Uint8Array(png)], "photo.png", { type: "image/png" }));
  const res = await callApi("POST", "/api/v1/evidence", { as, form, headers: { "Idempotency-Key": randomUUID() } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const { storageKey } = await db.evidencePhoto.findUniqueOrThrow({ where: { id: res.body.id }, select: { storageKey: true } });
  return { id: res.body.id, storageKey };
}

// A line break, a tab and a backslash: characters COPY's text format escapes.
const DESCRIPTION = "拾到钱包归还失主\n\t失主：王某\\李某";

async function recordWithPhotos(as: { username: string }, archiveNo: string, villageCode: string, photos: string[]): Promise<string> {
  const { id: householdId } = await db.household.findUniqueOrThrow({ where: { archiveNo }, select: { id: true } });
  const res = await callApi("POST", "/api/v1/entries", {
    as, body: { idempotencyKey: randomUUID(), householdId, ruleId: await ruleOf(villageCode, "RED"), occurredOn: today(), description: DESCRIPTION, evidenceIds: photos },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  // Entries with photos decided by two reviews of the township (two digests, the second based
  // on the first), and an unattached upload whose file the clean-up removed after the snapshot.
  const photos = [await uploadPhoto(clerk, 10), await uploadPhoto(clerk, 20), await uploadPhoto({ username: "clerk-yangping" }, 30)];
  const kept = await recordWithPhotos(clerk, "JS-XH-00001", "XH", [photos[0]!.id, photos[1]!.id]);
  const refused = await recordWithPhotos(clerk, "JS-XH-00002", "XH", []);
  expect((await db.entry.findUniqueOrThrow({ where: { id: kept }, select: { description: true } })).description).toBe(DESCRIPTION);
  await decideByReview([kept], [refused]);
  await decideByReview([await recordWithPhotos({ username: "clerk-yangping" }, "JS-YP-00001", "YP", [photos[2]!.id])]);
  lostUpload = (await uploadPhoto(clerk, 40)).storageKey;
  await rm(path.join(uploads, lostUpload));
}, 120_000);

type State = Awaited<ReturnType<typeof stateOf>>;

/** Everything a restore must bring back, read with plain SQL (not the backup's own catalogue code). */
async function stateOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;
    const tables = (await query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`)).map((t) => t.name);
    const rows: Record<string, { count: number; md5: string | null }> = {};
    for (const table of tables) {
      const [row] = await query<{ count: number; md5: string | null }>(
        `SELECT count(*)::int AS count, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM "${table}" t`);
      rows[table] = row!;
    }
    return {
      rows,
      migrations: await query("SELECT migration_name FROM _prisma_migrations ORDER BY 1"),
      chainHeads: await query(`SELECT "archiveNo", "chainLength", "chainHead" FROM "Household" ORDER BY "archiveNo"`),
      digests: await query(`SELECT * FROM "TownshipDigest" ORDER BY id`),
      scores: await query(`SELECT * FROM "HouseholdScore" ORDER BY "householdId", year`),
      auditSequence: await query(`SELECT last_value, is_called FROM "AuditLog_id_seq"`),
    };
  } finally {
    await client.end();
  }
}

let source: State;
let manifestA: Manifest;

async function expectRestored(url: string, uploadDir: string): Promise<void> {
  expect(await stateOf(url)).toEqual(source);
  for (const file of manifestA.evidence.files) {
    expect(await readFile(path.join(uploadDir, file.key)), file.key).toEqual(await readFile(path.join(uploads, file.key)));
  }
  expect(await readdir(path.join(uploadDir, "evidence"))).toHaveLength(manifestA.evidence.files.length);
}

/** `npm run verify:chains` on a restored database and upload directory (it re-hashes every evidence file). */
async function verifyChains(url: string, uploadDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "verify:chains"], {
    env: { ...process.env, DATABASE_URL: url, UPLOAD_DIR: uploadDir },
  });
  return stdout;
}

const exists = (file: string) => access(file).then(() => true, () => false);

describe("npm run db:backup", () => {
  it("writes every table of one snapshot and the evidence files its records refer to", async () => {
    source = await stateOf(appDatabaseUrl);
    const summary = await writeBackup({ databaseUrl: appDatabaseUrl, outDir: backupA, uploadDir: uploads });
    manifestA = await readManifest(backupA);

    expect(source.digests.length).toBeGreaterThanOrEqual(2);
    expect(Object.fromEntries(manifestA.tables.map((t) => [t.name, t.rows])))
      .toEqual(Object.fromEntries(Object.entries(source.rows).map(([name, r]) => [name, r.count])));
    expect(summary.rows).toBe(Object.values(source.rows).reduce((sum, r) => sum + r.count, 0));
    const photos = await db.evidencePhoto.findMany({ where: { storageKey: { not: lostUpload } }, select: { storageKey: true } });
    expect(manifestA.evidence.files.map((f) => f.key).sort()).toEqual(photos.map((p) => p.storageKey).sort());
    expect(manifestA.evidence.missing).toEqual([lostUpload]);
    expect(manifestA.migrations.map((m) => m.name)).toEqual(source.migrations.map((m) => m.migration_name));
    // Each table after those it references (the order a restore loads them in).
    const position = (name: string) => manifestA.tables.findIndex((t) => t.name === name);
    expect(position("Entry")).toBeGreaterThan(position("Household"));
    expect(position("EvidencePhoto")).toBeGreaterThan(position("Entry"));
  });

  // On a PostgreSQL server: the embedded one serves one transaction at a time, so there the write
  // would wait for the backup's end.
  it.skipIf(!onServer)("reads every table as of one instant: a row written while it runs is not in it", async () => {
    const { id: villageId } = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { id: true } });
    let written = false;
    await writeBackup({
      databaseUrl: appDatabaseUrl, outDir: `${work}/backup-during`, uploadDir: uploads,
      log: async () => {
        if (written) return;
        written = true; // after the first table, before Household
        await db.household.create({
          data: { villageId, archiveNo: "JS-XH-09999", headName: "新户主", headInitials: "xhz", address: "新花村9组", registeredOn: new Date("2015-01-01") },
        });
      },
    });
    const households = (await readManifest(`${work}/backup-during`)).tables.find((t) => t.name === "Household")!;
    expect(households.rows).toBe(source.rows.Household!.count);
    expect(await db.household.count()).toBe(source.rows.Household!.count + 1);
  });

  it("fails without leaving a directory when an attached photo's file is missing", async () => {
    const key = manifestA.evidence.files[0]!.key;
    await rename(path.join(uploads, key), path.join(work, "aside"));
    try {
      await expect(writeBackup({ databaseUrl: appDatabaseUrl, outDir: `${work}/backup-x`, uploadDir: uploads })).rejects.toThrow(`Evidence file ${key} is missing`);
    } finally {
      await rename(path.join(work, "aside"), path.join(uploads, key));
    }
    expect((await readdir(work)).filter((name) => name.startsWith("backup-x"))).toEqual([]);
  });
});

describe("npm run db:restore", () => {
  it("restores it into a new, empty database: every row, chain head, digest, score and file identical; chains verify", async () => {
    const target = await emptyDatabase();
    const uploadDir = `${work}/restored-uploads`;
    await restoreBackup({ databaseUrl: target, backupDir: backupA, uploadDir });
    await expectRestored(target, uploadDir);
    expect(await verifyChains(target, uploadDir)).toMatch(/^All chains intact: 240 households, [\d,]+ records, 3 evidence files/m);

    // A second restore into it is refused and changes nothing.
    await expect(restoreBackup({ databaseUrl: target, backupDir: backupA, uploadDir })).rejects.toThrow(/The database is not empty: .*Township.* hold rows/);
    await expectRestored(target, uploadDir);
  });

  it("refuses a damaged backup, naming the files, before changing anything", async () => {
    const damaged = `${work}/backup-damaged`;
    await cp(backupA, damaged, { recursive: true });
    const entries = path.join(damaged, "tables/Entry.copy");
    await writeFile(entries, (await readFile(entries, "utf8")).replace("拾到钱包归还失主", "拾到钱包未归还"));
    const photo = path.join(damaged, "files", manifestA.evidence.files[1]!.key);
    await writeFile(photo, Buffer.concat([await readFile(photo), Buffer.from([0])]));

    const target = await emptyDatabase();
    const uploadDir = `${work}/damaged-uploads`;
    await expect(restoreBackup({ databaseUrl: target, backupDir: damaged, uploadDir }))
      .rejects.toThrow(`is damaged: tables/Entry.copy, files/${manifestA.evidence.files[1]!.key} are missing or differ from its manifest`);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    const { rows } = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
    await client.end();
    expect(rows).toEqual([]);
    expect(await exists(uploadDir)).toBe(false);
  });

  it("restores into the embedded server, whose backup restores into PostgreSQL identical again (one format)", async () => {
    const embedded = await startEmbeddedDatabase({ dataDir: "memory://", port: await freePort() });
    created.push(embedded);
    await restoreBackup({ databaseUrl: embedded.url, backupDir: backupA, uploadDir: `${work}/embedded-uploads` });
    await expectRestored(embedded.url, `${work}/embedded-uploads`);

    const backupB = `${work}/backup-b`;
    await writeBackup({ databaseUrl: embedded.url, outDir: backupB, uploadDir: `${work}/embedded-uploads` });
    const manifestB = await readManifest(backupB);
    expect(manifestB.server).toMatch(/PGlite/);
    expect(manifestB.tables.map((t) => [t.name, t.rows])).toEqual(manifestA.tables.map((t) => [t.name, t.rows]));

    const target = await emptyDatabase();
    await restoreBackup({ databaseUrl: target, backupDir: backupB, uploadDir: `${work}/again-uploads` });
    await expectRestored(target, `${work}/again-uploads`);
    expect(await verifyChains(target, `${work}/again-uploads`)).toMatch(/^All chains intact: 240 households/m);
  });
});

describe("the backup's migrations", () => {
  it("are applied exactly: later ones are left to db:migrate, others refused", async () => {
    const [first, ...rest] = manifestA.migrations;
    expect(await migrationsAfter(manifestA.migrations)).toEqual([]);
    expect(await migrationsAfter([first!])).toEqual(rest.map((m) => m.name));
    await expect(migrationsAfter([{ ...first!, checksum: "0".repeat(64) }])).rejects.toThrow(`prisma/migrations/${first!.name}/migration.sql differs`);
    await expect(migrationsAfter([{ name: "20991231000000_from_a_later_version", checksum: first!.checksum }]))
      .rejects.toThrow("The backup was taken with migration 20991231000000_from_a_later_version, which prisma/migrations does not have");

    const target = await emptyDatabase();
    expect(await applyMigrations(target, MIGRATIONS_DIR, first!.name)).toEqual([first!.name]);
  });
});
