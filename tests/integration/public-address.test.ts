import { vi } from "vitest";

// The app under another host name: PUBLIC_URL is the one setting for the public address, and
// next-auth's redirects must use it, not localhost (README, Environment).
const request = vi.hoisted(() => {
  process.env.PUBLIC_URL = "https://archive.example.cn";
  delete process.env.NEXTAUTH_URL;
  return { headers: new Headers() };
});

import "../helpers/app-database";
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import { publicOrigin } from "@/lib/server/public-origin";
import { sessionCookieName } from "@/lib/server/auth/session";

const HOST = "archive.example.cn";

// Outside a Next server there is no request scope: the next/headers that next-auth requires
// (CommonJS, so vi.mock cannot reach it) answers from the request in hand.
const requireFromNextAuth = createRequire(createRequire(import.meta.url).resolve("next-auth/next"));
const nextHeaders = requireFromNextAuth.resolve("next/headers");
requireFromNextAuth.cache[nextHeaders] = {
  id: nextHeaders, filename: nextHeaders, loaded: true,
  exports: {
    headers: async () => request.headers,
    cookies: async () => ({
      getAll: () => (request.headers.get("cookie") ?? "").split("; ").filter(Boolean)
        .map((c) => ({ name: c.slice(0, c.indexOf("=")), value: decodeURIComponent(c.slice(c.indexOf("=") + 1)) })),
    }),
  },
} as unknown as NodeJS.Module;
type Handler = (request: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
const route = nextAuthRoute as unknown as { GET: Handler; POST: Handler };
const call = (handler: Handler, url: string, nextauth: string[], init: { method?: string; body?: string; headers: Headers }) => {
  request.headers = init.headers;
  return handler(new NextRequest(url, init), { params: Promise.resolve({ nextauth }) });
};
const headers = (extra: Record<string, string> = {}) => new Headers({
  host: HOST, "x-forwarded-host": HOST, "x-forwarded-proto": "https", "x-fca-client-ip": "203.0.113.45", ...extra,
});
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

async function signInWith(password: string, username = "clerk-xinhua") {
  const csrf = await call(route.GET, `https://${HOST}/api/auth/csrf`, ["csrf"], { headers: headers() });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, username, password, callbackUrl: `https://${HOST}/`, json: "true" });
  return call(route.POST, `https://${HOST}/api/auth/callback/credentials`, ["callback", "credentials"], {
    method: "POST",
    headers: headers({ "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) }),
    body: form.toString(),
  });
}

describe("the public address (PUBLIC_URL)", () => {
  it("sends a failed credentials sign-in back to the public host, not to localhost", async () => {
    const response = await signInWith("wrong-password-123");
    const url = new URL(((await response.json()) as { url: string }).url);
    expect(url.host).toBe(HOST);
    expect(url.protocol).toBe("https:");
    expect(url.searchParams.get("error")).toContain("INVALID");
  });

  it("feeds next-auth's NEXTAUTH_URL, the notice QR codes and the secure session cookie", () => {
    expect(process.env.NEXTAUTH_URL).toBe(`https://${HOST}`);
    expect(publicOrigin(new Headers({ host: "localhost:3000" }))).toBe(`https://${HOST}`);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
  });
});

describe("a sign-in refused by the limits", () => {
  it("says when to try again: Retry-After and the RateLimit headers, as every throttled API answer", async () => {
    for (let i = 0; i < 4; i++) {
      const refused = await signInWith("wrong-password-123", "clerk-yangping");
      expect(refused.headers.get("retry-after")).toBeNull();
    }
    // The fifth failure locks the account for this address.
    const locked = await signInWith("wrong-password-123", "clerk-yangping");
    expect(new URL(((await locked.clone().json()) as { url: string }).url).searchParams.get("error")).toContain("LOCKED");
    const seconds = Number(locked.headers.get("retry-after"));
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers.get("ratelimit-limit")).toBe("5");
    expect(locked.headers.get("ratelimit-remaining")).toBe("0");
    expect(locked.headers.get("ratelimit-reset")).toBe(String(seconds));
  });
});
