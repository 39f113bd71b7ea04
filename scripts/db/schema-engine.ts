import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
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
 * adapter-pg with discrete connection fields: given a connection string, adapter-pg 7.10's
 * shadow-database code connects to the main database. One connection, as the native engine
 * uses: Prisma's advisory lock is session-level and must be taken and released on one session.
 */
export function postgresFactory(databaseUrl: string, disposers: Disposer[]): SqlDriverAdapterFactory {
  const pool = new pg.Pool({ ...connectionFields(databaseUrl), max: 1 });
  disposers.push(() => pool.end());
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? undefined;
  return new PrismaPg(pool, { schema });
}

export function connectionFields(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname) || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
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
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

function logEngineMessage(message: string): void {
  if (process.env.DEBUG_SCHEMA_ENGINE) console.error(`[schema-engine] ${message}`);
}

export type { SqlDriverAdapter };
