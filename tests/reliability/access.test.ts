import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newServerSecrets, startProductionServer, type RunningServer } from "../../scripts/production-server";
import { freePort } from "../helpers/fresh-database";
import { settled } from "./hostile/nothing-written";
import { signIn, signInSetCookie } from "./http-client";
import { startStack, type Stack } from "./stack";

// Issue 12, point 4, on the production build over HTTP: a signed-in person's browser cannot be
// made to write from another site (a form post with their valid cookie), and real responses
// carry the security headers and cookie flags. The authorization table of every operation with
// targets inside and outside each caller's scope is tests/integration/api-authorization.test.ts.

const EVIL = "https://evil.example";
let stack: Stack;
let db: pg.Pool;
let clerkCookie: string;

const written = async () => (await db.query<{ entries: number; audit: number; photos: number }>(
  `SELECT (SELECT count(*) FROM "Entry")::int AS entries, (SELECT count(*) FROM "AuditLog")::int AS audit,
          (SELECT count(*) FROM "EvidencePhoto")::int AS photos`)).rows[0];

beforeAll(async () => {
  stack = await startStack("server");
  db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
  clerkCookie = await signIn(stack.baseUrl, "clerk-xinhua");
  await settled(db, stack); // the app's first periodic jobs write; the counts below must hold still
});
afterAll(async () => {
  await db?.end();
  await stack?.close();
});

describe("a write from another site with the person's valid cookie", () => {
  const household = async () => (await db.query<{ id: string }>(`SELECT id FROM "Household" WHERE "archiveNo" = 'JS-XH-00005'`)).rows[0]!.id;
  const rule = async () => (await db.query<{ id: string }>(
    `SELECT r.id FROM "Rule" r JOIN "RuleSet" s ON s.id = r."ruleSetId" JOIN "Village" v ON v.id = s."villageId"
      WHERE v.code = 'XH' AND s.status = 'ADOPTED' AND r.category = 'RED' LIMIT 1`)).rows[0]!.id;

  // What a foreign page can make a browser send without asking: a plain form (urlencoded,
  // multipart or text/plain), with the foreign Origin or, from older browsers, only Sec-Fetch-Site.
  const forms = async (): Promise<[string, () => { body: BodyInit; headers: Record<string, string> }][]> => {
    const fields = { householdId: await household(), ruleId: await rule(), occurredOn: "2026-11-20", description: "跨站伪造" };
    return [
      ["an urlencoded form", () => ({ body: new URLSearchParams(fields), headers: { origin: EVIL, "content-type": "application/x-www-form-urlencoded" } })],
      ["a text/plain form carrying JSON", () => ({ body: JSON.stringify(fields), headers: { origin: EVIL, "content-type": "text/plain" } })],
      ["a JSON body with no Origin but Sec-Fetch-Site: cross-site", () => ({ body: JSON.stringify(fields), headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" } })],
      ["a JSON body from an Origin that only resembles ours", () => ({ body: JSON.stringify(fields), headers: { origin: stack.baseUrl.replace("127.0.0.1", "127.0.0.1.evil.example"), "content-type": "application/json" } })],
    ];
  };

  it("is refused with 403 and writes nothing, for every form a foreign page can send", async () => {
    const before = await written();
    for (const [label, make] of await forms()) {
      const { body, headers } = make();
      const response = await fetch(`${stack.baseUrl}/api/v1/entries`, { method: "POST", body, headers: { cookie: clerkCookie, ...headers } });
      expect(response.status, label).toBe(403);
      expect((await response.json()).error.code, label).toBe("FORBIDDEN");
    }
    const upload = new FormData();
    upload.append("file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "x.png", { type: "image/png" }));
    const uploaded = await fetch(`${stack.baseUrl}/api/v1/evidence`, { method: "POST", body: upload, headers: { cookie: clerkCookie, origin: EVIL } });
    expect(uploaded.status, "a multipart upload").toBe(403);
    expect(await written()).toEqual(before);
  });

  it("is accepted from the app's own origin, so the refusals above are about the origin", async () => {
    const before = await written();
    const [, make] = (await forms())[2]!;
    const { body } = make();
    const response = await fetch(`${stack.baseUrl}/api/v1/entries`, {
      method: "POST", body, headers: { cookie: clerkCookie, origin: stack.baseUrl, "content-type": "application/json" },
    });
    expect(response.status).toBe(201);
    expect((await written())!.entries).toBe(before!.entries + 1);
  });

  it("cannot sign someone in from another site: the sign-in form needs its CSRF token", async () => {
    const response = await fetch(`${stack.baseUrl}/api/auth/callback/credentials`, {
      method: "POST", redirect: "manual", headers: { origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "clerk-xinhua", password: "demo1234" }),
    });
    expect(response.headers.getSetCookie().some((c) => c.includes("session-token="))).toBe(false);
  });
});

describe("real responses", () => {
  it("carry the security headers on pages, JSON, errors and files", async () => {
    const photo = await uploadPhoto();
    const probes: [string, Record<string, string>][] = [
      ["/sign-in", {}], ["/api/v1/me", { cookie: clerkCookie }], ["/api/v1/me", {}], [`/api/v1/evidence/${photo}`, { cookie: clerkCookie }],
      ["/api/v1/households?q=%00", { cookie: clerkCookie }], ["/no-such-page", {}],
    ];
    for (const [path, headers] of probes) {
      const response = await fetch(`${stack.baseUrl}${path}`, { headers, redirect: "manual" });
      const label = `${path} (${response.status})`;
      expect(response.headers.get("content-security-policy") ?? "", label).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(response.headers.get("content-security-policy"), label).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), label).toBe("DENY");
      expect(response.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("x-powered-by"), label).toBeNull();
    }
    const file = await fetch(`${stack.baseUrl}/api/v1/evidence/${photo}`, { headers: { cookie: clerkCookie } });
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(file.headers.get("cache-control")).toMatch(/private|no-store/);
  });

  it("set the session cookie HttpOnly, SameSite=Lax and, behind https, Secure with the __Secure- prefix", async () => {
    const plain = await signInSetCookie(stack.baseUrl, "official");
    expect(plain).toMatch(/^next-auth\.session-token=[^;]+;.*HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).toMatch(/Path=\//i);

    let https: RunningServer | undefined;
    try {
      https = await startProductionServer(stack.databaseUrl, await freePort(), {
        secrets: newServerSecrets(), env: { PUBLIC_URL: "https://archive.example.cn", UPLOAD_DIR: stack.uploadDir },
      });
      const secure = await signInSetCookie(https.url, "official");
      expect(secure).toMatch(/^__Secure-next-auth\.session-token=[^;]+;/);
      expect(secure).toMatch(/;\s*Secure/i);
      expect(secure).toMatch(/HttpOnly/i);
      const page = await fetch(`${https.url}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
      expect(page.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    } finally {
      await https?.stop();
    }
  });
});

async function uploadPhoto(): Promise<string> {
  const { default: sharp } = await import("sharp");
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 20, b: 20 } } }).png().toBuffer();
  const form = new FormData();
  form.append("file", new File([new Uint8Array(png)], "photo.png", { type: "image/png" }));
  const response = await fetch(`${stack.baseUrl}/api/v1/evidence`, { method: "POST", body: form, headers: { cookie: clerkCookie, origin: stack.baseUrl } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
