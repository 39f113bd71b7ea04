import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { reportFigures2020 } from "../prisma/seed/report";
import { seedDemo } from "../prisma/seed/seed-demo";
import { isBuildCurrent, recordBuild } from "./build-fingerprint";
import { printDemoSignIns } from "./print-demo-sign-ins";
import { serveCommand } from "./serve-command";
import { applyMigrations } from "./db/migrate";
import { EMBEDDED_DATA_DIR, EMBEDDED_POOL_SIZE, embeddedPort, startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-db";

// `npm start`: one command from a fresh clone to a running app (README, Quick start).
const DATA_DIR = ".data";
const PORT = Number(process.env.PORT ?? 3000);
const EMBEDDED_PORT = embeddedPort();

function sessionSecret(): string {
  const file = path.join(DATA_DIR, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

// The township's extract signing key (Ed25519, a private JWK), made on first start like the
// session secret; its public half is published at /api/v1/public/extract-key.
async function extractSigningKey(): Promise<string> {
  const file = path.join(DATA_DIR, "extract-signing-key.jwk");
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
    const { kty, crv, x, d } = await exportJWK(privateKey);
    writeFileSync(file, JSON.stringify({ kty, crv, x, d }), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    console.log(`• No DATABASE_URL: starting the embedded database (${EMBEDDED_DATA_DIR}, port ${EMBEDDED_PORT})`);
    embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
  }
  const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? sessionSecret(),
    EXTRACT_SIGNING_KEY: process.env.EXTRACT_SIGNING_KEY ?? (await extractSigningKey()),
    // The one setting for the public address (lib/env.ts derives NEXTAUTH_URL from it).
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // One connection on the embedded server (EMBEDDED_POOL_SIZE says why).
    ...(embedded && !process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: EMBEDDED_POOL_SIZE } : {}),
  };
  const stopDatabase = async () => embedded?.stop();
  try {
    console.log("• Applying migrations");
    await applyMigrations(databaseUrl);
    console.log("• Demo data");
    await seedDemo(databaseUrl, {});
    // The demo township's 2020 figures next to the town's report, also when it was seeded before.
    const figures = await reportFigures2020(databaseUrl)
      .catch((error: unknown) => `  (no 2020 figures: ${error instanceof Error ? error.message : String(error)})`);
    if (figures) console.log(figures);
    if (!isBuildCurrent()) {
      console.log("• Building the app (first start or sources changed)");
      run(path.join("node_modules", ".bin", "next"), ["build"], env);
      recordBuild();
    }
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  // scripts/serve.ts rather than `next start`: it determines the client address from the socket
  // (docs/decisions/0009). It runs without npm start's react-server condition, which is for
  // the seed and migration scripts only.
  const serve = serveCommand(PORT);
  const server = spawn(serve.command, serve.args, {
    stdio: "inherit", env: { ...env, NODE_ENV: "production" },
    detached: true, // own process group, so stopping it stops every process it started too
  });
  printSignIns(env.PUBLIC_URL!);
  const shutdown = async (code: number) => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    await stopDatabase();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 1));
}

function printSignIns(publicUrl: string): void {
  console.log(`\n  家庭文明档案 is starting on ${publicUrl} (port ${PORT})`);
  printDemoSignIns();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
