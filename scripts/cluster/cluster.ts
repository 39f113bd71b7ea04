import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { existingPostgresServer, type PostgresInstance, type PostgresServer } from "../postgres-instance";
import { isPortOpen } from "../embedded-db";
import { freePort } from "../free-port";
import { ensureProductionBuild, startProductionServer, type ProductionServerOptions, type ServerSecrets } from "../production-server";
import { startDatabases, type ClusterData, type ClusterDatabases } from "./databases";
import { SERVED_BY_HEADER, startHaproxy, type RunningHaproxy } from "./haproxy";
import { clusterLayout, clusterSecrets, type ClusterLayout, type ClusterPorts } from "./layout";

// The loopback cluster of issue 13: haproxy → two stateless app instances (the production build)
// → a PostgreSQL primary and its streaming replica, all on 127.0.0.1. `npm run cluster:up`
// starts it for people to use; the fault test and the benchmark start it as a library and get a
// handle to kill, restart and stop its parts. docs/DEPLOYMENT.md maps it to real machines.

export type ClusterOptions = ClusterData & {
  /** Where its state lives and is reused from (`.data/cluster`); by default a temporary directory that down() removes. */
  dir?: string;
  /** The ports to use; those not given are chosen free. */
  ports?: Partial<ClusterPorts>;
  /** The session secret and signing key to share, when the caller needs them too (the benchmark); by default kept in the directory. */
  secrets?: ServerSecrets;
  /** The number of app instances when ports.instances is not given (default 2). */
  instanceCount?: number;
  /** Keep every process running when this one ends (cluster:up); by default they end with it. */
  outlive?: boolean;
  /** false: haproxy logs only anomalies (errors, retries, 5xx), for long load runs. */
  logRequests?: boolean;
  /** Settings every instance gets on top of the cluster's (the fault test's replica lag limit). */
  instanceEnv?: Record<string, string>;
  /** Progress lines (default: none). */
  say?: (line: string) => void;
};

export type ClusterInstance = {
  /** haproxy's name for it, also in the X-Served-By response header: app1, app2, … */
  name: string;
  url: string;
  port: number;
  /** The current process (a new one after restart). */
  readonly pid: number;
  /** SIGKILL, as a crash or an out-of-memory kill would end it. */
  kill: () => Promise<void>;
  /** SIGTERM and wait for it to end. */
  stop: () => Promise<void>;
  /** Stops it when it runs and starts it again, with the same secrets and settings. */
  restart: () => Promise<void>;
  log: () => string;
};

export type Cluster = {
  /** The load balancer: the address clients use. */
  url: string;
  ports: ClusterPorts;
  dir: string;
  layout: ClusterLayout;
  instances: ClusterInstance[];
  /** The cluster's own server, or an existing one (existingPrimary). */
  primary: PostgresServer;
  replica: PostgresInstance;
  haproxy: RunningHaproxy;
  uploadDir: string;
  secrets: ServerSecrets;
  /** Stops everything (and removes a temporary directory). */
  down: () => Promise<void>;
};

/** What every app instance of the cluster is given besides the primary's URL and the secrets. */
export function instanceSettings(lbUrl: string, uploadDir: string, replicaUrls: string[]): Record<string, string> {
  return {
    PUBLIC_URL: lbUrl,
    UPLOAD_DIR: uploadDir,
    DATABASE_REPLICA_URLS: replicaUrls.join(","),
    // haproxy connects from 127.0.0.1 and appends the client's address to X-Forwarded-For.
    TRUSTED_PROXIES: "127.0.0.1/32",
  };
}

