import "server-only";

/** A JSON answer as every /api/v1 route gives it: with its status, and never kept by a cache. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
