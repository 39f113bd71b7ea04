import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "../../scripts/embedded-db";
import { freePort } from "../../scripts/free-port";

// A database of its own for each test file that needs one: a new database on the server of
// TEST_DATABASE_URL (or DATABASE_URL) when set, otherwise a throwaway in-memory pglite-server.

export type FreshDatabase = { url: string; drop: () => Promise<void> };

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

/** A new database; on a server, a copy of the database `template` when one is named. */
export async function createFreshDatabase(label = "t", template?: string): Promise<FreshDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: "memory://", port: await freePort() });
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `fca_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`.toLowerCase();
  await withAdmin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdmin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Kept here too for the tests that import it with the database helpers.
export { freePort };
