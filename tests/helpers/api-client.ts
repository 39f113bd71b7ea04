// Calls the /api/v1 route handlers in-process, exactly as Next would: the route module is found
// from the URL the way Next finds it (folders, [param] segments), so a test also proves the
// route file exists where the OpenAPI document says it is.
import { encode } from "next-auth/jwt";
import { createApiClient, type ApiClient } from "@/lib/api/client";
import { db } from "@/lib/server/db";
import { sessionCookieName } from "@/lib/server/auth/session";

type RouteModule = Record<string, (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
const routeModules = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");

export const ORIGIN = "http://localhost:3000";

export type Caller = { username: string } | { bearer: string } | null;

export async function sessionCookieFor(username: string): Promise<string> {
  const account = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const token = await encode({ token: { sub: account.id, signedInAt: Date.now() }, secret: process.env.NEXTAUTH_SECRET ?? "" });
  return `${sessionCookieName()}=${token}`;
}

function findRoute(pathname: string): { load: () => Promise<RouteModule>; params: Record<string, string> } {
  for (const [file, load] of Object.entries(routeModules)) {
    if (file.includes("[...")) continue; // the catch-all 404 of unknown paths: tests call operations
    const pattern = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "");
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => (names.push(name), "([^/]+)")).replace(/\./g, "\\.")}$`);
    const match = regex.exec(pathname);
    if (match) return { load, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
  }
  throw new Error(`No route file serves ${pathname}`);
}

/** A `fetch` that answers from the route handlers in-process: what the typed client and file tests use. */
export async function fetchInProcess(request: Request): Promise<Response> {
  const route = findRoute(new URL(request.url).pathname);
  const handler = (await route.load())[request.method];
  if (!handler) return new Response(null, { status: 405, headers: { "x-in-process": "no-handler" } });
  return handler(request, { params: Promise.resolve(route.params) });
}

/** The headers a caller's request carries: its session cookie or API token, our origin, Chinese. */
export async function callerHeaders(as: Caller | undefined, extra: Record<string, string> = {}): Promise<Headers> {
  const headers = new Headers({ origin: ORIGIN, host: new URL(ORIGIN).host, "accept-language": "zh-CN", ...extra });
  if (as && "username" in as) headers.set("cookie", await sessionCookieFor(as.username));
  if (as && "bearer" in as) headers.set("authorization", `Bearer ${as.bearer}`);
  return headers;
}

/**
 * Calls a route handler in-process. `body` is sent as JSON, `form` as multipart. A JSON answer
 * comes back parsed; any other answer (a photo, a spreadsheet) as its content type and size.
 */
export async function callApi(
  method: string,
  path: string,
  options: { as?: Caller; body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const url = new URL(path, ORIGIN);
  const headers = await callerHeaders(options.as, options.headers);
  if (options.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const payload = options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetchInProcess(new Request(url, { method, headers, body: payload }));
  if (response.status === 405 && response.headers.get("x-in-process") === "no-handler") return { status: 405, body: null };
  const type = response.headers.get("content-type") ?? "";
  if (type && !type.includes("json")) return { status: response.status, body: { contentType: type, bytes: (await response.arrayBuffer()).byteLength } };
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * The typed client of lib/api/client.ts as `as`, answered by the route handlers in-process:
 * `await api(clerk).POST("/api/v1/entries", { body })`. A call that does not match the OpenAPI
 * document (a path, a parameter, a body field, a field of the answer) fails `tsc --noEmit`.
 */
export function api(as: Caller, options: { headers?: Record<string, string> } = {}): ApiClient {
  return createApiClient(ORIGIN, async (request) => {
    const headers = await callerHeaders(as, options.headers);
    request.headers.forEach((value, key) => headers.set(key, value));
    // A Request's body can be read once: pass it on as bytes with the caller's headers.
    const bytes = request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
    return fetchInProcess(new Request(request.url, { method: request.method, headers, body: bytes?.byteLength ? bytes : null }));
  });
}
