import { z } from "zod";
import type { Operation } from "./operation";
import { operations } from "./registry";

// The OpenAPI 3.1 document, generated from the same zod schemas that validate the requests.
const schema = (s: z.ZodType, io: "input" | "output") => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" });
  return rest;
};

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
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
  return out;
}

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
        : { description: "Success", content: { [op.produces ?? "application/json"]: { schema: schema(op.response, "output") } } },
      "400": error("Invalid input; details name the failing fields"),
      ...(op.permission === null ? {} : { "401": error("Not signed in"), "403": error("Not allowed") }),
      "404": error("Not found, or outside the caller's scope"),
      "409": error("Conflict with the current state"),
      "422": error("A rule of the archive forbids it"),
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
    info: { title: "Family Civilization Archive API", version: "1" },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token",
          description: "The session of a signed-in browser; writes must come from the same origin." },
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (staff only)." },
      },
    },
  };
}
