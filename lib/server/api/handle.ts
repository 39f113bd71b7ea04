import "server-only";
import type { z } from "zod";
import { isCreatingOperation, type Operation } from "@/lib/api/operation";
import { localeOfRequest } from "@/lib/i18n/translator";
import type { AuthenticatedActor } from "@/lib/server/auth/resolve-actor";
import { authorize } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { rememberWrite } from "@/lib/server/read-routing/remember-write";
import { requestContextFrom, type RequestContext } from "@/lib/server/request-context";
import { errorResponse } from "./error-response";
import { idempotencyKeyOf, requestHash, withIdempotency } from "./idempotency";
import { jsonResponse } from "./json-response";
import { resolveCaller } from "./resolve-caller";

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
 * pages), parse with the operation's zod schemas, call the use case, answer JSON (after a write, noting it for
 * read-your-writes: lib/server/read-routing/remember-write.ts). A creating
 * operation called with an Idempotency-Key header answers a retry with the first answer (idempotency.ts).
 */
export function handle<O extends Operation>(
  operation: O,
  run: (args: HandlerArgs<O>) => Promise<z.infer<O["response"]> | Response | undefined>,
) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    try {
      const actor = await resolveCaller(request);
      if (operation.permission !== null) {
        if (!actor) throw new AppError("UNAUTHENTICATED", "errors.unauthenticated");
        if (actor.mustChangePassword && operation.id !== "changeMyPassword") {
          throw new AppError("FORBIDDEN", "errors.passwordChangeRequired");
        }
        authorize(actor, operation.permission);
      }
      if (operation.method !== "GET" && actor?.via === "session") assertSameOrigin(request);
      const params = operation.params?.parse(await route.params);
      const query = operation.query?.parse(Object.fromEntries(new URL(request.url).searchParams));
      const body = operation.method === "GET" ? undefined : await readBody(request, operation);
      const args = {
        actor,
        params,
        query,
        body: operation.body?.parse(body),
        context: requestContextFrom(request.headers),
        request,
      } as HandlerArgs<O>;
      const respond = async (): Promise<Response> => {
        const result = await run(args);
        if (result instanceof Response) return result;
        if (operation.status === 204) return new Response(null, { status: 204 });
        return jsonResponse(result, operation.status);
      };
      const key = actor && isCreatingOperation(operation) ? idempotencyKeyOf(request) : null;
      const claim = actor && key
        ? { accountId: actor.id, key, operation: operation.id, requestHash: await requestHash(operation.id, args.params, args.body) }
        : null;
      const response = claim ? await withIdempotency(claim, respond) : await respond();
      if (actor && operation.method !== "GET" && response.ok) await rememberWrite(actor);
      return response;
    } catch (error) {
      return errorResponse(error, localeOfRequest(request.headers));
    }
  };
}

// A write says what it sends: JSON, or a multipart form for an upload. Anything else (a
// text/plain body is what a foreign page's plain form can post without asking) is refused
// before it is read as if it were JSON. A write without a body needs no content type; one that
// takes no body still refuses a body that is not JSON (it ignores one that is).
async function readBody(request: Request, operation: Operation): Promise<unknown> {
  if (operation.multipart) {
    requireMediaType(request, "multipart/form-data");
    return readForm(request);
  }
  const text = await request.text();
  if (!text) return operation.body ? {} : undefined;
  requireMediaType(request, "application/json");
  const value = parseJson(text);
  return operation.body ? value : undefined;
}

function requireMediaType(request: Request, expected: string): void {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== expected) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "errors.unsupportedMediaType", { expected });
}

function parseJson(text: string): unknown {
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
