import { parseArgs } from "node:util";
import { printDemoSignIns } from "../print-demo-sign-ins";
import { startCluster } from "./cluster";
import { CLUSTER_DIR, DEFAULT_PORTS, clusterLayout, type ClusterPorts } from "./layout";
import { PROCESS_MARKERS, isClusterProcess, readState, writeState } from "./state";

// `npm run cluster:up [-- --lb-port 3100 --instance-ports 3101,3102 --primary-port 5440
//   --replica-port 5441 --households 13600 --restore-from postgresql://…]`
// The loopback cluster (scripts/cluster/cluster.ts) with its state in .data/cluster, left running
// when this command ends; `npm run cluster:down` stops it. A second cluster:up reuses the data
// and, unless told otherwise, the ports of the first.

const { values } = parseArgs({
  options: {
    "lb-port": { type: "string" }, "instance-ports": { type: "string" }, "primary-port": { type: "string" },
    "replica-port": { type: "string" }, households: { type: "string" }, "restore-from": { type: "string" },
  },
});

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`Invalid port: ${value}`);
  return n;
}

async function main(): Promise<void> {
  const layout = clusterLayout(CLUSTER_DIR);
  const previous = readState(layout);
  const running = previous?.pids && [
    isClusterProcess(previous.pids.haproxy, PROCESS_MARKERS.haproxy),
    ...previous.pids.instances.map((pid) => isClusterProcess(pid, PROCESS_MARKERS.instance)),
  ].some(Boolean);
  if (running) throw new Error(`The cluster is running at ${previous.url}; stop it first: npm run cluster:down`);
  const saved = previous?.ports ?? DEFAULT_PORTS;
  const ports: ClusterPorts = {
    lb: values["lb-port"] ? port(values["lb-port"]) : saved.lb,
    instances: values["instance-ports"] ? values["instance-ports"].split(",").map(port) : saved.instances,
    primary: values["primary-port"] ? port(values["primary-port"]) : saved.primary,
    replica: values["replica-port"] ? port(values["replica-port"]) : saved.replica,
  };
  const households = values.households ? Number(values.households) : undefined;
  const cluster = await startCluster({
    dir: CLUSTER_DIR, ports, outlive: true, say: (line) => console.log(line),
    ...(values["restore-from"] ? { restoreFrom: values["restore-from"] } : { seed: { households } }),
  });
  writeState(layout, {
    url: cluster.url, ports,
    pids: { haproxy: cluster.haproxy.pid, instances: cluster.instances.map((i) => i.pid) },
    startedAt: new Date().toISOString(),
  });
  console.log(`\n  家庭文明档案 cluster on ${cluster.url}: haproxy → ${cluster.instances.map((i) => `${i.name} :${i.port}`).join(", ")}` +
    ` → PostgreSQL primary :${ports.primary}, streaming replica :${ports.replica}`);
  console.log(`  State, logs and haproxy.cfg in ${CLUSTER_DIR}; stop it with npm run cluster:down`);
  printDemoSignIns();
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
