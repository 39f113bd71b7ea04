import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { SeedData } from "./types";
import { tablesOf, toText, type BatchWriter } from "./write";

// COPY … FROM STDIN in PostgreSQL's text format, one statement per table and batch, streamed in
// pieces of about 1 MB so that a village's rows never sit in memory twice. PostgreSQL servers
// only: pglite-server (the embedded database) loses the connection on COPY FROM STDIN, so the
// seed writes there with the unnest writer (write.ts).

const PIECE = 1 << 20;

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** One field in COPY's text format: \N for null, backslash, newline, carriage return and tab escaped. */
export function copyField(value: unknown): string {
  const text = toText(value);
  if (text === null) return "\\N";
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] ?? c) : text;
}

/** One row in COPY's text format. */
export function copyLine(columns: readonly string[], row: Record<string, unknown>): string {
  return columns.map((c) => copyField(row[c])).join("\t") + "\n";
}

function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
}

/** One table's rows of a batch as COPY text, made where the rows are (a worker thread of bench:data) and sent as it is. */
export type CopyText = { table: string; columns: string[]; rows: number; text: string };

export function copyTexts(data: SeedData): CopyText[] {
  return [...tablesOf(data)].map(({ table, columns, rows }) => {
    let text = "";
    for (const row of rows) text += copyLine(columns, row);
    return { table, columns, rows: rows.length, text };
  });
}

/**
 * Streams one COPY statement's text into the server. pipeline() waits for the server to be ready for
 * more (back-pressure) and rejects once, with the server's error, when the COPY fails.
 */
async function copy(client: pg.ClientBase, table: string, columns: readonly string[], pieces: Iterable<string | Uint8Array>): Promise<void> {
  await pipeline(Readable.from(pieces, { objectMode: false }), client.query(copyFrom(copyStatement(table, columns))));
}

/** Streams COPY texts made by copyTexts (as they are or encoded); returns the rows written. */
export async function writeCopyTexts(client: pg.ClientBase, texts: (Omit<CopyText, "text"> & { text: string | Uint8Array })[]): Promise<number> {
  let written = 0;
  for (const { table, columns, rows, text } of texts) {
    await copy(client, table, columns, [text]);
    written += rows;
  }
  return written;
}

/** A table's rows as COPY text in pieces of about PIECE characters. */
function* piecesOf(columns: readonly string[], rows: readonly Record<string, unknown>[]): Generator<string> {
  let piece = "";
  for (const row of rows) {
    piece += copyLine(columns, row);
    if (piece.length >= PIECE) {
      yield piece;
      piece = "";
    }
  }
  if (piece) yield piece;
}

export function copyWriter(client: pg.ClientBase): BatchWriter {
  return {
    write: async (data) => {
      let written = 0;
      for (const { table, columns, rows } of tablesOf(data)) {
        await copy(client, table, columns, piecesOf(columns, rows));
        written += rows.length;
      }
      return written;
    },
  };
}

/** pglite-server (the embedded database) answers COPY FROM STDIN by losing the connection. */
export async function supportsCopy(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ version: string }>("SELECT version()");
  return !/emscripten|wasm/i.test(rows[0]?.version ?? "");
}
