import "server-only";
import { SIGN_IN_LIMITS } from "./sign-in-limits";

// A sign-in refused by the limits (sign-in-limits.ts) goes out through next-auth, whose answer is
// a redirect or `{ url }` with the refusal in the URL's `error` parameter (auth-options.ts). The
// throttled answer still tells a client when to try again, like every other 429 of the API:
// Retry-After and the RateLimit-* headers (docs/decisions/0009).

const LIMIT_OF = {
  LOCKED: SIGN_IN_LIMITS.accountFailures,
  IP_LIMITED: SIGN_IN_LIMITS.ipFailures,
  ACCOUNT_LIMITED: SIGN_IN_LIMITS.accountCeiling,
} as const;

type Refusal = { reason?: string; retryAt?: string };

export async function withSignInRetryHeaders(response: Response, now: Date = new Date()): Promise<Response> {
  const refusal = await refusalOf(response);
  const limit = refusal?.reason ? LIMIT_OF[refusal.reason as keyof typeof LIMIT_OF] : undefined;
  const retryAt = refusal?.retryAt ? Date.parse(refusal.retryAt) : NaN;
  if (limit === undefined || Number.isNaN(retryAt)) return response;
  const seconds = String(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)));
  const headers = new Headers(response.headers);
  headers.set("Retry-After", seconds);
  headers.set("RateLimit-Limit", String(limit));
  headers.set("RateLimit-Remaining", "0");
  headers.set("RateLimit-Reset", seconds);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function refusalOf(response: Response): Promise<Refusal | null> {
  const url = response.headers.get("location")
    ?? (response.headers.get("content-type")?.includes("json") ? ((await response.clone().json()) as { url?: string }).url : null);
  const error = url ? new URL(url, "http://x").searchParams.get("error") : null;
  if (!error) return null;
  try {
    return JSON.parse(error) as Refusal;
  } catch {
    return null;
  }
}
