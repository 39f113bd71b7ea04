import { defineConfig, devices } from "@playwright/test";
import { generateKeyPairSync } from "node:crypto";
import { serveCommand } from "./scripts/serve-command";

// Run through `npm test` (scripts/test.ts), which prepares a migrated, seeded database and a
// production build, and passes E2E_DATABASE_URL and CHROMIUM_PATH.
const port = Number(process.env.E2E_PORT ?? 3100);
const serve = serveCommand(port);
// The extract signing key of the test server: made for this run (never a committed private key),
// once in the runner's environment so that the server and the workers that reload this file agree.
process.env.E2E_EXTRACT_SIGNING_KEY ??= JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }));
const executablePath = process.env.CHROMIUM_PATH || undefined;
const launchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A whole flow (sign in, several pages, a print view) on a cold server of a 2-core machine
  // takes 20 s and more; the default of 30 s fails on load, not on behaviour.
  timeout: 90_000,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${port}`, locale: "zh-CN", launchOptions, trace: "retain-on-failure" },
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
    // A test tagged @phone-only runs once, on the phone, the device the product is made for: it
    // changes state for good (closing the one open review), or the screen's size plays no part in
    // it (headers, API probes, sign-in, a cut signal). Every page is still drawn and checked on a
    // desktop too by the navigation and accessibility specs.
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, grepInvert: /@phone-only/ },
  ],
  webServer: {
    // The production server (scripts/serve.ts), so the tests see the client address as deployed.
    command: [serve.command, ...serve.args].join(" "),
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      EXTRACT_SIGNING_KEY: process.env.E2E_EXTRACT_SIGNING_KEY,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
  },
});
