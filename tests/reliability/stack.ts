import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedDemo } from "../../prisma/seed/seed-demo";
import { applyMigrations } from "../../scripts/db/migrate";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/embedded-db";
import { createPostgresInstance, type PostgresInstance } from "../../scripts/postgres-instance";
import { newServerSecrets, startProductionServer, type RunningServer } from "../../scripts/production-server";
import { freePort } from "../helpers/fresh-database";

// What the reliability tests run against: the production build (scripts/test-reliability.ts
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
  const startEmbedded = async () => {
    embedded = await startEmbeddedDatabase({ dataDir: path.join(scratch, "pgdata"), port: dbPort });
  };
  if (kind === "server") server = createPostgresInstance(dbPort);
  else await startEmbedded();
  const databaseUrl = server ? server.url() : embedded!.url;
  await applyMigrations(databaseUrl);
  await seedDemo(databaseUrl, { households: HOUSEHOLDS, quiet: true });

  const appPort = await freePort();
  const secrets = newServerSecrets();
  // As `npm start` does on the embedded database: one connection (ADR 0002).
  const env = { UPLOAD_DIR: uploadDir, ...(kind === "embedded" ? { DB_POOL_SIZE: "1" } : {}) };
  let app = await startProductionServer(databaseUrl, appPort, { secrets, env });
  return {
    kind, databaseUrl, uploadDir, baseUrl: app.url,
    app: () => app,
    killApp: () => app.kill(),
    startApp: async () => {
      app = await startProductionServer(databaseUrl, appPort, { secrets, env });
    },
    crashDatabase: async () => {
      if (server) server.stop("immediate");
      else await embedded!.kill();
    },
    startDatabase: async () => {
      if (server) server.start();
      else await startEmbedded();
    },
    close: async () => {
      await app.stop();
      if (server) server.destroy();
      else await embedded!.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
