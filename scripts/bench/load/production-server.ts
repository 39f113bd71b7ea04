import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { isBuildCurrent, recordBuild } from "../../build-fingerprint";
import { serveCommand } from "../../serve-command";

// The app as deployed: the production build (built first when the sources changed, as `npm start`
// and `npm test` do) served by scripts/serve.ts, with a session secret and an extract signing
// key made for this run only.

export type RunningServer = { url: string; pid: number; secret: string; stop: () => Promise<void> };

export function ensureProductionBuild(): void {
  if (isBuildCurrent()) return;
  console.log("building (next build): the sources changed since the last build");
  const result = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build exited with ${result.status ?? result.signal}`);
  recordBuild();
}

export async function startProductionServer(databaseUrl: string, port: number): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const serve = serveCommand(port, "127.0.0.1");
  const child = spawn(serve.command, serve.args, {
    // Its own process group, so that stopping it ends any process it starts too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret, PUBLIC_URL: url,
      EXTRACT_SIGNING_KEY: JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" })),
      // The public extract check is limited per client address; the benchmark speaks for many
      // clients through the loopback "proxy", each request with an address of its own.
      TRUSTED_PROXIES: "127.0.0.1/32,::1/128",
    },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(chunk.toString());
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  // However the benchmark ends (an error, Ctrl-C: bench.ts turns signals into an exit), the server goes with it.
  const endGroup = () => {
    try {
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.once("exit", endGroup);
  const stop = async () => {
    process.removeListener("exit", endGroup);
    await stopGroup(child);
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${log.join("")}`);
  }
  return { url, pid: child.pid!, secret, stop };
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

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    process.kill(-child.pid!, "SIGTERM");
  });
}
