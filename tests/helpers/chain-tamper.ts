// Tampering "behind the application's back", as someone with write access to the database
// would: the append-only triggers are switched off for one transaction
// (session_replication_role = replica, which also skips foreign-key checks), then rows are
// changed with SQL. Every change returns its undo.
import { db } from "@/lib/server/db";

export type Undo = () => Promise<void>;

export async function bypassTriggers(sql: string, ...params: unknown[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql, ...params);
  });
}

/** Sets one column of one row (by id) to a value given as text, or null. */
export async function setColumn(table: string, id: string, column: string, value: string | null): Promise<Undo> {
  const rows = await db.$queryRawUnsafe<{ old: string | null; type: string }[]>(
    `SELECT "${column}"::text AS old, pg_typeof("${column}")::text AS type FROM "${table}" WHERE id::text = $1`, id,
  );
  const row = rows[0];
  if (!row) throw new Error(`no ${table} ${id}`);
  if (row.old === value) throw new Error(`${table}.${column} is already ${value}: the change would prove nothing`);
  const set = (text: string | null) => bypassTriggers(`UPDATE "${table}" SET "${column}" = $1::text::${row.type} WHERE id::text = $2`, text, id);
  await set(value);
  return () => set(row.old);
}

/** Deletes one row (by id); the undo writes it back as it was. */
export async function deleteRow(table: string, id: string): Promise<Undo> {
  const rows = await db.$queryRawUnsafe<{ row: unknown }[]>(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE id::text = $1`, id);
  if (!rows[0]) throw new Error(`no ${table} ${id}`);
  await bypassTriggers(`DELETE FROM "${table}" WHERE id::text = $1`, id);
  return () => bypassTriggers(
    `INSERT INTO "${table}" SELECT * FROM jsonb_populate_record(NULL::"${table}", $1::jsonb)`, JSON.stringify(rows[0]!.row),
  );
}
