import "server-only";

// Who is calling from where, for the audit log and the sign-in throttle.
export type RequestContext = { ip: string; userAgent: string | null };

export function requestContextFrom(headers: Headers): RequestContext {
  // Behind the load balancer the client is the first X-Forwarded-For hop.
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || headers.get("x-real-ip") || "unknown",
    userAgent: headers.get("user-agent")?.slice(0, 500) ?? null,
  };
}
