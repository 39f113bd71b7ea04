import { expect, test } from "./fixtures";

// A clerk adds the app to the phone's home screen: the browser fetches the manifest and its icons
// without cookies, so they must answer anybody, as must /favicon.ico and /robots.txt.

test("the web app manifest and its icons are served to a visitor who is not signed in", { tag: "@phone-only" }, async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const response = await request.get(href!, { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "家庭文明档案", start_url: "/", display: "standalone", theme_color: "#991b1b" });
  const purposes = manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`);
  expect(purposes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const image = await request.get(icon.src, { maxRedirects: 0 });
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"], icon.src).toBe("image/png");
    // The PNG header holds the width at bytes 16–19: the file is as large as the manifest says.
    expect((await image.body()).readUInt32BE(16), icon.src).toBe(Number(icon.sizes.split("x")[0]));
  }

  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await request.get(apple!, { maxRedirects: 0 })).status()).toBe(200);
  const favicon = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
});

test("robots.txt keeps the private pages out of search engines and lets the public ones in", { tag: "@phone-only" }, async ({ request }) => {
  const response = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split("\n").map((line) => line.trim());
  expect(lines).toContain("Disallow: /");
  expect(lines).toEqual(expect.arrayContaining(["Allow: /honour", "Allow: /verify$"]));
  expect(lines.filter((line) => line.startsWith("Allow:")).join()).not.toMatch(/notices|households|entries|\/verify\//);
});
