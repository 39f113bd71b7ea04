import type pg from "pg";

// Loading tens of millions of rows is several times faster into tables without their foreign
// keys and secondary indexes: a foreign key checks every row with a query of its own, an index is
// updated row by row. As pg_restore does, both are put back after the load: each index built once
// by a sort, each foreign key checked by one join over the table. They are dropped and recreated
// from their own definitions (pg_indexes.indexdef, pg_get_constraintdef), so the database ends
// with exactly the migrations' schema, and a duplicate or a dangling reference fails the load at
// the end. Primary keys stay. A load that dies half way leaves them dropped: start again on a new
// database.

type Saved = { indexes: { name: string; definition: string }[]; foreignKeys: { table: string; name: string; definition: string }[] };

async function dropChecks(client: pg.Client): Promise<Saved> {
  const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename <> '_prisma_migrations'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  return { indexes, foreignKeys };
}

async function restoreChecks(client: pg.Client, saved: Saved): Promise<void> {
  await client.query("SET maintenance_work_mem = '512MB'");
  for (const index of saved.indexes) await client.query(index.definition);
  for (const fk of saved.foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
}

/** Runs `load` with the foreign keys and secondary indexes dropped, and puts them back after it. */
export async function loadWithoutChecks(client: pg.Client, load: () => Promise<void>, log: (step: string) => void): Promise<void> {
  const saved = await dropChecks(client);
  log(`dropped ${saved.foreignKeys.length} foreign keys and ${saved.indexes.length} secondary indexes for the load`);
  await load();
  await restoreChecks(client, saved);
  log(`recreated the ${saved.indexes.length} indexes and ${saved.foreignKeys.length} foreign keys (each checked)`);
}
