import { z } from "zod";
import { parseTrustedProxies } from "./domain/client-address";

// The environment, read and validated once. DATABASE_URL is filled in by scripts/start.ts
// (embedded server) when the person starting the app did not set one.
const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  // The app's public address (next-auth's); printed notices carry QR codes that point to it.
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

export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
  }
  return env.DATABASE_URL;
}
