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

const NEEDS_ESCAPE = /[\\\n\r\t]/;

/** One field in COPY's text format: \N for null, backslash, newline, carriage return and tab escaped. */
export function copyField(value: unknown): string {
  // Numbers and dates first, without toText's checks or the escape test: they are most of the millions of fields.
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString(); // as toText writes it, with nothing to escape
  const text = typeof value === "string" ? value : toText(value);
  if (text === null) return "\\N";
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c] ?? c) : text;
}

/** One row in COPY's text format (a loop: no array of fields per row). */
export function copyLine(columns: readonly string[], row: Record<string, unknown>): string {
  let line = copyField(row[columns[0]!]);
  for (let i = 1; i < columns.length; i++) line += "\t" + copyField(row[columns[i]!]);
  return line + "\n";
}

function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
}

// COPY text is encoded into bytes a few kilobytes of lines at a time, into a buffer that grows: a
// batch's text as one string would be a rope of millions of pieces, all traced by the garbage
// collector until encoded, and a write per line would cost a call into the runtime per row.
type Lines = { buffer: Buffer; length: number; pending: string };

const FLUSH_AT = 1 << 14;

function lines(capacity: number): Lines {
  return { buffer: Buffer.allocUnsafeSlow(Math.max(capacity, 1024)), length: 0, pending: "" }; // its own memory: transferable
}

function appendLine(out: Lines, line: string): void {
  out.pending += line;
  if (out.pending.length >= FLUSH_AT) flush(out);
}

/** Encodes the pending lines; returns the bytes so far. */
function flush(out: Lines): Buffer {
  const text = out.pending;
  out.pending = "";
  if (out.buffer.length - out.length < text.length * 3) { // at most 3 bytes of UTF-8 per UTF-16 unit
    const bigger = Buffer.allocUnsafeSlow(Math.max(2 * out.buffer.length, out.length + text.length * 3));
    out.buffer.copy(bigger, 0, 0, out.length);
    out.buffer = bigger;
  }
  out.length += out.buffer.write(text, out.length);
  return out.buffer.subarray(0, out.length);
}

/** One table's rows of a batch as COPY text (UTF-8), made where the rows are (a worker thread of bench:data) and sent as it is. */
export type CopyText = { table: string; columns: string[]; rows: number; bytes: Uint8Array };

export function copyTexts(data: SeedData): CopyText[] {
  return [...tablesOf(data)].map(({ table, columns, rows }) => {
    const out = lines(rows.length * 32 * columns.length);
    for (const row of rows) appendLine(out, copyLine(columns, row));
    return { table, columns, rows: rows.length, bytes: flush(out) };
  });
}

/**
 * Streams one COPY statement's text into the server. pipeline() waits for the server to be ready for
 * more (back-pressure) and rejects once, with the server's error, when the COPY fails.
 */
async function copy(client: pg.ClientBase, table: string, columns: readonly string[], pieces: Iterable<Uint8Array>): Promise<void> {
  await pipeline(Readable.from(pieces, { objectMode: false }), client.query(copyFrom(copyStatement(table, columns))));
}

/** Streams COPY texts made by copyTexts; returns the rows written. */
export async function writeCopyTexts(client: pg.ClientBase, texts: readonly CopyText[]): Promise<number> {
  let written = 0;
  for (const { table, columns, rows, bytes } of texts) {
    await copy(client, table, columns, [bytes]);
    written += rows;
  }
  return written;
}

/** A table's rows as COPY text in pieces of about PIECE bytes. */
function* piecesOf(columns: readonly string[], rows: readonly Record<string, unknown>[]): Generator<Uint8Array> {
  let piece = lines(PIECE + (PIECE >> 2));
  for (const row of rows) {
    appendLine(piece, copyLine(columns, row));
    if (piece.length >= PIECE) {
      yield flush(piece);
      piece = lines(PIECE + (PIECE >> 2));
    }
  }
  const last = flush(piece);
  if (last.length > 0) yield last;
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
