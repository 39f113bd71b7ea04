import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A PostgreSQL server of its own, in a data directory on a port of its own, made with the
// machine's PostgreSQL binaries (initdb, pg_ctl, pg_basebackup): the reliability tests stop it,
// crash it and start it again without touching the machine's server, and the loopback cluster
// (scripts/cluster) runs a primary and a streaming replica made this way. PG_BIN names the
// binaries' directory; by default the newest of Debian's /usr/lib/postgresql/<major>/bin.
// PostgreSQL refuses to run as root, so under root the directory belongs to, and the commands run
// as, the user postgres.

/** Where a server is: all a client, or a replica copying it, needs. */
export type PostgresServer = {
  url: (database?: string) => string;
  port: number;
};

export type PostgresInstance = PostgresServer & {
  dataDir: string;
  start: () => void;
  /** "fast" ends sessions and checkpoints; "immediate" is a crash (recovery replays the WAL on start). */
  stop: (mode?: "fast" | "immediate") => void;
  /** Whether a server runs on the data directory. */
  isRunning: () => boolean;
  destroy: () => void;
};

export type InstanceOptions = {
  /** A directory of the caller's that outlives the process: a cluster in it is reused, a missing or empty one is made. Default: a new temporary directory. */
  dataDir?: string;
};

// Read-only queries on a replica would be cancelled when the primary's vacuum removes rows they
// still see ("conflict with recovery"); the feedback makes the primary keep those rows instead.
const STANDBY_SETTINGS = "-c hot_standby=on -c hot_standby_feedback=on";
// PostgreSQL's defaults, stated because the replicas depend on them.
const PRIMARY_SETTINGS = "-c wal_level=replica -c max_wal_senders=10 -c max_replication_slots=10";

export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const newest = majors[0];
  if (!newest) throw new Error("No PostgreSQL binaries found: install Debian's postgresql package or set PG_BIN");
  return path.join(root, newest, "bin");
}

const isRoot = () => process.getuid?.() === 0;
const bin = (name: string) => path.join(postgresBinDir(), name);

function runAsPostgres(command: string, args: string[]): SpawnSyncReturns<string> {
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return spawnSync(file, argv, { encoding: "utf8" });
}

function run(command: string, args: string[]): void {
  const result = runAsPostgres(command, args);
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
}

/** Under root, what is made for the server belongs to the user postgres, who runs it. */
function giveToPostgres(file: string): void {
  if (!isRoot()) return;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  chownSync(file, id("-u"), id("-g"));
}

function prepareDataDir(dataDir: string | undefined, prefix: string): string {
  const dir = dataDir ? path.resolve(dataDir) : mkdtempSync(path.join(os.tmpdir(), prefix));
  // The parents stay readable: the user postgres must reach the directory.
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  giveToPostgres(dir);
  return dir;
}

const holdsCluster = (dataDir: string) => existsSync(path.join(dataDir, "PG_VERSION"));

