import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { applyMigrations } from "../../scripts/db/migrate";
import { EMBEDDED_POOL_SIZE, startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/embedded-db";
import { createPostgresInstance, type PostgresInstance } from "../../scripts/postgres-instance";
import { newServerSecrets, startProductionServer, type RunningServer } from "../../scripts/production-server";
import { freePort } from "../helpers/fresh-database";

// What the reliability tests run against: the production build (scripts/test-production-build.ts
// builds it first) served by scripts/serve.ts, over either a PostgreSQL server of the test's own
// (scripts/postgres-instance.ts, so that it can be crashed and restarted) or the embedded
// database of `npm start` (pglite-server on a data directory), migrated and seeded with the demo
// township. The app keeps its secrets and upload directory across restarts, like a deployment.

export type DatabaseKind = "server" | "embedded";

export type Stack = {
  kind: DatabaseKind;
  databaseUrl: string;
  uploadDir: string;
  baseUrl: string;
  app: () => RunningServer;
  /** When the current app process started (its periodic jobs first run 15 s later). */
  appStartedAt: () => number;
  killApp: () => Promise<void>;
  startApp: () => Promise<void>;
  /** A crash of the database: "immediate" stop of the server, SIGKILL of the embedded one. */
  crashDatabase: () => Promise<void>;
  startDatabase: () => Promise<void>;
  close: () => Promise<void>;
};

export const HOUSEHOLDS = Number(process.env.RELIABILITY_HOUSEHOLDS ?? 400);

export async function startStack(kind: DatabaseKind): Promise<Stack> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "fca-reliability-"));
  const uploadDir = path.join(scratch, "uploads");
  const dbPort = await freePort();
  let server: PostgresInstance | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let app: RunningServer | undefined;
  let appStartedAt = 0;
  // pg_ctl detaches the server: it must be stopped even when the test process ends early.
  const destroyServer = () => server?.destroy();
  process.once("exit", destroyServer);
  const close = async () => {
    await app?.stop();
    process.removeListener("exit", destroyServer);
    destroyServer();
    await embedded?.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  const startEmbedded = async () => {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(scratch, "pgdata"), port: dbPort });
  };
  const appPort = await freePort();
  const secrets = newServerSecrets();
  // As `npm start` does on the embedded database (ADR 0002).
  const env = { UPLOAD_DIR: uploadDir, ...(kind === "embedded" ? { DB_POOL_SIZE: EMBEDDED_POOL_SIZE } : {}) };
  const startApp = async (databaseUrl: string) => {
    appStartedAt = Date.now();
    app = await startProductionServer(databaseUrl, appPort, { secrets, env });
  };
  try {
    if (kind === "server") server = createPostgresInstance(dbPort);
    else await startEmbedded();
    const databaseUrl = server ? server.url() : embedded!.url;
    await applyMigrations(databaseUrl);
    await seedDemo(databaseUrl, { households: HOUSEHOLDS, quiet: true });
    await startApp(databaseUrl);
    return {
      kind, databaseUrl, uploadDir, baseUrl: app!.url,
      app: () => app!,
      appStartedAt: () => appStartedAt,
      killApp: () => app!.kill(),
      startApp: () => startApp(databaseUrl),
      crashDatabase: async () => {
        if (server) server.stop("immediate");
        else await embedded!.kill();
      },
      startDatabase: async () => {
        if (server) server.start();
        else await startEmbedded();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
