import type { Operation } from "@/lib/api/operation";
import type { HostileRequest, HttpRequest } from "./hostile-requests";

// Whether the API must refuse a request, and at which step, read the way every route reads its
// input (lib/server/api/handle.ts): the path parameters, then the query, then the body — its
// declared type, the JSON or form, then the operation's schema. These are the operation's own
// zod schemas, so "the schema must refuse it" is exact. Two refusals come from elsewhere by
// construction: a path segment that is not valid percent-encoding names nothing, and an uploaded
// file that is no photo (no table, for the import) must be refused by the upload itself.
//
// A request none of these refuses is hostile but valid (SQL in a description, say): the test
// does not send it, since the API would rightly store it.

export type Refusal = "path" | "query" | "media-type" | "json" | "form" | "schema" | "file";

const mediaTypeOf = (contentType: string | null) => contentType?.split(";")[0]?.trim().toLowerCase() ?? null;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function refusalOf(request: HostileRequest, http: HttpRequest): Refusal | null {
  const operation = request.operation;
  if (operation.params) {
    const params: Record<string, string> = {};
    for (const [name, segment] of Object.entries(request.params)) {
      const value = decoded(segment);
      if (value === null) return "path";
      params[name] = value;
    }
    if (!operation.params.safeParse(params).success) return "path";
  }
  if (operation.query && !operation.query.safeParse(Object.fromEntries(new URL(http.url).searchParams)).success) return "query";
  if (operation.method === "GET") return null;
  return operation.multipart ? formRefusal(operation, request, http) : jsonRefusal(operation, http);
}

function jsonRefusal(operation: Operation, http: HttpRequest): Refusal | null {
  // As the route reads it: UTF-8 with invalid bytes replaced, and a leading byte order mark
  // dropped — twice, as observed on the production server (so "\ufeff\ufeff{}" is the JSON {}).
  const text = new TextDecoder().decode(http.body as Uint8Array | undefined).replace(/^\ufeff/, "");
  let value: unknown = {};
  if (text) {
    if (mediaTypeOf(http.contentType) !== "application/json") return "media-type";
    try {
      value = JSON.parse(text);
    } catch {
      return "json";
    }
  }
  if (!operation.body) return null; // an operation without a body ignores one that is valid JSON
  return operation.body.safeParse(value).success ? null : "schema";
}

function formRefusal(operation: Operation, request: HostileRequest, http: HttpRequest): Refusal {
  if (http.body instanceof FormData) {
    const entries = Object.fromEntries(http.body);
    return operation.body?.safeParse(entries).success === false ? "schema" : "file";
  }
  if (mediaTypeOf(http.contentType) !== "multipart/form-data") return "media-type";
  return request.body.kind === "form" ? "file" : "form"; // bytes that are not a form at all
}
