import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { newServerSecrets, type ServerSecrets } from "../production-server";

// Everything a cluster keeps, under one directory: `.data/cluster` for `npm run cluster:up`, a
// temporary one for a test or a benchmark.

export const CLUSTER_DIR = path.join(".data", "cluster");

export type ClusterPorts = { lb: number; instances: number[]; primary: number; replica: number };
export const DEFAULT_PORTS: ClusterPorts = { lb: 3100, instances: [3101, 3102], primary: 5440, replica: 5441 };

export function clusterLayout(root: string) {
  const logs = path.join(root, "logs");
  return {
    root,
    primary: path.join(root, "primary"),
    replica: path.join(root, "replica"),
    /** The evidence files, shared by every instance (UPLOAD_DIR). */
    uploads: path.join(root, "uploads"),
    logs,
    haproxyConfig: path.join(root, "haproxy.cfg"),
    haproxyLog: path.join(logs, "haproxy.log"),
    instanceLog: (name: string) => path.join(logs, `${name}.log`),
    secrets: path.join(root, "secrets.json"),
    /** What cluster:up started (pids, ports) for cluster:down. */
    state: path.join(root, "state.json"),
  };
}

export type ClusterLayout = ReturnType<typeof clusterLayout>;

/** The session secret and extract signing key every instance shares, kept from one start to the next. */
export function clusterSecrets(layout: ClusterLayout): ServerSecrets {
  if (!existsSync(layout.secrets)) {
    mkdirSync(layout.root, { recursive: true });
    writeFileSync(layout.secrets, JSON.stringify(newServerSecrets()), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(layout.secrets, "utf8")) as ServerSecrets;
}
