import type pg from "pg";

// What a backup holds, read from PostgreSQL's catalogue rather than listed by hand, so that a
// table added by a later migration is in the next backup without anyone remembering it.
//
// Every table is kept, the short-lived ones too: idempotency keys (a request retried after a
// restore must still answer its first response, not write twice), sign-in attempts (they hold
// the lockouts and the throttle: a restore must not lift them) and extract lookup windows (a
// few rows). They are small, and "every table as it was" is the one rule a restore can check.

export type Table = { name: string; columns: string[]; types: string[]; selfReferencing: boolean };
export type Migration = { name: string; checksum: string };
export type Sequence = { name: string; lastValue: string; isCalled: boolean };

/** Prisma's migration history: a restore re-applies the migrations it lists instead of copying it. */
const MIGRATIONS_TABLE = "_prisma_migrations";

const IN_SCHEMA = "relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())";

export const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The tables of the current schema, each after the tables its foreign keys reference. */
export async function listTables(client: pg.ClientBase): Promise<Table[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[]; types: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS types
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE c.${IN_SCHEMA} AND c.relkind = 'r' AND c.relname <> $1
      AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    GROUP BY c.relname`, [MIGRATIONS_TABLE]);
  const { rows: references } = await client.query<{ from: string; to: string }>(`
    SELECT DISTINCT f.relname AS "from", t.relname AS "to"
    FROM pg_constraint k JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
    WHERE k.contype = 'f' AND f.${IN_SCHEMA}`);
  const selfReferencing = new Set(references.filter((r) => r.from === r.to).map((r) => r.from));
  const byName = new Map(tables.map((t) => [t.name, { ...t, selfReferencing: selfReferencing.has(t.name) }]));
  return inDependencyOrder([...byName.keys()], references).map((name) => byName.get(name)!);
}

/** Kahn's sort, alphabetical among equals so that two backups of one schema list the same order. */
function inDependencyOrder(names: string[], references: { from: string; to: string }[]): string[] {
  const pending = new Map(names.map((name) => [name, new Set<string>()]));
  for (const { from, to } of references) if (from !== to && pending.has(to)) pending.get(from)?.add(to);
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, needs]) => [...needs].every((n) => !pending.has(n))).map(([name]) => name).sort();
    if (ready.length === 0) {
      throw new Error(`The foreign keys of ${[...pending.keys()].join(", ")} form a cycle: no loading order exists for them.`);
    }
    for (const name of ready) pending.delete(name);
    ordered.push(...ready);
  }
  return ordered;
}

/** The applied migrations, in order; refuses a history with a failed migration. Empty without a history. */
export async function readMigrations(client: pg.ClientBase): Promise<Migration[]> {
  const { rows: [table] } = await client.query<{ present: boolean }>(
    `SELECT to_regclass(current_schema() || '.' || $1) IS NOT NULL AS present`, [MIGRATIONS_TABLE]);
  if (!table?.present) return [];
  const { rows } = await client.query<Migration & { finished: boolean; rolledBack: boolean }>(`
    SELECT migration_name AS name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
    FROM ${MIGRATIONS_TABLE} ORDER BY migration_name`);
  const failed = rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name);
  if (failed.length > 0) throw new Error(`Migration ${failed.join(", ")} failed and was never resolved: see \`npm run db:status\`.`);
  return rows.filter((r) => r.finished && !r.rolledBack).map(({ name, checksum }) => ({ name, checksum }));
}

export async function readSequences(client: pg.ClientBase): Promise<Sequence[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE ${IN_SCHEMA} AND relkind = 'S' ORDER BY 1`);
  const sequences: Sequence[] = [];
  for (const { name } of rows) {
    const { rows: [state] } = await client.query<{ lastValue: string; isCalled: boolean }>(
      `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${quoted(name)}`);
    sequences.push({ name, ...state! });
  }
  return sequences;
}

/** The named tables that hold at least one row. */
export async function tablesWithRows(client: pg.ClientBase, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const sql = names.map((name, i) => `SELECT $${i + 1}::text AS name WHERE EXISTS (SELECT 1 FROM ${quoted(name)})`).join(" UNION ALL ");
  return (await client.query<{ name: string }>(sql, names)).rows.map((r) => r.name);
}

export async function countRows(client: pg.ClientBase, name: string): Promise<number> {
  const { rows: [row] } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(name)}`);
  return Number(row!.n);
}
