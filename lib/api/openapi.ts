import { z } from "zod";
import { isCreatingOperation, type Operation } from "./operation";
import { MAX_PAGE_SIZE } from "@/lib/schemas/common";
import { operations } from "./registry";

// The OpenAPI 3.1 document, generated from the same zod schemas that validate the requests.
const schema = (s: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" });
  return rest;
};

// The error answer and the two list answers, documented once (components.schemas) and in prose
// (info.description); STYLE.md "One list shape".
const errorSchema = { $ref: "#/components/schemas/Error" };

const LISTS_AND_ERRORS = `
## Lists

Every list answers one envelope, \`{ items, page, pageSize, total }\` (components.schemas.Page),
and takes the query parameters \`page\` (from 1) and \`pageSize\` (at most ${MAX_PAGE_SIZE}).
The audit log, where offsets cannot scale, is read with a cursor instead: it takes \`cursor\`
and \`pageSize\` and answers \`{ items, nextCursor }\` (components.schemas.CursorPage); pass
\`nextCursor\` as \`cursor\` for the next page, until it is null.

## Errors

Every error answers \`{ "error": { "code", "message", "details"? } }\` with the status of its code.
\`message\` is a sentence in the language of \`Accept-Language\` (zh-CN by default, en).
\`details\`, when present, lists the failing fields as \`{ field, code, message }\`: \`code\` is a
stable key to branch on, \`message\` its translation.

## Scope

A target outside the caller's scope (a resource, or the village or township a list is addressed
to) answers 404, as if it did not exist; a role without the permission answers 403.
`;

const apiSchemas = {
  FieldError: {
    type: "object",
    required: ["field", "code", "message"],
    properties: {
      field: { type: "string", description: "Path of the failing field, e.g. \"members.0.name\"" },
      code: { type: "string", description: "Stable key, e.g. \"validation.legalDocumentNoRequired\"" },
      message: { type: "string", description: "The key's sentence in the language of Accept-Language" },
    },
  },
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", description: "INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RULE_VIOLATION, RATE_LIMITED, SERVICE_UNAVAILABLE (the database cannot be reached: retry after Retry-After seconds), …" },
          message: { type: "string", description: "In the language of Accept-Language" },
          details: { type: "array", items: { $ref: "#/components/schemas/FieldError" } },
          report: { description: "importHouseholds only: the report of the refused import (as its 200 answer)" },
        },
      },
    },
  },
  Page: {
    type: "object",
    description: "The envelope of every list",
    required: ["items", "page", "pageSize", "total"],
    properties: {
      items: { type: "array", items: {} },
      page: { type: "integer", minimum: 1 },
      pageSize: { type: "integer", maximum: MAX_PAGE_SIZE },
      total: { type: "integer", description: "Items on all pages" },
    },
  },
  CursorPage: {
    type: "object",
    description: "The envelope of a list read with a cursor (the audit log)",
    required: ["items", "nextCursor"],
    properties: {
      items: { type: "array", items: {} },
      nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last page" },
    },
  },
};

function parameters(op: Operation) {
  const out: object[] = [];
  for (const [where, obj] of [["path", op.params], ["query", op.query]] as const) {
    if (!obj) continue;
    const json = schema(obj, "input") as { properties?: Record<string, object>; required?: string[] };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: s });
    }
  }
  if (isCreatingOperation(op)) out.push({ $ref: "#/components/parameters/IdempotencyKey" });
  return out;
}

// Every creating operation (POST answering 201, isCreatingOperation) takes the Idempotency-Key
// header (lib/server/api/idempotency.ts); a rate-limited one may also answer 429 with when to retry.

const idempotencyComponents = {
  parameters: {
    IdempotencyKey: {
      name: "Idempotency-Key", in: "header", required: false,
      description: "A key the client makes once per request (a UUID is best; 1–255 visible ASCII characters), per account. "
        + "A retry with the same key and the same request answers the first call's status and body with `Idempotency-Replayed: true` "
        + "and writes nothing; the same key with a different request is a 409; keys are forgotten after 24 hours.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    },
  },
  headers: {
    IdempotencyReplayed: { description: "`true` when this answer is a replay of an earlier call with the same Idempotency-Key.", schema: { type: "string", enum: ["true"] } },
    RetryAfter: { description: "Seconds until the request may be retried.", schema: { type: "integer", minimum: 0 } },
    RateLimitLimit: { description: "The number of requests allowed in the window (IETF RateLimit header fields draft).", schema: { type: "integer" } },
    RateLimitRemaining: { description: "Requests left in the current window.", schema: { type: "integer", minimum: 0 } },
    RateLimitReset: { description: "Seconds until the window resets.", schema: { type: "integer", minimum: 0 } },
  },
};

// An upload is a multipart form whose parts the operation's body schema describes.
function requestBody(op: Operation) {
  if (!op.body) return {};
  const media = op.multipart ? "multipart/form-data" : "application/json";
  return { requestBody: { required: true, content: { [media]: { schema: schema(op.body, "input") } } } };
}

function operationObject(op: Operation) {
  const error = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });
  const status = String(op.status ?? 200);
  return {
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    security: op.permission === null ? [] : [{ sessionCookie: [] }, { bearerToken: [] }],
    "x-permission": op.permission,
    parameters: parameters(op),
    ...requestBody(op),
    responses: {
      [status]: status === "204"
        ? { description: "Done" }
        : {
          description: "Success",
          ...(isCreatingOperation(op) ? { headers: { "Idempotency-Replayed": { $ref: "#/components/headers/IdempotencyReplayed" } } } : {}),
          content: { [op.produces ?? "application/json"]: { schema: schema(op.response, "output") } },
        },
      "400": error("Invalid input; details name the failing fields"),
      ...(op.permission === null ? {} : { "401": error("Not signed in"), "403": error("Not allowed") }),
      "404": error("Not found, or outside the caller's scope"),
      "409": error(isCreatingOperation(op) ? "Conflict with the current state, or the Idempotency-Key was used for a different request" : "Conflict with the current state"),
      "422": error("A rule of the archive forbids it"),
      ...(op.rateLimited ? { "429": { ...error("Too many requests; retry after the time given"), headers: {
        "Retry-After": { $ref: "#/components/headers/RetryAfter" },
        "RateLimit-Limit": { $ref: "#/components/headers/RateLimitLimit" },
        "RateLimit-Remaining": { $ref: "#/components/headers/RateLimitRemaining" },
        "RateLimit-Reset": { $ref: "#/components/headers/RateLimitReset" },
      } } } : {}),
      ...(op.method === "GET" ? {} : {
        "415": error(`The body is not ${op.multipart ? "multipart/form-data" : "application/json"}`),
      }),
    },
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of operations) {
    paths[`/api/v1${op.path}`] ??= {};
    paths[`/api/v1${op.path}`]![op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Family Civilization Archive API", version: "1", description: LISTS_AND_ERRORS.trim() },
    paths,
    components: {
      schemas: apiSchemas,
      ...idempotencyComponents,
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token",
          description: "The session of a signed-in browser; writes must come from the same origin." },
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (staff only)." },
      },
    },
  };
}
