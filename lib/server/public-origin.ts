import "server-only";
import { env } from "@/lib/env";

/**
 * The address people reach the app at, for links that leave the screen (a QR code on paper).
 * NEXTAUTH_URL is the configured one; without it, the host the page was asked for.
 */
export function publicOrigin(headers: Headers): string {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  return `http://${headers.get("host") ?? "localhost"}`;
}
