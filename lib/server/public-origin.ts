import "server-only";
import { publicUrl } from "@/lib/env";

/**
 * The address people reach the app at, for links that leave the screen (a QR code on paper).
 * PUBLIC_URL is the configured one (required in production); without it (development, tests),
 * the host the page was asked for.
 */
export function publicOrigin(headers: Headers): string {
  return publicUrl() ?? `http://${headers.get("host") ?? "localhost"}`;
}
