import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";

// A client of the running app as a real one talks to it: signs in through next-auth's
// credentials flow (CSRF token, then the callback), keeps the session cookie, and calls /api/v1
// with it (writes name the app's own Origin, as its pages do) or with a personal API token.

export type ApiAnswer = { status: number; body: any; headers: Headers };

export class AppClient {
  constructor(readonly baseUrl: string, private readonly auth: Record<string, string>) {}

  /** The same credentials at another address (one instance of a cluster rather than its load balancer). */
  at(baseUrl: string): AppClient {
    return new AppClient(baseUrl, this.auth);
  }

  async call(method: string, path: string, options: { body?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...this.auth, origin: this.baseUrl, "accept-language": "zh-CN", ...options.headers };
    let body: BodyInit | undefined;
    if (options.form) body = options.form;
    else if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text, which the callers treat as a failure of the error format
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
}

/**
 * The session's Set-Cookie line (with its attributes) of `username`, signed in with a password
 * through the sign-in form: next-auth's CSRF token, then the credentials callback.
 */
export async function signInSetCookie(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf.headers), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  return session;
}

/** The session cookie of `username`, as a Cookie header sends it. */
export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  return (await signInSetCookie(baseUrl, username, password)).split(";")[0]!;
}

export async function sessionClient(baseUrl: string, username: string): Promise<AppClient> {
  return new AppClient(baseUrl, { cookie: await signIn(baseUrl, username) });
}

/** A personal API token made through the API under a session cookie (staff only; households have none). */
export async function createApiToken(baseUrl: string, cookie: string, name = "reliability"): Promise<string> {
  const made = await new AppClient(baseUrl, { cookie }).call("POST", "/api/v1/tokens", { body: { name } });
  if (made.status !== 201 || typeof made.body?.token !== "string") throw new Error(`token: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body.token;
}

/** A client with a personal API token. */
export async function tokenClient(baseUrl: string, username: string): Promise<AppClient> {
  const token = await createApiToken(baseUrl, await signIn(baseUrl, username), `reliability ${username}`);
  return new AppClient(baseUrl, { authorization: `Bearer ${token}` });
}

function cookiesOf(headers: Headers): string {
  return headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
