import type { Operation } from "@/lib/api/operation";
import { policy } from "@/lib/server/authz";
import { createApiToken, signIn } from "../http-client";

// Who sends an operation's hostile requests: someone whose role holds its permission, so that the
// request gets past authorization and reaches validation (a 403 would prove nothing about the
// input). A village clerk where one may, since the seeded targets are of the clerk's village.

export type Role = "ADMIN" | "TOWNSHIP_OFFICIAL" | "CLERK" | "REPRESENTATIVE" | "HOUSEHOLD";
export type CallerRole = Role | "ANONYMOUS";

const PREFERENCE: readonly Role[] = ["CLERK", "TOWNSHIP_OFFICIAL", "REPRESENTATIVE", "HOUSEHOLD", "ADMIN"];

/** The demo account of each role (prisma/seed/demo-accounts.ts): the Xinhua village ones. */
export const ACCOUNT_OF_ROLE: Record<Role, string> = {
  ADMIN: "admin", TOWNSHIP_OFFICIAL: "official", CLERK: "clerk-xinhua", REPRESENTATIVE: "rep-xinhua-1", HOUSEHOLD: "JS-XH-00001",
};

export function callerRoleFor(operation: Operation): CallerRole {
  if (operation.permission === null) return "ANONYMOUS"; // public: as anyone on the internet
  const roles: readonly Role[] = policy[operation.permission].roles;
  const role = PREFERENCE.find((r) => roles.includes(r));
  if (!role) throw new Error(`${operation.id}: no role holds ${operation.permission}`);
  return role;
}

/** How a caller proves itself: the session cookie, or (staff only) a personal API token. */
export type Credentials = { cookie: string; token: string | null };

export async function signInCallers(baseUrl: string, roles: Iterable<CallerRole>): Promise<Map<CallerRole, Credentials>> {
  const out = new Map<CallerRole, Credentials>();
  for (const role of new Set(roles)) {
    if (role === "ANONYMOUS") continue;
    const cookie = await signIn(baseUrl, ACCOUNT_OF_ROLE[role]);
    out.set(role, { cookie, token: role === "HOUSEHOLD" ? null : await createApiToken(baseUrl, cookie, "hostile payloads") });
  }
  return out;
}
