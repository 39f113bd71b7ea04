import type pg from "pg";
import { TABLE_ORDER, type SeedData } from "./types";

// Bulk writers, on the one connection of the caller's transaction, one batch (the township's own
// rows, then one village) at a time, each table in foreign-key order:
// - unnest: INSERT … SELECT FROM unnest(one array per column) of a few thousand rows each. It
//   binds far fewer parameters than a multi-row VALUES list, which halves the writing time on
//   the embedded server (pglite-server, parsing in WebAssembly), whose wire protocol has no COPY.
// - copy (copy-writer.ts): COPY FROM STDIN, for PostgreSQL servers.

/** Rows per statement. */
export const ROWS_PER_STATEMENT = 5_000;

export type BatchWriter = {
  /** Writes the batch; returns the number of rows written. */
  write: (data: SeedData) => Promise<number>;
};

/** A row's value as PostgreSQL reads it from text, or null. */
export function toText(value: unknown): string | null {
  // Timestamps go in as UTC ISO strings: Prisma's DateTime columns are `timestamp(3)` without
  // time zone holding UTC, and node-pg would otherwise write a Date in the process's local zone.
  // JSON columns (an award's assessment) go in as JSON text.
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function totalRows(data: SeedData): number {
  return TABLE_ORDER.reduce((sum, table) => sum + data[table].length, 0);
}

/** The tables of a batch that have rows, in writing order, with their rows and columns. */
export function* tablesOf(data: SeedData): Generator<{ table: string; columns: string[]; rows: readonly Record<string, unknown>[] }> {
  for (const table of TABLE_ORDER) {
    const rows = data[table] as readonly Record<string, unknown>[];
    const first = rows[0];
    if (first) yield { table, columns: Object.keys(first), rows };
  }
}

export function unnestWriter(client: pg.ClientBase): BatchWriter {
  const statements = new Map<string, string>();
  const statementFor = async (table: string, columns: string[]): Promise<string> => {
    const key = `${table}(${columns.join(",")})`;
    const known = statements.get(key);
    if (known) return known;
    const types = await columnTypes(client, table);
    const casts = columns.map((c, i) => {
      const type = types.get(c);
      if (!type) throw new Error(`seed: ${table}.${c} is not a column`);
      return `$${i + 1}::${type}[]`;
    });
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`;
    statements.set(key, sql);
    return sql;
  };
  return {
    write: async (data) => {
      let written = 0;
      for (const { table, columns, rows } of tablesOf(data)) {
        const sql = await statementFor(table, columns);
        for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
          const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
          await client.query(sql, columns.map((c) => chunk.map((row) => toText(row[c]))));
          written += chunk.length;
        }
      }
      return written;
    },
  };
}

/** The SQL type of each column of a table, as a cast names it ("uuid", "timestamp", "\"EntryStatus\""). */
async function columnTypes(client: pg.ClientBase, table: string): Promise<Map<string, string>> {
  const result = await client.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`, [`"${table}"`]);
  return new Map(result.rows.map((r) => [r.name, r.type]));
}

/** Row counts of every table the seed writes. */
export async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const sql = TABLE_ORDER.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  const result = await client.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(result.rows.map((r) => [r.t, r.n]));
}
