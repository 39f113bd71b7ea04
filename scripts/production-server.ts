import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import { isBuildCurrent, recordBuild } from "./build-fingerprint";
import { serveCommand } from "./serve-command";

// The app as deployed: the production build (built first when the sources changed, as `npm start`
// and `npm test` do) served by scripts/serve.ts. The benchmark and the reliability tests run it
// with a session secret and an extract signing key made for the run; a restarted server is given
// the same ones, so that sessions and extracts survive the restart as they would in production.

export type ServerSecrets = { sessionSecret: string; signingKey: string };
export type RunningServer = {
  url: string; pid: number; secret: string;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop: () => Promise<void>;
  /** SIGKILL at once, as a crash or an out-of-memory kill would end it. */
  kill: () => Promise<void>;
  /** What it printed so far. */
  log: () => string;
};

export function ensureProductionBuild(): void {
  if (isBuildCurrent()) return;
  console.log("building (next build): the sources changed since the last build");
  const result = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build exited with ${result.status ?? result.signal}`);
  recordBuild();
}

export function newServerSecrets(): ServerSecrets {
  return {
    sessionSecret: randomBytes(32).toString("base64url"),
    signingKey: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
  };
}

export type ProductionServerOptions = {
  secrets?: ServerSecrets;
  /** Settings over those of productionServerEnv (UPLOAD_DIR, PUBLIC_URL behind a load balancer, …). */
  env?: Record<string, string>;
  /** A file its output is appended to; by default log() keeps it in memory. */
  logFile?: string;
  /** Keeps it running when this process ends (`npm run cluster:up`); by default it ends with it. */
  outlive?: boolean;
};

/** The environment of a production server: the one place that says what an app instance is given. */
export function productionServerEnv(databaseUrl: string, port: number, secrets: ServerSecrets, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secrets.sessionSecret, PUBLIC_URL: `http://127.0.0.1:${port}`, EXTRACT_SIGNING_KEY: secrets.signingKey,
    // The public extract check is limited per client address; the benchmark speaks for many
    // clients through the loopback "proxy", each request with an address of its own.
    TRUSTED_PROXIES: "127.0.0.1/32,::1/128",
    ...env,
  };
}

export async function startProductionServer(databaseUrl: string, port: number, options: ProductionServerOptions = {}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const secrets = options.secrets ?? newServerSecrets();
  const serve = serveCommand(port, "127.0.0.1");
  const output = options.logFile ? openSync(options.logFile, "a") : "pipe";
  const child = spawn(serve.command, serve.args, {
    // Its own process group, so that stopping it ends any process it starts too.
    detached: true,
    stdio: ["ignore", output, output],
    env: productionServerEnv(databaseUrl, port, secrets, options.env),
  });
  if (typeof output === "number") closeSync(output);
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const readLog = () => (options.logFile ? readFileSync(options.logFile, "utf8") : log.join(""));
  // However the caller ends (an error, Ctrl-C turned into an exit), the server goes with it,
  // unless it was asked to outlive the caller.
  const endGroup = () => signalGroup(child, "SIGTERM");
  if (options.outlive) child.unref();
  else process.once("exit", endGroup);
  const stop = async () => {
    process.removeListener("exit", endGroup);
    await stopGroup(child);
  };
  const kill = async () => {
    process.removeListener("exit", endGroup);
    const exited = new Promise((resolve) => child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve));
    signalGroup(child, "SIGKILL");
    await exited;
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${readLog()}`);
  }
  return { url, pid: child.pid!, secret: secrets.sessionSecret, stop, kill, log: readLog };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not answer /api/health within 120 s");
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(child, "SIGTERM");
  });
}
