import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ClusterLayout, ClusterPorts } from "./layout";
import { commandLineOf, isAlive } from "./processes";

// state.json: what `npm run cluster:up` left running, for `npm run cluster:down`, and the ports
// the cluster was made with, which the next cluster:up reuses (the replica names its primary's port).

export type ClusterState = {
  url: string;
  ports: ClusterPorts;
  /** The processes left running (each the leader of its own process group); none after cluster:down. */
  pids?: { haproxy: number; instances: number[] };
  startedAt?: string;
};

/** What a pid's command line contains when it is still the process cluster:up started (pids are reused). */
export const PROCESS_MARKERS = { haproxy: "haproxy", instance: "scripts/serve.ts" } as const;

export function readState(layout: ClusterLayout): ClusterState | null {
  return existsSync(layout.state) ? (JSON.parse(readFileSync(layout.state, "utf8")) as ClusterState) : null;
}

export function writeState(layout: ClusterLayout, state: ClusterState): void {
  writeFileSync(layout.state, `${JSON.stringify(state, null, 2)}\n`);
}

export function isClusterProcess(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false;
  const commandLine = commandLineOf(pid);
  return commandLine === null || commandLine.includes(marker);
}
