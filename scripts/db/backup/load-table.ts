import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { quoted, type Table } from "./catalogue";

// Loads one table's COPY text into the caller's transaction. A PostgreSQL server takes it as it is
// (COPY FROM STDIN); the embedded pglite-server loses the connection on COPY FROM STDIN
// (prisma/seed/copy-writer.ts), so there the rows are decoded here and inserted a batch at a time
// from one text array per column, each value cast to its column's type by the same input
// functions COPY would use.

/** A batch ends at this many rows or this much text (a township digest's list of heads is ~1 MB). */
const BATCH_ROWS = 5_000;
const BATCH_CHARS = 8 << 20;

export type LoadTarget = { table: Table; columns: string[]; file: string };

export async function copyTableIn(client: pg.ClientBase, { table, columns, file }: LoadTarget): Promise<number> {
  const copy = client.query(copyFrom(`COPY ${quoted(table.name)} (${columns.map(quoted).join(", ")}) FROM STDIN`));
  await pipeline(createReadStream(file), copy);
  return copy.rowCount;
}

export async function insertTableIn(client: pg.ClientBase, { table, columns, file }: LoadTarget): Promise<number> {
  const types = new Map(table.columns.map((column, i) => [column, table.types[i]!]));
  const unknown = columns.filter((column) => !types.has(column));
  if (unknown.length > 0) throw new Error(`${table.name} has no column ${unknown.join(", ")} of the backup.`);
  // Foreign keys are checked at the end of each statement: rows of a table that references itself
  // (a digest and its base) may come in any order, so they are gathered and inserted in one.
  const staging = table.selfReferencing ? "backup_staging" : null;
  if (staging) await client.query(`CREATE TEMP TABLE ${staging} (LIKE ${quoted(table.name)}) ON COMMIT DROP`);
  const into = staging ?? quoted(table.name);
  const sql = `INSERT INTO ${into} (${columns.map(quoted).join(", ")})
    SELECT ${columns.map((column, i) => `c${i}::${types.get(column)}`).join(", ")}
    FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS u(${columns.map((_, i) => `c${i}`).join(", ")})`;
  let inserted = 0;
  for await (const batch of batches(file, columns.length)) {
    await client.query(sql, batch);
    inserted += batch[0]!.length;
  }
  if (staging) {
    const list = columns.map(quoted).join(", ");
    await client.query(`INSERT INTO ${quoted(table.name)} (${list}) SELECT ${list} FROM ${staging}`);
    await client.query(`DROP TABLE ${staging}`);
  }
  return inserted;
}

/** The file's rows, decoded, as one array of values per column. */
async function* batches(file: string, width: number): AsyncGenerator<(string | null)[][]> {
  let batch = emptyBatch(width);
  let chars = 0;
  // COPY escapes newlines and carriage returns inside values, so every line is one row.
  for await (const line of createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity })) {
    const fields = line.split("\t");
    if (fields.length !== width) throw new Error(`${file}: a row has ${fields.length} fields, not ${width}.`);
    fields.forEach((field, i) => batch[i]!.push(decodeField(field)));
    chars += line.length;
    if (batch[0]!.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
      yield batch;
      batch = emptyBatch(width);
      chars = 0;
    }
  }
  if (batch[0]!.length > 0) yield batch;
}

const emptyBatch = (width: number): (string | null)[][] => Array.from({ length: width }, () => []);

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/**
 * One field of COPY's text format as COPY TO writes it: \N is null; a backslash escapes the
 * control characters above and itself. (COPY TO never writes the octal or hex escapes COPY FROM
 * would also read, and the file's SHA-256 was checked against the manifest before loading.)
 */
export function decodeField(field: string): string | null {
  if (field === "\\N") return null;
  return field.includes("\\") ? field.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : field;
}
