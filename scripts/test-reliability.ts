import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { ensureProductionBuild } from "./production-server";

// `npm run test:reliability [-- --reduced] [-- <file filter>]`: the reliability tests of
// docs/RELIABILITY.md against the production build (built first when the sources changed).
// --reduced is CI's shorter run (.ci/run): the same checks with less load and fewer payloads.
const { values, positionals } = parseArgs({ options: { reduced: { type: "boolean" } }, allowPositionals: true });

ensureProductionBuild();
const result = spawnSync("node_modules/.bin/vitest", ["run", "--project", "reliability", ...positionals], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", RELIABILITY_SCALE: values.reduced ? "reduced" : "full" },
});
process.exit(result.status ?? 1);
