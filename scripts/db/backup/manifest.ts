import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

// A backup directory:
//   manifest.json          this file's schema below: what the backup holds and how to check it
//   tables/<Table>.copy    each table's rows in PostgreSQL's COPY text format
//   files/<storage key>    the evidence files, under the keys they have under UPLOAD_DIR
// A restore reads nothing that the manifest does not name, and checks every file against it first.

export const MANIFEST_FILE = "manifest.json";
export const FILES_DIR = "files";
const FORMAT = "family-civilization-archive backup";
const FORMAT_VERSION = 1;

export const tableFile = (table: string): string => `tables/${table}.copy`;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// Table and column names as Prisma makes them; a table's name is also a file name.
const Identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  /** version() of the server it was taken from. */
  server: z.string(),
  /** `_prisma_migrations` of the database: a restore applies exactly these. */
  migrations: z.array(z.object({ name: z.string().min(1), checksum: z.string() })).min(1),
  /** In foreign-key order: a table comes after the tables it references. */
  tables: z.array(z.object({
    name: Identifier,
    columns: z.array(Identifier).min(1),
    rows: z.number().int().min(0),
    file: z.string(),
    bytes: z.number().int().min(0),
    sha256: Sha256,
  }).refine((t) => t.file === tableFile(t.name), { message: "a table's file is tables/<name>.copy" })),
  sequences: z.array(z.object({ name: Identifier, lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  evidence: z.object({
    files: z.array(z.object({ key: z.string().min(1), bytes: z.number().int().min(0), sha256: Sha256 })),
    /**
     * Unattached uploads whose file the clean-up of unattached evidence removed between the
     * snapshot and the copy (it deletes the row, then the file): their rows are in the backup
     * and the clean-up removes them again after a restore. An attached photo is never missing.
     */
    missing: z.array(z.string()),
  }),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestContent = Omit<Manifest, "format" | "formatVersion">;

export async function writeManifest(dir: string, content: ManifestContent): Promise<void> {
  const manifest: Manifest = { format: FORMAT, formatVersion: FORMAT_VERSION, ...content };
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { flag: "wx" });
}

export async function readManifest(dir: string): Promise<Manifest> {
  const text = await readFile(path.join(dir, MANIFEST_FILE), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new Error(`${dir} is not a backup: it has no ${MANIFEST_FILE} (an unfinished backup has none).`);
    throw error;
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path.join(dir, MANIFEST_FILE)} is not valid JSON.`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${path.join(dir, MANIFEST_FILE)} is not a manifest of this app's backup format (version ${FORMAT_VERSION}):\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
