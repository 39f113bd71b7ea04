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

/** A fresh token with the same payload: the proxy re-issues it on each request (sliding expiry). */
export async function renewSessionToken(token: string): Promise<string | null> {
  const payload = await decode({ token, secret: secret() }).catch(() => null);
  if (!payload?.sub) return null;
  const { sub, signedInAt } = payload;
  return encode({ token: { sub, signedInAt }, secret: secret(), maxAge: SESSION_MAX_AGE_S });
}
