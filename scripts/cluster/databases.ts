import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { seedDemo, type SeedOptions } from "../../prisma/seed/seed-demo";
import { applyMigrations } from "../db/migrate";
import {
  createPostgresInstance, createReplica, existingPostgresServer, postgresBinDir, type PostgresInstance, type PostgresServer,
} from "../postgres-instance";
import type { ClusterLayout, ClusterPorts } from "./layout";

// The cluster's PostgreSQL: a primary of its own (no replication access to the machine's server
// needed), migrated and given its data, then a streaming replica copied from
// it with pg_basebackup. An existing primary and replica (a second cluster:up) are started as
// they are: migrations are applied and the demo seed skips a township that exists. Or an
// existing server is the primary (the benchmark's, npm run bench:cluster): only its replica is
// made here, and removed with its replication slot when the cluster stops.

export type ClusterData = {
  /** The demo township (prisma/seed), when the database has none; the default. */
  seed?: SeedOptions;
  /** Instead: the database at this URL copied into an empty primary (pg_dump | pg_restore). */
  restoreFrom?: string;
  /**
   * Instead: the database at this URL, on a server that runs already and accepts replication
   * connections from 127.0.0.1, is the primary as it is (migrations applied, nothing else
   * written). The replica is a pg_basebackup of that whole server, every database on it, in the
   * cluster's directory; it and its replication slot are removed when the cluster stops, the
   * server itself is left running.
   */
  existingPrimary?: string;
};

export type ClusterDatabases = {
  primary: PostgresServer;
  replica: PostgresInstance;
  /** Stops the replica, and the primary when it is the cluster's own. */
  stop: (mode: "fast" | "immediate") => void;
};

export async function startDatabases(layout: ClusterLayout, ports: ClusterPorts, data: ClusterData, say: (line: string) => void): Promise<ClusterDatabases> {
  if (data.existingPrimary) return replicateExisting(existingPostgresServer(data.existingPrimary), layout, ports, say);
  say(`• primary: PostgreSQL on 127.0.0.1:${ports.primary} (${layout.primary})`);
  const primary = createPostgresInstance(ports.primary, { dataDir: layout.primary });
  try {
    const url = primary.url();
    if (data.restoreFrom && !(await hasTables(url))) {
      say(`• restoring ${redact(data.restoreFrom)} into the primary (pg_dump | pg_restore)`);
      await copyDatabase(data.restoreFrom, url);
      // Planner statistics and the visibility map (index-only scans), as on a server autovacuum
      // keeps; done before the copy to the replica, which gets them with the data.
      await query(url, "VACUUM (ANALYZE)");
    }
    say("• migrations");
    await applyMigrations(url);
    if (!data.restoreFrom) {
      say("• demo data");
      await seedDemo(url, data.seed ?? {});
    }
    say(`• replica: a hot standby streaming from the primary (pg_basebackup when new) on 127.0.0.1:${ports.replica} (${layout.replica})`);
    const replica = createReplica(primary, ports.replica, { dataDir: layout.replica });
    const stop = (mode: "fast" | "immediate") => {
      for (const server of [replica, primary]) {
        if (server.isRunning()) server.stop(mode);
      }
    };
    return { primary, replica, stop };
  } catch (error) {
    primary.stop();
    throw error;
  }
}

async function replicateExisting(primary: PostgresServer, layout: ClusterLayout, ports: ClusterPorts, say: (line: string) => void): Promise<ClusterDatabases> {
  const url = primary.url();
  say(`• primary: the existing server at ${redact(url)}`);
  say("• migrations");
  await applyMigrations(url);
  const { rows } = await query(url, "SELECT pg_size_pretty(sum(pg_database_size(datname))) AS size FROM pg_database");
  say(`• replica: pg_basebackup of that whole server (${(rows[0] as { size: string }).size}), a hot standby on 127.0.0.1:${ports.replica} (${layout.replica})`);
  const replica = createReplica(primary, ports.replica, { dataDir: layout.replica });
  // Destroyed, not only stopped: a copy of someone else's server, and a slot that would keep WAL on it.
  return { primary, replica, stop: () => replica.destroy() };
}

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function hasTables(url: string): Promise<boolean> {
  const { rows } = await query(url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
  return (rows[0] as { n: number }).n > 0;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

/** pg_dump's custom format streamed into pg_restore: schema, data, indexes, the migrations table. */
function copyDatabase(sourceUrl: string, targetUrl: string): Promise<void> {
  const bin = postgresBinDir();
  const dump = spawn(`${bin}/pg_dump`, ["-Fc", "--no-owner", "--no-privileges", "-d", sourceUrl], { stdio: ["ignore", "pipe", "pipe"] });
  const restore = spawn(`${bin}/pg_restore`, ["--no-owner", "--no-privileges", "--exit-on-error", "-d", targetUrl],
    { stdio: ["pipe", "inherit", "pipe"] });
  dump.stdout.pipe(restore.stdin);
  const ended = (child: ChildProcess, name: string) => new Promise<void>((resolve, reject) => {
    let errors = "";
    child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}:\n${errors}`))));
  });
  return Promise.all([ended(dump, "pg_dump"), ended(restore, "pg_restore")]).then(() => undefined);
}
