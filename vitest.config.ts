import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: { "@": root },
  },
  // lib/server modules import "server-only"; tests run them as the server would.
  ssr: { resolve: { conditions: ["react-server"] } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file has a database of its own; on a PostgreSQL server files run side by side (the
          // embedded server of a machine without one is one process, so there they take turns).
          fileParallelism: Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL),
          globalSetup: ["tests/helpers/app-template.ts"],
        },
      },
      {
        extends: true,
        test: {
          // `npm run test:reliability` (scripts/test-production-build.ts): against the production build,
          // one file at a time, each with its own database server and app it crashes and restarts.
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          testTimeout: 20 * 60_000,
          hookTimeout: 5 * 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // `npm run test:cluster` (scripts/test-production-build.ts): the loopback cluster of scripts/cluster.
        test: { name: "cluster", include: ["tests/cluster/**/*.test.ts"], environment: "node", testTimeout: 10 * 60_000, hookTimeout: 5 * 60_000 },
      },
    ],
  },
});
