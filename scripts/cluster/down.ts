import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { openPostgresInstance } from "../postgres-instance";
import { CLUSTER_DIR, DEFAULT_PORTS, clusterLayout } from "./layout";
import { stopProcessGroup } from "./processes";
import { PROCESS_MARKERS, isClusterProcess, readState, writeState } from "./state";

// `npm run cluster:down [-- --destroy]`: stops what `npm run cluster:up` left running — haproxy,
// the app instances, the replica and the primary — and with --destroy removes .data/cluster
// (databases, evidence files, secrets, logs).

const { values } = parseArgs({ options: { destroy: { type: "boolean", default: false } } });

async function main(): Promise<void> {
  const layout = clusterLayout(CLUSTER_DIR);
  if (!existsSync(layout.root)) {
    console.log(`No cluster in ${CLUSTER_DIR}.`);
    return;
  }
  const state = readState(layout);
  const ports = state?.ports ?? DEFAULT_PORTS;
  const stopIfOurs = async (pid: number, marker: string, name: string) => {
    if (!isClusterProcess(pid, marker)) return;
    console.log(`• stopping ${name} (pid ${pid})`);
    await stopProcessGroup(pid);
  };
  if (state?.pids) {
    await stopIfOurs(state.pids.haproxy, PROCESS_MARKERS.haproxy, "haproxy");
    await Promise.all(state.pids.instances.map((pid, i) => stopIfOurs(pid, PROCESS_MARKERS.instance, `app${i + 1}`)));
    writeState(layout, { ...state, pids: undefined });
  }
  for (const [name, dataDir, port] of [["replica", layout.replica, ports.replica], ["primary", layout.primary, ports.primary]] as const) {
    if (!existsSync(dataDir)) continue;
    const server = openPostgresInstance(dataDir, port);
    if (!server.isRunning()) continue;
    console.log(`• stopping the ${name} (pg_ctl stop, ${dataDir})`);
    server.stop("fast");
  }
  if (values.destroy) {
    rmSync(layout.root, { recursive: true, force: true });
    console.log(`• removed ${CLUSTER_DIR}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
