import "server-only";
import { decode, encode, type JWT } from "next-auth/jwt";
import { publicUrl } from "@/lib/env";

// The session is next-auth's encrypted JWT holding the account id, when it was signed in and
// whether that sign-in used a secret staff issued (a one-time access code, or a temporary
// password an official set) — never role or scope: those are re-read from the database on
// every request (resolve-actor.ts).
export const SESSION_MAX_AGE_S = 12 * 60 * 60; // expires after 12 hours without a request

export function sessionCookieName(): string {
  const secure = publicUrl()?.startsWith("https://") ?? false;
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The attributes next-auth gives its session cookie, for setting it ourselves. */
export function sessionCookieOptions() {
  return {
    httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: SESSION_MAX_AGE_S,
    secure: sessionCookieName().startsWith("__Secure-"),
  };
}

/** A Set-Cookie header value for a session token, for route handlers that answer with a Response. */
export function sessionSetCookie(token: string): string {
  const options = sessionCookieOptions();
  return [`${sessionCookieName()}=${token}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, "HttpOnly", "SameSite=Lax",
    ...(options.secure ? ["Secure"] : [])].join("; ");
}

const secret = () => process.env.NEXTAUTH_SECRET ?? "";

// signedInAt and viaAccessCode survive renewals (unlike iat): a password change ends sessions
// signed in before it, and a session begun with an access code stays marked as such.
export type SessionClaims = { accountId: string; signedInAt: Date; viaAccessCode: boolean };

function claimsOf(payload: JWT | null): SessionClaims | null {
  if (typeof payload?.sub !== "string") return null;
  const signedInAt = typeof payload.signedInAt === "number" ? payload.signedInAt : 0;
  return { accountId: payload.sub, signedInAt: new Date(signedInAt), viaAccessCode: payload.viaAccessCode === true };
}

/** The token's claims as next-auth's jwt callback stores them (auth-options.ts). */
export const sessionPayload = (claims: SessionClaims): JWT => ({
  sub: claims.accountId, signedInAt: claims.signedInAt.getTime(), viaAccessCode: claims.viaAccessCode,
});

export async function readSessionToken(token: string | undefined): Promise<SessionClaims | null> {
  if (!token || !secret()) return null;
  try {
    return claimsOf(await decode({ token, secret: secret() }));
  } catch {
    return null;
  }
}

/** A new session token, e.g. for the session that just changed its password (it keeps working). */
export function issueSessionToken(claims: SessionClaims): Promise<string> {
  return encode({ token: sessionPayload(claims), secret: secret(), maxAge: SESSION_MAX_AGE_S });
}

const RENEW_AFTER_S = 60;

/**
 * A fresh token with the same claims, for the proxy's sliding expiry; null when the token is
 * invalid or was issued less than a minute ago (fewer Set-Cookie headers racing a sign-out).
 */
export async function renewSessionToken(token: string): Promise<string | null> {
  const payload = await decode({ token, secret: secret() }).catch(() => null);
  const claims = claimsOf(payload);
  if (!claims) return null;
  const exp = typeof payload?.exp === "number" ? payload.exp : 0;
  if (exp - Date.now() / 1000 > SESSION_MAX_AGE_S - RENEW_AFTER_S) return null;
  return issueSessionToken(claims);
}
