import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlResultSet,
  type SqlDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  MigrationDirectory,
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from "@prisma/schema-engine-wasm";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

// Prisma's schema engine compiled to WASM, driven the way Prisma's CLI drives it
// (docs/decisions/0001-migrations-without-native-engine.md).

export type { SchemaEngine };

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type Disposer = () => Promise<void>;

/**
 * Runs `fn` with an engine connected to `databaseUrl` (or, when it is undefined, to a throwaway
 * in-memory PGlite). The shadow database is always a fresh in-memory PGlite.
 * Engine, pool and PGlite instances are released whatever happens.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string | undefined,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const disposers: Disposer[] = [];
  try {
    const main = databaseUrl ? postgresFactory(databaseUrl, disposers) : pgliteFactory(disposers);
    const adapter = bindMigrationAwareSqlAdapterFactory(withPgliteShadow(main, disposers));
    const Engine = await loadEngineClass();
    const engine = await Engine.new({ datamodels: undefined }, logEngineMessage, adapter);
    disposers.push(async () => engine.free());
    return await fn(engine);
  } finally {
    for (const dispose of disposers.reverse()) await dispose();
  }
}

/** The migrations folder in the shape the engine expects (what Prisma's CLI reads from disk). */
export async function readMigrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockContent = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const migrationDirectories = await Promise.all(names.sort().map((name) => readMigrationDirectory(dir, name)));
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function readMigrationDirectory(dir: string, name: string): Promise<MigrationDirectory> {
  const content = await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
    (value) => ({ tag: "ok" as const, value }),
    (error: Error) => ({ tag: "error" as const, value: error.message }),
  );
  return { path: name, migrationFile: { path: "migration.sql", content } };
}

export async function readSchema(schemaPath = SCHEMA_PATH): Promise<SchemasContainer> {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

/**
 * adapter-pg over a pool of one connection, as the native engine uses: Prisma's advisory lock is
 * session-level, taken on the engine's connection and released when that connection closes.
 */
function postgresFactory(databaseUrl: string, disposers: Disposer[]): SqlDriverAdapterFactory {
  const pool = new pg.Pool({ ...connectionFields(databaseUrl), max: 1 });
  pool.on("connect", relabelCharColumns);
  disposers.push(() => pool.end());
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? undefined;
  const factory = new PrismaPg(pool, { schema });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => forSchemaEngine(await factory.connect()),
  };
}

function forSchemaEngine(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query) => restoreCharColumns(await adapter.queryRaw(query)),
    executeRaw: (query) => adapter.executeRaw(query),
    // adapter-pg runs a script by splitting it at every ";" and sending the pieces one at a time:
    // a failing migration would stay half applied, and a ";" inside a literal would break it. The
    // native engine sends the whole script as one simple query, which PostgreSQL runs as one
    // implicit transaction; executeRaw without parameters does exactly that.
    executeScript: async (script) => void (await adapter.executeRaw({ sql: script, args: [], argTypes: [] })),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => adapter.dispose(),
  };
}

// adapter-pg 7.10 rejects PostgreSQL's one-byte "char" type, which the engine reads from pg_catalog
// when it describes a database (drift check), and the engine needs those columns typed as
// characters (PostgreSQL 18's NOT NULL constraints made the difference visible). Below adapter-pg
// they are relabelled as text and remembered by result rows; above it, they get their type back.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const charColumnsByRows = new WeakMap<unknown[], number[]>();
type QueryCallback = (error: Error | null, result?: pg.QueryResult) => void;

function relabelCharColumns(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  client.query = ((...args: unknown[]) => {
    const callback = typeof args.at(-1) === "function" ? (args.pop() as QueryCallback) : undefined;
    const result = query(...args).then((r) => {
      const charColumns: number[] = [];
      (r.fields ?? []).forEach((field, i) => {
        if (field.dataTypeID !== PG_CHAR_OID) return;
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(i);
      });
      if (charColumns.length > 0) charColumnsByRows.set(r.rows, charColumns);
      return r;
    });
    if (!callback) return result;
    result.then((r) => callback(null, r), (error: Error) => callback(error));
  }) as typeof client.query;
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  for (const i of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
  return result;
}

// Discrete fields rather than a connection string (docs/decisions/0001): adapter-pg's
// shadow-database code overrides `database`, which a connection string silently wins over.
function connectionFields(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(url.hostname) || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    ssl: sslmode && !["disable", "allow", "prefer"].includes(sslmode)
      ? { rejectUnauthorized: sslmode.startsWith("verify") }
      : undefined,
  };
}

function pgliteFactory(disposers: Disposer[]): SqlDriverAdapterFactory {
  const db = new PGlite();
  disposers.push(() => db.close());
  return asAdapterFactory(new PrismaPGlite(db));
}

function withPgliteShadow(main: SqlDriverAdapterFactory, disposers: Disposer[]): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: () => pgliteFactory(disposers).connect(),
  };
}

// pglite-prisma-adapter is typed against its own (older) copy of @prisma/driver-adapter-utils;
// the runtime interface is the same.
function asAdapterFactory(factory: PrismaPGlite): SqlDriverAdapterFactory {
  return factory as unknown as SqlDriverAdapterFactory;
}

type EngineClass = typeof SchemaEngine;
const ENGINE_KEY = Symbol.for("family-civilization-archive.schema-engine-wasm");

// The WASM module is instantiated once per process: wasm-bindgen keeps module-level state, and
// test runners re-evaluate this file per test file while sharing node_modules, hence globalThis.
function loadEngineClass(): Promise<EngineClass> {
  const store = globalThis as { [ENGINE_KEY]?: Promise<EngineClass> };
  store[ENGINE_KEY] ??= instantiateEngine();
  return store[ENGINE_KEY];
}

async function instantiateEngine(): Promise<EngineClass> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as GlueModule;
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), {
    "./schema_engine_bg.js": withUnrefTimers(glue),
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

type GlueModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

// The engine arms 10 s timeouts around its queries and never clears them, which kept every
// script alive ~10 s after its work was done. Unreferenced timers still fire but hold nothing open.
function withUnrefTimers(glue: GlueModule): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const [name, value] of Object.entries(imports)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    imports[name] = (...args: unknown[]) => {
      const timer = (value as (...a: unknown[]) => NodeJS.Timeout)(...args);
      timer.unref();
      return timer;
    };
  }
  return imports;
}

function logEngineMessage(message: string): void {
  if (process.env.DEBUG_SCHEMA_ENGINE) console.error(`[schema-engine] ${message}`);
}
