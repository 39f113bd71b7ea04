import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// A PostgreSQL server of its own, in a temporary data directory on a port of its own, made with
// the machine's PostgreSQL binaries (initdb, pg_ctl): the reliability tests stop it, crash it and
// start it again without touching the machine's server. PG_BIN names the binaries' directory;
// by default the newest of Debian's /usr/lib/postgresql/<major>/bin. PostgreSQL refuses to run
// as root, so under root the directory belongs to, and the commands run as, the user postgres.

export type PostgresInstance = {
  url: (database?: string) => string;
  port: number;
  dataDir: string;
  start: () => void;
  /** "fast" ends sessions and checkpoints; "immediate" is a crash (recovery replays the WAL on start). */
  stop: (mode?: "fast" | "immediate") => void;
  destroy: () => void;
};

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const majors = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const newest = majors[0];
  if (!newest) throw new Error("No PostgreSQL binaries found: install Debian's postgresql package or set PG_BIN");
  return path.join(root, newest, "bin");
}

const isRoot = () => process.getuid?.() === 0;

function run(command: string, args: string[]): void {
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
}

export function createPostgresInstance(port: number): PostgresInstance {
  const bin = binDir();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "fca-pg-"));
  if (isRoot()) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(dataDir, id("-u"), id("-g"));
  }
  run(path.join(bin, "initdb"), ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c max_connections=200`;
  const instance: PostgresInstance = {
    port,
    dataDir,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    start: () => run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-o", options, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"]),
    stop: (mode = "fast") => run(path.join(bin, "pg_ctl"), ["-D", dataDir, "-m", mode, "-w", "stop"]),
    destroy: () => {
      try {
        instance.stop("immediate");
      } catch {
        // not running
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  instance.start();
  return instance;
}
