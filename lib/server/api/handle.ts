import "server-only";
import type { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { localeOfRequest } from "@/lib/i18n/translator";
import { resolveActor, type AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { sessionCookieName } from "@/lib/server/auth/session";
import { authorize } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { requestContextFrom, type RequestContext } from "@/lib/server/request-context";
import { errorResponse } from "./error-response";

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export type HandlerArgs<O extends Operation> = {
  actor: O["permission"] extends null ? AuthenticatedActor | null : AuthenticatedActor;
  params: Infer<O["params"]>;
  query: Infer<O["query"]>;
  body: Infer<O["body"]>;
  context: RequestContext;
  request: Request;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * A route handler for one operation, in the same five steps everywhere: authenticate, check
 * the permission (and, for cookie-authenticated writes, that the request comes from our own
 * pages), parse with the operation's zod schemas, call the use case, answer JSON.
 */
export function handle<O extends Operation>(
  operation: O,
  run: (args: HandlerArgs<O>) => Promise<z.infer<O["response"]> | Response | undefined>,
) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    try {
      const actor = await resolveActor(request.headers.get("authorization"), readCookie(request, sessionCookieName()));
      if (operation.permission !== null) {
        if (!actor) throw new AppError("UNAUTHENTICATED", "errors.unauthenticated");
        if (actor.mustChangePassword && operation.id !== "changeMyPassword") {
          throw new AppError("FORBIDDEN", "errors.passwordChangeRequired");
        }
        authorize(actor, operation.permission);
      }
      if (operation.method !== "GET" && actor?.via === "session") assertSameOrigin(request);
      const args = {
        actor,
        params: operation.params?.parse(await route.params),
        query: operation.query?.parse(Object.fromEntries(new URL(request.url).searchParams)),
        body: operation.body?.parse(operation.multipart ? await readForm(request) : await readJson(request)),
        context: requestContextFrom(request.headers),
        request,
      } as HandlerArgs<O>;
      const result = await run(args);
      if (result instanceof Response) return result;
      if (operation.status === 204) return new Response(null, { status: 204 });
      return Response.json(result, { status: operation.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error, localeOfRequest(request.headers));
    }
  };
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of request.headers.get("cookie")?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "errors.invalidJson");
  }
}

async function readForm(request: Request): Promise<Record<string, FormDataEntryValue>> {
  try {
    return Object.fromEntries(await request.formData());
  } catch {
    throw new AppError("INVALID_INPUT", "errors.invalidForm");
  }
}

// A cookie travels with any request the browser makes, including one a foreign page triggers;
// a write authenticated by cookie must therefore name our own origin. Tokens are not sent
// automatically, so token-authenticated writes need no such check.
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  const sameOrigin = origin ? safeHost(origin) === host : request.headers.get("sec-fetch-site") === "same-origin";
  if (!sameOrigin) throw new AppError("FORBIDDEN", "errors.crossOrigin");
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
