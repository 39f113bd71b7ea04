import "server-only";
import { resolveActor, type AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { sessionCookieName } from "@/lib/server/auth/session";

/** The caller of a route handler: a `Bearer` API token, else the session cookie, else null. */
export function resolveCaller(request: Request): Promise<AuthenticatedActor | null> {
  return resolveActor(request.headers.get("authorization"), readCookie(request, sessionCookieName()));
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of request.headers.get("cookie")?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
