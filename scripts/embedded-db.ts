import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// The embedded default: pglite-server (PostgreSQL compiled to WASM) serving a data directory
// over the wire protocol, so the app keeps one code path (adapter-pg). See docs/decisions/0002.
// Never open one data directory from two processes: PGlite loses rows when that happens.

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash would end it (the reliability tests; PGlite's data survive it, STACK.md). */
  kill: () => Promise<void>;
};

/**
 * The app's connections to the embedded server: one. It runs every connection on one PGlite
 * session and can interleave the extended-protocol messages of concurrent connections
 * (electric-sql/pglite#1046: a page running queries in parallel failed once, or could read another
 * query's rows). PostgreSQL keeps the default pool.
 */
export const EMBEDDED_POOL_SIZE = "1";

/** Where `npm start` keeps its embedded database when DATABASE_URL is unset, and its port. */
export const EMBEDDED_DATA_DIR = path.join(".data", "pgdata");
export const embeddedPort = (): number => Number(process.env.EMBEDDED_DB_PORT ?? 54329);
export const embeddedUrl = (port: number): string => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;

const BIN = path.join(process.cwd(), "node_modules", ".bin", "pglite-server");

export async function startEmbeddedDatabase(opts: {
  dataDir: string; // "memory://" for a throwaway database
  port: number;
  maxConnections?: number;
}): Promise<EmbeddedDatabase> {
  if (opts.dataDir !== "memory://") mkdirSync(opts.dataDir, { recursive: true });
  if (await isPortOpen(opts.port)) {
    throw new Error(
      `Port ${opts.port} is already in use: is another copy of the app (or its embedded database) running?`,
    );
  }
  const child = spawn(
    BIN,
    [`--db=${opts.dataDir}`, `--port=${opts.port}`, "--host=127.0.0.1", `--max-connections=${opts.maxConnections ?? 20}`],
    { stdio: ["ignore", "ignore", "inherit"], detached: false },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(opts.port, child);
  return {
    url: embeddedUrl(opts.port),
    stop: () => stopChild(child, exited),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 10_000));
  if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
}

export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`pglite-server exited with code ${child.exitCode}`);
    if (await isPortOpen(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`pglite-server did not start listening on port ${port} within 30 s`);
}
