import { once } from "node:events";
import type { Writable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
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

async function send(stream: Writable, piece: string): Promise<void> {
  if (!stream.write(piece)) await Promise.race([once(stream, "drain"), once(stream, "error").then(([e]) => Promise.reject(e))]);
}

export function copyWriter(client: pg.ClientBase): BatchWriter {
  return {
    write: async (data) => {
      let written = 0;
      for (const { table, columns, rows } of tablesOf(data)) {
        const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
        const done = once(stream, "finish");
        let piece = "";
        for (const row of rows) {
          piece += columns.map((c) => copyField(row[c])).join("\t") + "\n";
          if (piece.length >= PIECE) {
            await send(stream, piece);
            piece = "";
          }
        }
        stream.end(piece);
        await done;
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
