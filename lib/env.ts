import { z } from "zod";
import { parseTrustedProxies } from "./domain/client-address";
import { parseExtractSigningJwk } from "./server/extracts/signing-jwk";

// The environment, read and validated once. DATABASE_URL is filled in by scripts/start.ts
// (embedded server) when the person starting the app did not set one.
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  // Streaming replicas of DATABASE_URL's server (comma-separated URLs) for the reads that may lag
  // by a moment (lib/server/read-routing, docs/DEPLOYMENT.md); unset, every read goes to the primary.
  DATABASE_REPLICA_URLS: z.string().optional().transform((value, ctx) => {
    const urls = (value ?? "").split(",").map((url) => url.trim()).filter(Boolean);
    for (const url of urls) {
      if (!z.string().url().safeParse(url).success) ctx.addIssue({ code: "custom", message: "every entry must be a database URL" });
    }
    return urls;
  }),
  // How old a replica's data may be for the reports it serves (seconds); older, they go to the primary.
  DATABASE_REPLICA_MAX_LAG_S: z.coerce.number().positive().max(3600).default(5),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  // The address people reach the app at (https://archive.example.cn). Every absolute URL is made
  // from it: next-auth's redirects (NEXTAUTH_URL is set from it, never on its own), the QR codes
  // on printed notices, secure cookies. Required in production (assertProductionEnv).
  PUBLIC_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Where evidence photos are stored; relative paths are resolved from the working directory.
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  // Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDR ranges); unset means
  // the socket peer is the client (scripts/serve.ts, docs/decisions/0009).
  TRUSTED_PROXIES: z.string().optional().superRefine((value, ctx) => {
    try {
      parseTrustedProxies(value);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),
});

export const env = EnvSchema.parse(process.env);

if (env.NEXTAUTH_URL && env.PUBLIC_URL && new URL(env.NEXTAUTH_URL).origin !== new URL(env.PUBLIC_URL).origin) {
  throw new Error("NEXTAUTH_URL differs from PUBLIC_URL. Set PUBLIC_URL only; NEXTAUTH_URL is derived from it.");
}
// next-auth reads NEXTAUTH_URL itself, per request; without it, it answers with localhost.
if (env.PUBLIC_URL) process.env.NEXTAUTH_URL = publicUrl();

/** The configured public address as an origin (no trailing slash), or undefined outside production. */
export function publicUrl(): string | undefined {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : undefined;
}

/** Run when a production server starts (scripts/serve.ts, instrumentation.ts): the settings it cannot run without. */
export function assertProductionEnv(): void {
  const signingKey = process.env.EXTRACT_SIGNING_KEY;
  const missing = [!env.PUBLIC_URL && "PUBLIC_URL (the address people reach the app at, e.g. https://archive.example.cn)",
    !env.NEXTAUTH_SECRET && "NEXTAUTH_SECRET",
    !signingKey && "EXTRACT_SIGNING_KEY (the township's Ed25519 private JWK that signs archive extracts; `npm start` generates one)",
  ].filter(Boolean);
  if (missing.length) throw new Error(`Missing required settings in production: ${missing.join("; ")}. See README, Environment.`);
  // Checked now, not at the first extract issued: a broken key must stop the server (it throws
  // a message saying what is wrong with it).
  parseExtractSigningJwk(signingKey!);
}

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
  }
  return env.DATABASE_URL;
}
