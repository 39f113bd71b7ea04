import type pg from "pg";
import { TABLE_ORDER, type SeedData } from "./types";

// Bulk writer: multi-row INSERTs of at most ~30,000 bind parameters each (pglite-server and
// PostgreSQL both cap a statement at 65,535), all on the one connection of the seed's transaction.

export const MAX_PARAMS = 30_000;

function toParam(value: unknown): unknown {
  // Timestamps go in as UTC ISO strings: Prisma's DateTime columns are `timestamp(3)` without
  // time zone holding UTC, and node-pg would otherwise write a Date in the process's local zone.
  return value instanceof Date ? value.toISOString() : value;
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
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      const tuples = chunk.map((row) => {
        const marks = columns.map((column) => {
          params.push(toParam(row[column]));
          return `$${params.length}`;
        });
        return `(${marks.join(", ")})`;
      });
      await client.query(head + tuples.join(", "), params);
      written += chunk.length;
      onProgress(written, table);
    }
  }
}

/** Row counts of every table the seed writes. */
export async function countRows(client: pg.ClientBase): Promise<Record<string, number>> {
  const sql = TABLE_ORDER.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  const result = await client.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(result.rows.map((r) => [r.t, r.n]));
}
