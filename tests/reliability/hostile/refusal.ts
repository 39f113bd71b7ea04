import type { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import type { HostileRequest, HttpRequest } from "./hostile-requests";

// Whether the API must refuse a request, and at which step, read the way every route reads its
// input (lib/server/api/handle.ts): the path parameters, then the query, then the body — its
// declared type, the JSON or form, then the operation's schema. These are the operation's own
// zod schemas, so "the schema must refuse it" is exact, down to the fields the refusal names.
// Two refusals come from elsewhere by construction: a path that is not valid percent-encoding
// names nothing, and an uploaded file that is no photo (no table, for the import) must be
// refused by the upload itself (the import's dry run reports it instead).
//
// A request none of these refuses is hostile but valid (SQL in a description, say).

export type Refusal = {
  at: "path" | "query" | "media-type" | "json" | "form" | "schema" | "file";
  /** For a refusal by a schema, the fields its error names ("_" for the whole), as the API's details do. */
  fields?: string[];
};

const mediaTypeOf = (contentType: string | null) => contentType?.split(";")[0]?.trim().toLowerCase() ?? null;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The refusal of `value` by `schema`, naming the fields as lib/server/api/error-response.ts does; null when it passes. */
function bySchema(schema: z.ZodType, value: unknown, at: Refusal["at"]): Refusal | null {
  const result = schema.safeParse(value);
  return result.success ? null : { at, fields: [...new Set(result.error.issues.map((issue) => issue.path.join(".") || "_"))] };
}

export function refusalOf(request: HostileRequest, http: HttpRequest): Refusal | null {
  const operation = request.operation;
  if (operation.params) {
    const params: Record<string, string> = {};
    for (const [name, segment] of Object.entries(request.params)) {
      const value = decoded(segment);
      if (value === null) return { at: "path" };
      params[name] = value;
    }
    const refused = bySchema(operation.params, params, "path");
    if (refused) return refused;
  }
  const query = Object.fromEntries(new URL(http.url).searchParams);
  if (operation.query) {
    const refused = bySchema(operation.query, query, "query");
    if (refused) return refused;
  }
  if (operation.method === "GET") return null;
  if (!operation.multipart) return jsonRefusal(operation, http);
  // A dry run of the import only reports what is wrong with the file (200, nothing written).
  if (operation.id === "importHouseholds" && operation.query?.parse(query).dryRun) return null;
  return formRefusal(operation, request, http);
}

function jsonRefusal(operation: Operation, http: HttpRequest): Refusal | null {
  // As the route reads it: UTF-8 with invalid bytes replaced, and a leading byte order mark
  // dropped — twice, as observed on the production server (so "\ufeff\ufeff{}" is the JSON {}).
  const text = new TextDecoder().decode(http.body as Uint8Array | undefined).replace(/^\ufeff/, "");
  let value: unknown = {};
  if (text) {
    if (mediaTypeOf(http.contentType) !== "application/json") return { at: "media-type" };
    try {
      value = JSON.parse(text);
    } catch {
      return { at: "json" };
    }
  }
  if (!operation.body) return null; // an operation without a body ignores one that is valid JSON
  return bySchema(operation.body, value, "schema");
}

function formRefusal(operation: Operation, request: HostileRequest, http: HttpRequest): Refusal {
  if (http.body instanceof FormData) return (operation.body && bySchema(operation.body, Object.fromEntries(http.body), "schema")) || { at: "file" };
  if (mediaTypeOf(http.contentType) !== "multipart/form-data") return { at: "media-type" };
  return { at: request.body.kind === "form" ? "file" : "form" }; // bytes that are not a form at all
}
