import pg from "pg";

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

/** Connections that rebuild at once: two, one per core of the machine the benchmarks run on. */
const REBUILDERS = 2;

/** Runs the jobs on the clients, each client taking the next job when its last one is done. */
async function onEach<T>(clients: pg.Client[], jobs: T[], run: (client: pg.Client, job: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(clients.map(async (client) => {
    while (next < jobs.length) await run(client, jobs[next++]!);
  }));
}

async function restoreChecks(databaseUrl: string, saved: Saved): Promise<void> {
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < REBUILDERS; i++) {
      const client = new pg.Client({ connectionString: databaseUrl });
      clients.push(client);
      await client.connect();
      // The sorts of the index builds and the joins of the foreign-key checks (which run with
      // work_mem = maintenance_work_mem) in memory.
      await client.query("SET maintenance_work_mem = '512MB'");
    }
    const first = clients[0]!;
    // Largest tables first, so that the two connections end about together.
    const { rows: sizes } = await first.query<{ table: string; bytes: string }>(
      `SELECT c.oid::regclass::text AS table, pg_relation_size(c.oid)::text AS bytes FROM pg_class c
       WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace`);
    const size = new Map(sizes.map((r) => [r.table, Number(r.bytes)]));
    const bySize = (a: { table: string }, b: { table: string }) => (size.get(b.table) ?? 0) - (size.get(a.table) ?? 0);

    // Indexes two at a time: CREATE INDEX takes a SHARE lock, which another index build on the same table shares.
    const indexes = saved.indexes.map((index) => ({ ...index, table: tableOfIndex(index.definition) })).sort(bySize);
    await onEach(clients, indexes, (client, index) => client.query(index.definition).then(() => {}));

    // Foreign keys: added NOT VALID (a moment's lock, no check), then validated, which checks the
    // whole table with the same join as ADD CONSTRAINT and leaves the same constraint. Two tables
    // at a time; the keys of one table are validated by one connection, one after the other
    // (VALIDATE locks its table against another VALIDATE, not against readers of the referenced one).
    for (const fk of saved.foreignKeys) await first.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition} NOT VALID`);
    const keysOf = new Map<string, Saved["foreignKeys"]>();
    for (const fk of saved.foreignKeys) keysOf.set(fk.table, [...(keysOf.get(fk.table) ?? []), fk]);
    const tables = [...keysOf].map(([table, keys]) => ({ table, keys })).sort(bySize);
    await onEach(clients, tables, async (client, { table, keys }) => {
      for (const fk of keys) await client.query(`ALTER TABLE ${table} VALIDATE CONSTRAINT "${fk.name}"`);
    });
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => {})));
  }
}

/** The table of a `CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING …` (pg_indexes.indexdef), as regclass prints it. */
function tableOfIndex(definition: string): string {
  const match = / ON (?:ONLY )?(?:[a-z_][a-z0-9_]*\.)?("(?:[^"]|"")+"|[a-z_][a-z0-9_]*) USING /.exec(definition);
  if (!match?.[1]) throw new Error(`load-without-checks: no table in ${definition}`);
  return match[1];
}

/**
 * Runs `load` with the foreign keys and secondary indexes dropped, and puts them back after it
 * (on connections of its own to `databaseUrl`, two at a time).
 */
export async function loadWithoutChecks(client: pg.Client, databaseUrl: string, load: () => Promise<void>, log: (step: string) => void): Promise<void> {
  const saved = await dropChecks(client);
  log(`dropped ${saved.foreignKeys.length} foreign keys and ${saved.indexes.length} secondary indexes for the load`);
  await load();
  await restoreChecks(databaseUrl, saved);
  log(`recreated the ${saved.indexes.length} indexes and ${saved.foreignKeys.length} foreign keys (each checked)`);
}
