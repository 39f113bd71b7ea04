import { expect, login, test } from "./fixtures";

test("every response carries the security headers, with a nonce-based CSP and no unsafe-eval", { tag: "@phone-only" }, async ({ request }) => {
  for (const path of ["/sign-in", "/api/health", "/api/v1/me"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("geolocation=()");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
  }
});

test("the session cookie is HttpOnly and SameSite=Lax", { tag: "@phone-only" }, async ({ page, context }) => {
  await login(page, "official");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("a cookie-authenticated API write from another origin is refused", { tag: "@phone-only" }, async ({ page }) => {
  await login(page, "official");
  const response = await page.request.post("/api/v1/me/password", {
    headers: { origin: "https://evil.example" },
    data: { currentPassword: "demo1234", newPassword: "abcd1234x", confirmPassword: "abcd1234x" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("FORBIDDEN");
});
