import { spawnSync } from "node:child_process";
import { ensureProductionBuild } from "./production-server";

// `npm run test:cluster [-- --reduced] [-- <vitest filters and options>]`: the fault test of the
// loopback cluster (docs/DEPLOYMENT.md) against the production build (built first when the
// sources changed). --reduced is CI's shorter run (.ci/run): the same checks with less load.
const args = process.argv.slice(2);
const reduced = args.includes("--reduced");

ensureProductionBuild();
const result = spawnSync("node_modules/.bin/vitest", ["run", "--project", "cluster", ...args.filter((a) => a !== "--reduced")], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", RELIABILITY_SCALE: reduced ? "reduced" : "full" },
});
process.exit(result.status ?? 1);
