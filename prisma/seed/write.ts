import type pg from "pg";
import { TABLE_ORDER, type SeedData } from "./types";

// Bulk writer: INSERT … SELECT FROM unnest(one array per column) of a few thousand rows each,
// all on the one connection of the seed's transaction. Binding one array per column rather than
// a parameter per value (a multi-row VALUES list) halves the writing time on the embedded server
// (pglite-server), which parses in WebAssembly.

/** Rows per statement. */
export const ROWS_PER_STATEMENT = 5_000;

function toParam(value: unknown): unknown {
  // Timestamps go in as UTC ISO strings: Prisma's DateTime columns are `timestamp(3)` without
  // time zone holding UTC, and node-pg would otherwise write a Date in the process's local zone.
  // JSON columns (an award's assessment) go in as JSON text.
  if (value instanceof Date) return value.toISOString();
  return value !== null && typeof value === "object" ? JSON.stringify(value) : value;
}

export function totalRows(data: SeedData): number {
  return TABLE_ORDER.reduce((sum, table) => sum + data[table].length, 0);
}

export async function writeAll(
  client: pg.ClientBase,
  data: SeedData,
  onProgress: (written: number, table: string) => void,
): Promise<void> {
  let written = 0;
  for (const table of TABLE_ORDER) {
    const rows = data[table] as readonly Record<string, unknown>[];
    const first = rows[0];
    if (!first) continue;
    const columns = Object.keys(first);
    // One array parameter per column, unnested into rows: far fewer parameters to bind than a
    // multi-row VALUES list, and much faster on both servers for hundreds of thousands of rows.
    const types = await columnTypes(client, table);
    const casts = columns.map((c, i) => {
      const type = types.get(c);
      if (!type) throw new Error(`seed: ${table}.${c} is not a column`);
      return `$${i + 1}::${type}[]`;
    });
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      await client.query(sql, columns.map((c) => chunk.map((row) => toParam(row[c]))));
      written += chunk.length;
      onProgress(written, table);
    }
  }
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
