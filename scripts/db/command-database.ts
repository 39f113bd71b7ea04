import { EMBEDDED_DATA_DIR, embeddedPort, embeddedUrl, isPortOpen, startEmbeddedDatabase } from "../embedded-db";

// The database of a command that also works without DATABASE_URL (db:backup, db:restore): the
// server it names, or else `npm start`'s embedded database. That one is reached on its port when
// the app is running, and otherwise started for the command and stopped after: its data directory
// must never be opened by two processes (docs/decisions/0002).

export type CommandDatabase = {
  url: string;
  /** Which database this is, for the command's output (no password). */
  description: string;
  /** Stops the embedded server when the command started it. */
  release: () => Promise<void>;
};

export async function openCommandDatabase(): Promise<CommandDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, description: withoutPassword(configured), release: async () => {} };
  const port = embeddedPort();
  if (await isPortOpen(port)) {
    return { url: embeddedUrl(port), description: `the running embedded database (port ${port})`, release: async () => {} };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR, port });
  return { url: embedded.url, description: `the embedded database (${EMBEDDED_DATA_DIR}, started for this command)`, release: embedded.stop };
}

function withoutPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "DATABASE_URL";
  }
}
