import { spawnSync } from "node:child_process";
import { ensureProductionBuild } from "./production-server";

// `npm run test:reliability` and `npm run test:cluster` (`[-- --reduced] [-- <vitest filters and
// options>]`): the vitest project named first (reliability, cluster) against the production build,
// built first when the sources changed. --reduced is CI's shorter run (.ci/run): the same checks
// with less load and fewer payloads. Anything else goes to vitest (a file name filter, -t "name").
const [project, ...args] = process.argv.slice(2);
if (!project) throw new Error("Usage: tsx scripts/test-production-build.ts <vitest project> [--reduced] [vitest options]");
const reduced = args.includes("--reduced");

ensureProductionBuild();
const result = spawnSync("node_modules/.bin/vitest", ["run", "--project", project, ...args.filter((a) => a !== "--reduced")], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", RELIABILITY_SCALE: reduced ? "reduced" : "full" },
});
process.exit(result.status ?? 1);
