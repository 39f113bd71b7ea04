import "server-only";
import { decode, encode } from "next-auth/jwt";

// The session is next-auth's encrypted JWT holding only the account id. Role and scope are
// never read from it: they are re-read from the database on every request (resolve-actor.ts).
export const SESSION_MAX_AGE_S = 12 * 60 * 60; // expires after 12 hours without a request

export function sessionCookieName(): string {
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

const secret = () => process.env.NEXTAUTH_SECRET ?? "";

export type SessionClaims = { accountId: string; signedInAt: Date };

export async function readSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token || !secret()) return null;
  try {
    const payload = await decode({ token, secret: secret() });
    if (typeof payload?.sub !== "string") return null;
    // signedInAt survives renewals (unlike iat), so a password reset can end older sessions.
    const signedInAt = typeof payload.signedInAt === "number" ? payload.signedInAt : 0;
    return { accountId: payload.sub, signedInAt: new Date(signedInAt) };
  } catch {
    return null;
  }
}

const RENEW_AFTER_S = 60;

/**
 * A fresh token with the same claims, for the proxy's sliding expiry; null when the token is
 * invalid or was issued less than a minute ago (fewer Set-Cookie headers racing a sign-out).
 */
export async function renewSessionToken(token: string): Promise<string | null> {
  const payload = await decode({ token, secret: secret() }).catch(() => null);
  if (!payload?.sub) return null;
  const exp = typeof payload.exp === "number" ? payload.exp : 0;
  if (exp - Date.now() / 1000 > SESSION_MAX_AGE_S - RENEW_AFTER_S) return null;
  const { sub, signedInAt } = payload;
  return encode({ token: { sub, signedInAt }, secret: secret(), maxAge: SESSION_MAX_AGE_S });
}
