import "server-only";
import { resolveCaller } from "@/lib/server/api/resolve-caller";
import { can } from "@/lib/server/authz";
import { checkHealth, type Health } from "./check-health";

export type HealthReport = { status: "ok" | "unavailable" } & Partial<Health>;

/**
 * What /api/health tells a caller. A load balancer needs only ok or not; the names of pending or
 * failed migrations and database errors describe the installation, so only a signed-in ADMIN
 * (session or API token) gets them (issue 7 point 9).
 */
export async function reportHealth(request: Request): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
  const health = await checkHealth();
  const status = health.ok ? "ok" : "unavailable";
  const httpStatus = health.ok ? 200 : 503;
  const detailed = health.database.reachable && (await mayReadDetails(request));
  return { httpStatus, report: detailed ? { status, ...health } : { status } };
}

// The details are the administrator's business alone (DESIGN.md "Who uses it": ADMIN is IT).
async function mayReadDetails(request: Request): Promise<boolean> {
  if (!request.headers.has("authorization") && !request.headers.has("cookie")) return false;
  try {
    const caller = await resolveCaller(request);
    return !!caller && can(caller, "system.health") && !caller.mustChangePassword;
  } catch {
    return false; // a database that fails mid-check: the anonymous answer
  }
}
