import { reportHealth } from "@/lib/server/health/report-health";

export const dynamic = "force-dynamic";

// For load balancers and operators: 200 only when the database answers and every migration is
// applied. Anonymous callers learn ok or not; a signed-in admin also learns why.
export async function GET(request: Request) {
  const { httpStatus, report } = await reportHealth(request);
  return Response.json(report, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