/** A handle on the server of an existing data directory (started or not); a standby's settings when it is one. */
export function openPostgresInstance(dataDir: string, port: number, defaultDatabase = "postgres"): PostgresInstance {
  const isStandby = existsSync(path.join(dataDir, "standby.signal"));
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c max_connections=200 ` +
    (isStandby ? STANDBY_SETTINGS : PRIMARY_SETTINGS);
  const instance: PostgresInstance = {
    port,
    dataDir,
    url: (database = defaultDatabase) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: () => run(bin("pg_ctl"), ["-D", dataDir, "-o", options, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"]),
    stop: (mode = "fast") => run(bin("pg_ctl"), ["-D", dataDir, "-m", mode, "-w", "stop"]),
    isRunning: () => runAsPostgres(bin("pg_ctl"), ["-D", dataDir, "status"]).status === 0,
    destroy: () => {
      try {
        if (instance.isRunning()) instance.stop("immediate");
      } catch {
        // stopped meanwhile
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return instance;
}

/** A primary: initdb (trust authentication, replication connections from 127.0.0.1 included) unless the directory holds one, then started. */
export function createPostgresInstance(port: number, options: InstanceOptions = {}): PostgresInstance {
  const dataDir = prepareDataDir(options.dataDir, "fca-pg-");
  if (!holdsCluster(dataDir)) {
    run(bin("initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  }
  const instance = openPostgresInstance(dataDir, port);
  if (!instance.isRunning()) instance.start();
  return instance;
}

/**
 * A server that runs already and is not ours (the machine's own, named by the URL of a database
 * on it): reached, and copied by createReplica, but never started, stopped or removed from here.
 * url() without a database names the URL's.
 */
export function existingPostgresServer(url: string): PostgresServer {
  const parsed = new URL(url);
  const named = decodeURIComponent(parsed.pathname.slice(1)) || "postgres";
  return {
    port: Number(parsed.port || 5432),
    url: (database = named) => {
      const other = new URL(url);
      other.pathname = `/${encodeURIComponent(database)}`;
      return other.toString();
    },
  };
}

const databaseOf = (server: PostgresServer) => decodeURIComponent(new URL(server.url()).pathname.slice(1)) || "postgres";

/**
 * A server that keeps its configuration outside its data directory (Debian's, in /etc) has none
 * in the copy: the replica gets PostgreSQL's defaults, and trust from its socket and 127.0.0.1,
 * as initdb --auth=trust writes it for the servers made here.
 */
function writeMissingConfiguration(dataDir: string): void {
  const files = {
    "postgresql.conf": "# Written by scripts/postgres-instance.ts: the copied server kept its configuration elsewhere.\n",
    "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 trust\nlocal replication all trust\nhost replication all 127.0.0.1/32 trust\n",
    "pg_ident.conf": "",
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dataDir, name);
    if (existsSync(file)) continue;
    writeFileSync(file, text, { mode: 0o600 });
    giveToPostgres(file);
  }
}

/**
 * A streaming replica of `primary` (hot standby, read-only), made with pg_basebackup unless the
 * directory holds one, then started. pg_basebackup copies the whole server, every database on
 * it. The replica streams through a physical replication slot of its own, so that the primary
 * keeps the WAL it has not received while it is stopped; destroying the replica drops the slot,
 * which would otherwise keep WAL on the primary for ever. url() without a database names the
 * primary's default one.
 */
export function createReplica(primary: PostgresServer, port: number, options: InstanceOptions = {}): PostgresInstance {
  const dataDir = prepareDataDir(options.dataDir, "fca-pg-replica-");
  const slot = `replica_${port}`;
  const onPrimary = (sql: string) => run(bin("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", primary.url(), "-c", sql]);
  const dropSlot = () => {
    // The primary's WAL sender lets go of the slot a moment after the replica stops: wait for it (10 s at most).
    onPrimary(`DO $$ BEGIN
      FOR i IN 1..100 LOOP
        EXIT WHEN NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = '${slot}' AND active);
        PERFORM pg_sleep(0.1);
      END LOOP;
      PERFORM pg_drop_replication_slot('${slot}') FROM pg_replication_slots WHERE slot_name = '${slot}';
    END $$`);
  };
  const made = !holdsCluster(dataDir);
  if (made) {
    onPrimary(`SELECT pg_create_physical_replication_slot('${slot}') WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = '${slot}')`);
    try {
      // -R writes standby.signal and primary_conninfo/primary_slot_name; -X stream copies the WAL
      // written during the copy; -c fast checkpoints at once instead of waiting for the next one.
      run(bin("pg_basebackup"), ["-d", primary.url(), "-D", dataDir, "-R", "-X", "stream", "-S", slot, "-c", "fast"]);
    } catch (error) {
      dropSlot();
      throw error;
    }
    // The copy includes the primary's own log and socket lock, which are not the replica's.
    for (const name of readdirSync(dataDir)) {
      if (name === "server.log" || name.startsWith(".s.PGSQL.")) rmSync(path.join(dataDir, name), { force: true });
    }
    writeMissingConfiguration(dataDir);
  }
  const streamsFrom = /primary_conninfo = '(?:[^']|'')*?\bport=(\d+)/.exec(readFileSync(path.join(dataDir, "postgresql.auto.conf"), "utf8"))?.[1];
  if (streamsFrom && Number(streamsFrom) !== primary.port) {
    throw new Error(`The replica in ${dataDir} streams from port ${streamsFrom}, not ${primary.port}: start the primary there, or make the replica anew`);
  }
  const replica = openPostgresInstance(dataDir, port, databaseOf(primary));
  try {
    if (!replica.isRunning()) replica.start();
  } catch (error) {
    // A replica made here that cannot start (its port taken, settings below the primary's) is of
    // no use, and its slot would keep the primary's WAL for ever: remove both.
    if (made) {
      try {
        replica.destroy();
        dropSlot();
      } catch (cleanup) {
        console.warn(`Could not clean up after the replica failed to start: ${(cleanup as Error).message.split("\n")[0]}`);
      }
    }
    throw error;
  }
  const destroy = replica.destroy;
  replica.destroy = () => {
    destroy();
    try {
      dropSlot();
    } catch (error) {
      // A primary that is gone takes its slots with it; one that runs keeps the WAL for ever: say so.
      console.warn(`The replication slot ${slot} could not be dropped (${(error as Error).message.split("\n")[0]}); ` +
        `if the primary at port ${primary.port} runs, drop it there: SELECT pg_drop_replication_slot('${slot}')`);
    }
  };
  return replica;
}
