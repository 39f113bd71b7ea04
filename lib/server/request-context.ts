import "server-only";
import { CLIENT_ADDRESS_HEADER, normalizeAddress } from "@/lib/domain/client-address";

// Who is calling from where, for the audit log and the sign-in limits.
export type RequestContext = { ip: string; userAgent: string | null };

/**
 * The address comes only from the header the production server (scripts/serve.ts) sets from
 * the socket, after stripping any copy a client sent (docs/decisions/0009). X-Forwarded-For is
 * never read here: the client writes it. Without that server (`next dev`) the address is
 * "unknown"; served by plain `next start` the header would be the client's word, which is why
 * production runs through that server.
 */
export function requestContextFrom(headers: Headers): RequestContext {
  return {
    ip: normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER) ?? "") ?? "unknown",
    userAgent: headers.get("user-agent")?.slice(0, 500) ?? null,
  };
}
