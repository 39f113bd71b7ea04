import { NextResponse, type NextRequest } from "next/server";
import { apiNotFound, isDecodablePath } from "@/lib/server/api/api-not-found";
import { renewSessionToken, sessionCookieName, sessionCookieOptions } from "@/lib/server/auth/session";

// Runs before every request. It sets the security headers, renews the session cookie so that it
// expires only after 12 hours without a request, and sends anonymous visitors of staff pages to
// sign in. It is a convenience, never the security boundary: every page, action and route
// handler authorizes on its own (lib/server/authz/).

const PUBLIC_PAGES = [/^\/$/, /^\/sign-in$/, /^\/verify(\/.*)?$/, /^\/honour(\/.*)?$/, /^\/notices\/[^/]+$/, /^\/villages\/[^/]+\/rules$/];
// What a browser or crawler fetches without cookies: the web app manifest and its icons (a
// manifest is fetched without credentials even for a signed-in person), the tab icons, robots.txt.
// The one list of them: the matcher below leaves out only Next's build output.
const PUBLIC_FILES = /^\/(manifest\.webmanifest|robots\.txt|favicon\.ico|icon\.svg|apple-icon\.png|icons\/[\w.-]+\.png)$/;

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The same headers on every answer, the redirect to sign in included. */
function secure(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=()");
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("X-Frame-Options", "DENY");
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const sessionToken = request.cookies.get(sessionCookieName())?.value;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const https = request.nextUrl.protocol === "https:";
  const isPage = !pathname.startsWith("/api/");
  if (isPage && !sessionToken && !PUBLIC_FILES.test(pathname) && !PUBLIC_PAGES.some((p) => p.test(pathname))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", pathname);
    return secure(NextResponse.redirect(signIn), csp, https);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Next fails to decode the parameters of an /api/ path that is not valid percent-encoding and
  // answers a bare 500 before any route runs: the API's own JSON 404 answers it instead.
  const notFound = !isPage && !isDecodablePath(pathname) ? apiNotFound(request) : null;
  const response = secure(notFound ? new NextResponse(notFound.body, { status: notFound.status, headers: notFound.headers })
    : NextResponse.next({ request: { headers: requestHeaders } }), csp, https);

  if (sessionToken) {
    const renewed = await renewSessionToken(sessionToken);
    if (renewed) {
      response.cookies.set(sessionCookieName(), renewed, sessionCookieOptions());
    }
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
