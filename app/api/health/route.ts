import { checkHealth } from "@/lib/server/health/check-health";

export const dynamic = "force-dynamic";

// For load balancers and operators: 200 only when the database answers and every migration is applied.
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
