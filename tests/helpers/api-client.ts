// Calls the /api/v1 route handlers in-process, exactly as Next would: the route module is found
// from the URL the way Next finds it (folders, [param] segments), so a test also proves the
// route file exists where the OpenAPI document says it is.
import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db";
import { sessionCookieName } from "@/lib/server/auth/session";

type RouteModule = Record<string, (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
const routeModules = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");

const ORIGIN = "http://localhost:3000";

export type Caller = { username: string } | { bearer: string } | null;

export async function sessionCookieFor(username: string): Promise<string> {
  const account = await db.account.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const token = await encode({ token: { sub: account.id, signedInAt: Date.now() }, secret: process.env.NEXTAUTH_SECRET ?? "" });
  return `${sessionCookieName()}=${token}`;
}

function findRoute(pathname: string): { load: () => Promise<RouteModule>; params: Record<string, string> } {
  for (const [file, load] of Object.entries(routeModules)) {
    const pattern = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "");
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => (names.push(name), "([^/]+)")).replace(/\./g, "\\.")}$`);
    const match = regex.exec(pathname);
    if (match) return { load, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
  }
  throw new Error(`No route file serves ${pathname}`);
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
  const headers = new Headers({ origin: ORIGIN, host: url.host, "accept-language": "zh-CN", ...options.headers });
  if (options.as && "username" in options.as) headers.set("cookie", await sessionCookieFor(options.as.username));
  if (options.as && "bearer" in options.as) headers.set("authorization", `Bearer ${options.as.bearer}`);
  if (options.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const route = findRoute(url.pathname);
  const handler = (await route.load())[method];
  if (!handler) return { status: 405, body: null };
  const payload = options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new Request(url, { method, headers, body: payload });
  const response = await handler(request, { params: Promise.resolve(route.params) });
  const type = response.headers.get("content-type") ?? "";
  if (type && !type.includes("json")) return { status: response.status, body: { contentType: type, bytes: (await response.arrayBuffer()).byteLength } };
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