async function resolvePorts(given: Partial<ClusterPorts>, instanceCount: number, existingPrimary?: string): Promise<ClusterPorts> {
  const instances = given.instances ?? await Promise.all(Array.from({ length: instanceCount }, freePort));
  return {
    lb: given.lb ?? await freePort(), instances,
    primary: existingPrimary ? existingPostgresServer(existingPrimary).port : given.primary ?? await freePort(),
    replica: given.replica ?? await freePort(),
  };
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const say = options.say ?? (() => {});
  const isTemporary = !options.dir;
  const dir = path.resolve(options.dir ?? mkdtempSync(path.join(os.tmpdir(), "fca-cluster-")));
  // mkdtemp's 0700 would keep out the user postgres, who owns the database directories inside.
  if (isTemporary) chmodSync(dir, 0o755);
  const layout = clusterLayout(dir);
  mkdirSync(layout.logs, { recursive: true });
  mkdirSync(layout.uploads, { recursive: true });
  const ports = await resolvePorts(options.ports ?? {}, options.instanceCount ?? 2, options.existingPrimary);
  const url = `http://127.0.0.1:${ports.lb}`;
  const secrets = options.secrets ?? clusterSecrets(layout);
  const started: { databases?: ClusterDatabases; instances: ClusterInstance[]; haproxy?: RunningHaproxy } = { instances: [] };

  // pg_ctl detaches the servers: unless they are to outlive this process, they end with it.
  const stopDatabases = (mode: "fast" | "immediate") => {
    started.databases?.stop(mode);
    if (isTemporary) rmSync(dir, { recursive: true, force: true });
  };
  const stopDatabasesWithUs = () => stopDatabases("immediate");
  if (!options.outlive) process.once("exit", stopDatabasesWithUs);
  const down = async () => {
    await started.haproxy?.stop();
    await Promise.all(started.instances.map((instance) => instance.stop()));
    process.removeListener("exit", stopDatabasesWithUs);
    stopDatabases("fast");
  };

  try {
    const taken = (await Promise.all([ports.lb, ...ports.instances].map(async (port) => ((await isPortOpen(port)) ? [port] : [])))).flat();
    if (taken.length) throw new Error(`Port ${taken.join(", ")} of 127.0.0.1 is in use: choose others (ports) or stop what listens there`);
    ensureProductionBuild();
    started.databases = await startDatabases(layout, ports, options, say);
    const { primary, replica } = started.databases;
    const env = { ...instanceSettings(url, layout.uploads, [replica.url()]), ...options.instanceEnv };
    say(`• app instances on ${ports.instances.map((p) => `127.0.0.1:${p}`).join(", ")}`);
    started.instances = await startInstances(ports.instances, (name, port) => startInstance(name, port, primary.url(), {
      secrets, env, logFile: layout.instanceLog(name), outlive: options.outlive,
    }));
    say(`• haproxy on 127.0.0.1:${ports.lb} (${layout.haproxyConfig})`);
    started.haproxy = startHaproxy({ config: layout.haproxyConfig, log: layout.haproxyLog },
      { port: ports.lb, instancePorts: ports.instances, logRequests: options.logRequests }, options.outlive);
    await waitForEveryInstance(url, started.instances.map((i) => i.name), started.haproxy);
    return {
      url, ports, dir, layout, instances: started.instances, primary, replica, haproxy: started.haproxy,
      uploadDir: layout.uploads, secrets, down,
    };
  } catch (error) {
    await down();
    throw error;
  }
}

async function startInstance(name: string, port: number, databaseUrl: string, options: ProductionServerOptions): Promise<ClusterInstance> {
  // Stopping or killing an ended server does nothing, so the handle keeps the last one.
  let server = await startProductionServer(databaseUrl, port, options);
  return {
    name, port, url: server.url,
    get pid() {
      return server.pid;
    },
    kill: () => server.kill(),
    stop: () => server.stop(),
    restart: async () => {
      await server.stop();
      server = await startProductionServer(databaseUrl, port, options);
    },
    log: () => server.log(),
  };
}

/** Every instance started, or none left running. */
async function startInstances(ports: number[], start: (name: string, port: number) => Promise<ClusterInstance>): Promise<ClusterInstance[]> {
  const results = await Promise.allSettled(ports.map((port, i) => start(`app${i + 1}`, port)));
  const instances = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    await Promise.all(instances.map((instance) => instance.stop()));
    throw failed.reason;
  }
  return instances;
}

/** Until haproxy has seen every instance healthy and sent each a request (round robin). */
async function waitForEveryInstance(url: string, names: string[], haproxy: RunningHaproxy): Promise<void> {
  const seen = new Set<string>();
  const deadline = Date.now() + 30_000;
  while (seen.size < names.length) {
    if (Date.now() > deadline) {
      throw new Error(`haproxy at ${url} did not reach every instance within 30 s (answered: ${[...seen].join(", ") || "none"})\n${haproxy.log()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      const servedBy = response.headers.get(SERVED_BY_HEADER);
      if (response.ok && servedBy) seen.add(servedBy);
    } catch {
      // haproxy not listening yet
    }
    if (seen.size < names.length) await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
