import fc from "fast-check";
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";
import { hostileImage, hostileTable, type HostileFile } from "./hostile-files";
import {
  RAW_PATH_JUNK, hostileJsonValue, hostileQueryText, hostileText, MALFORMED_IDS, percentEncode, SCRIPT_FRAGMENTS, SQL_FRAGMENTS,
  UNICODE_ODDITIES, wrongType,
} from "./hostile-values";
import type { Base } from "./operation-bases";

// One hostile request to an operation: its valid base (operation-bases.ts) with one or more of
// its parts corrupted — a path parameter, query parameters, body fields, the body as a whole or
// its declared type, or (uploads) the file. Fields left alone keep their valid values, or get
// hostile-but-valid ones (SQL, script, unusual unicode appended), so that what a schema must
// refuse sits next to what it rightly accepts.

export type JsonBody = { kind: "json"; value: unknown; contentType: string | null };
export type BytesBody = { kind: "bytes"; bytes: Uint8Array; contentType: string | null; label: string };
export type FormBody = { kind: "form"; file: HostileFile | "missing" | "as-text"; extra: Record<string, string>; contentType?: string };
export type HostileBody = { kind: "none" } | JsonBody | BytesBody | FormBody;

export type HostileRequest = {
  operation: Operation;
  auth: "session" | "token";
  /** Each path parameter as it travels: percent-encoded, or junk written as is. */
  params: Record<string, string>;
  /** Query pairs as they travel (already percent-encoded). */
  query: [string, string][];
  body: HostileBody;
  /** Names of what was corrupted (path parameters, query parameters, body fields); "_" for a body as a whole. */
  touched: string[];
};

const DELETE = Symbol("delete");
type Change = typeof DELETE | { replace: unknown } | { append: string };

const HOSTILE_BUT_VALID = [...SQL_FRAGMENTS, ...SCRIPT_FRAGMENTS, ...UNICODE_ODDITIES];
const JUNK_BODY_KEYS = ["__proto__", "constructor", "prototype", "id", "role", "$where", "extra", "householdId\u0000", "évidence"];
const JUNK_QUERY_KEYS = ["page[]", "__proto__", "q\u0000", "utm_source", "%ZZ", "id"];
const MEDIA_TYPES = ["application/json", "application/json; charset=utf-8", " Application/JSON ", "text/plain", "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/jsonx", "application/json-patch+json",
  "application/vnd.api+json", "*/*", "json", ""];
const NOT_JSON = ["{", "}", "{'a':1}", "{\"a\":1,}", "{\"a\":1}garbage", "undefined", "NaN", "<xml/>", "\u0000", "[1,2", "\"unterminated",
  "{\"a\":\"\\u00\"}", "{\"a\":01}", "a=1&b=2", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n", "\ufeff\ufeff{}"];

/** Field names of an object schema (the union of a discriminated union's branches). */
export function keysOf(schema: z.ZodType | undefined): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return [...new Set((schema.options as z.ZodType[]).flatMap((option) => keysOf(option)))];
  }
  return [];
}

function changes(keys: string[], value: fc.Arbitrary<unknown>): fc.Arbitrary<[string, Change][]> {
  const change: fc.Arbitrary<Change> = fc.oneof(
    { weight: 1, arbitrary: fc.constant(DELETE) },
    { weight: 6, arbitrary: value.map((v) => ({ replace: v })) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_BUT_VALID).map((fragment) => ({ append: fragment })) },
  );
  return fc.uniqueArray(fc.tuple(fc.constantFrom(...keys), change), { minLength: 1, maxLength: Math.min(4, keys.length), selector: ([key]) => key });
}

function applied(base: Record<string, unknown>, list: [string, Change][]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, change] of list) {
    if (change === DELETE) delete out[key];
    else if ("replace" in change) Object.defineProperty(out, key, { value: change.replace, enumerable: true, writable: true, configurable: true });
    else Object.defineProperty(out, key, { value: `${String(out[key] ?? "")}${change.append}`, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_IDS).map(percentEncode) },
  { weight: 3, arbitrary: hostileText.map(percentEncode) },
  { weight: 3, arbitrary: fc.constantFrom(...RAW_PATH_JUNK) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...RAW_PATH_JUNK), hostileText).map(([junk, text]) => `${percentEncode(text)}${junk}`) },
).filter((segment) => segment !== "" && !/^(?:\.|%2e){1,2}$/i.test(segment));

function paramsPart(base: Base): fc.Arbitrary<{ params: Record<string, string>; touched: string[] }> {
  const names = Object.keys(base.params ?? {});
  return fc.record({ name: fc.constantFrom(...names), segment: pathSegment }).map(({ name, segment }) => ({
    params: { ...base.params, [name]: segment }, touched: [name],
  }));
}

function queryPart(operation: Operation, base: Base, values: fc.Arbitrary<string>): fc.Arbitrary<{ query: [string, string][]; touched: string[] }> {
  const keys = [...new Set([...Object.keys(base.query ?? {}), ...keysOf(operation.query)])];
  const value = fc.oneof({ weight: 6, arbitrary: values }, { weight: 1, arbitrary: fc.constantFrom(...RAW_PATH_JUNK).map((junk) => ({ raw: junk })) });
  return fc.record({
    list: changes([...keys, ...JUNK_QUERY_KEYS], value),
    // A parameter given twice: the server reads the last.
    repeated: fc.option(fc.tuple(fc.constantFrom(...keys), values), { nil: undefined, freq: 4 }),
  }).map(({ list, repeated }) => {
    const values = applied(base.query ?? {}, list);
    const query: [string, string][] = Object.entries(values).map(([key, v]) => [
      percentEncode(key), typeof v === "object" && v !== null && "raw" in v ? String((v as { raw: string }).raw) : percentEncode(String(v)),
    ]);
    if (repeated) query.push([percentEncode(repeated[0]), percentEncode(repeated[1])]);
    return { query, touched: [...list.map(([key]) => key), ...(repeated ? [repeated[0]] : [])] };
  });
}

const encoder = new TextEncoder();

function jsonBodyPart(operation: Operation, base: Base): fc.Arbitrary<{ body: HostileBody; touched: string[] }> {
  const valid = base.body ?? {};
  const keys = [...new Set([...Object.keys(valid), ...keysOf(operation.body), ...JUNK_BODY_KEYS])];
  const validText = JSON.stringify(valid);
  return fc.oneof(
    { weight: 10, arbitrary: changes(keys, hostileJsonValue).map((list) => ({
      body: { kind: "json", value: applied(valid, list), contentType: "application/json" } as HostileBody, touched: list.map(([key]) => key),
    })) },
    { weight: 1, arbitrary: fc.oneof(wrongType, hostileText).map((value) => ({
      body: { kind: "json", value, contentType: "application/json" } as HostileBody, touched: ["_"],
    })) },
    { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...NOT_JSON), hostileText).map((text) => ({
      body: { kind: "bytes", bytes: encoder.encode(text), contentType: "application/json", label: "not JSON" } as HostileBody, touched: ["_"],
    })) },
    { weight: 2, arbitrary: fc.record({ type: fc.option(fc.constantFrom(...MEDIA_TYPES), { nil: null }), text: fc.constantFrom(validText, "{}", "x=1") })
      .map(({ type, text }) => ({ body: { kind: "bytes", bytes: encoder.encode(text), contentType: type, label: "declared type" } as HostileBody, touched: ["_"] })) },
  );
}

function formBodyPart(operation: Operation): fc.Arbitrary<{ body: HostileBody; touched: string[] }> {
  const file = operation.id === "importHouseholds" ? hostileTable : hostileImage;
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({
      file: fc.oneof({ weight: 10, arbitrary: file }, { weight: 1, arbitrary: fc.constantFrom("missing" as const, "as-text" as const) }),
      extra: fc.dictionary(fc.constantFrom("file2", "name", "type", "__proto__", "dryRun"), hostileText, { maxKeys: 2 }),
    }).map(({ file, extra }) => ({ body: { kind: "form", file, extra } as HostileBody, touched: ["file"] })) },
    // A form declared as something else, or "multipart" bytes that are not one.
    { weight: 1, arbitrary: fc.record({ file, type: fc.constantFrom("application/json", "text/plain", "application/octet-stream", "multipart/mixed") })
      .map(({ file, type }) => ({ body: { kind: "form", file, extra: {}, contentType: type } as HostileBody, touched: ["_"] })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2_048 }).map((bytes) => ({
      body: { kind: "bytes", bytes, contentType: "multipart/form-data; boundary=----hostile", label: "not a form" } as HostileBody, touched: ["_"],
    })) },
  );
}

export type Part = "params" | "query" | "body";

export type Options = {
  /** The parts that may be corrupted: by default every part the operation has. */
  only?: Part[];
  /** Values for query parameters: by default hostileQueryText. */
  queryValues?: fc.Arbitrary<string>;
};

/** Hostile requests to one operation; which of them the schemas must refuse is for refusal.ts to say. */
export function hostileRequests(operation: Operation, base: Base, canUseToken: boolean, { only, queryValues = hostileQueryText }: Options = {}): fc.Arbitrary<HostileRequest> {
  const parts: Part[] = [];
  if (Object.keys(base.params ?? {}).length) parts.push("params");
  if (operation.query) parts.push("query");
  if (operation.method !== "GET" && !operation.multipart) parts.push("body");
  if (only) parts.splice(0, parts.length, ...parts.filter((part) => only.includes(part)));
  const validBody: HostileBody = operation.method === "GET" ? { kind: "none" }
    : base.body ? { kind: "json", value: base.body, contentType: "application/json" } : { kind: "none" };
  const validQuery = Object.entries(base.query ?? {}).map(([k, v]) => [percentEncode(k), percentEncode(v)] as [string, string]);
  return fc.record({
    // Uploads always carry a hostile file, mostly alone so that most reach the file's checks.
    corrupt: !parts.length ? fc.constant([] as Part[]) : !operation.multipart ? fc.subarray(parts, { minLength: 1 })
      : fc.oneof({ weight: 3, arbitrary: fc.constant([] as Part[]) }, { weight: 1, arbitrary: fc.subarray(parts, { minLength: 1 }) }),
    params: parts.includes("params") ? paramsPart(base) : fc.constant(null),
    query: operation.query ? queryPart(operation, base, queryValues) : fc.constant(null),
    body: operation.multipart ? formBodyPart(operation) : operation.method !== "GET" ? jsonBodyPart(operation, base) : fc.constant(null),
    auth: canUseToken ? fc.constantFrom("session" as const, "token" as const) : fc.constant("session" as const),
  }).map(({ corrupt, params, query, body, auth }) => {
    const touched: string[] = [];
    const take = <T extends { touched: string[] }>(part: Part | "form", value: T | null): T | null => {
      if (!value || (part !== "form" && !corrupt.includes(part))) return null;
      touched.push(...value.touched);
      return value;
    };
    const p = take("params", params);
    const q = take("query", query);
    const b = take(operation.multipart ? "form" : "body", body);
    const request: HostileRequest = {
      operation, auth, touched,
      params: p?.params ?? { ...base.params },
      query: q?.query ?? validQuery,
      body: b?.body ?? validBody,
    };
    // How fast-check shows a counterexample: the request, not the operation's schemas.
    return Object.defineProperty(request, fc.toStringMethod, { value: () => summary(request) });
  }).filter((request) => new URL(target(request), "http://localhost").href.length <= MAX_URL);
}

// Node refuses a request head over 16 KB with a bare 431 before the app sees it (the cookie and
// the other headers take 1–2 KB): long ids and query values are tried up to this length, as
// sent (the URL parser percent-encodes some characters further, "'" in a query for one).
const MAX_URL = 12_000;

/** The request target: path and query, as they travel. */
export function target(request: HostileRequest): string {
  const path = request.operation.path.replace(/\{(\w+)\}/g, (_, name: string) => request.params[name] ?? "");
  const search = request.query.length ? `?${request.query.map(([k, v]) => `${k}=${v}`).join("&")}` : "";
  return `/api/v1${path}${search}`;
}

const cut = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);

function bodySummary(body: HostileBody): string {
  switch (body.kind) {
    case "none":
      return "no body";
    case "json":
      return `${JSON.stringify(body.contentType)} ${cut(JSON.stringify(body.value) ?? "undefined")}`;
    case "bytes":
      return `${JSON.stringify(body.contentType)} ${body.label}: ${cut(JSON.stringify(new TextDecoder().decode(body.bytes)))}`;
    case "form": {
      const file = typeof body.file === "string" ? body.file
        : `${body.file.label} (${body.file.bytes.length} bytes, name ${JSON.stringify(cut(body.file.name))}, type ${JSON.stringify(body.file.type)})`;
      return `form${body.contentType ? ` declared ${JSON.stringify(body.contentType)}` : ""}: file=${file} extra=${cut(JSON.stringify(body.extra))}`;
    }
  }
}

/** A short account of a request, for failure messages. */
export function summary(request: HostileRequest): string {
  return `${request.operation.id}: ${request.operation.method} ${cut(target(request))} as ${request.auth}, ${bodySummary(request.body)}; corrupted: ${request.touched.join(", ")}`;
}

export type HttpRequest = { method: string; url: string; contentType: string | null; body: Uint8Array | FormData | undefined };

/** The request as it goes over the wire (credentials added by the sender). */
export async function toHttp(request: HostileRequest, baseUrl: string): Promise<HttpRequest> {
  const url = `${baseUrl}${target(request)}`;
  const body = request.body;
  switch (body.kind) {
    case "none":
      return { method: request.operation.method, url, contentType: null, body: undefined };
    case "json":
      return { method: request.operation.method, url, contentType: body.contentType, body: encoder.encode(JSON.stringify(body.value) ?? "") };
    case "bytes":
      return { method: request.operation.method, url, contentType: body.contentType, body: body.bytes };
    case "form": {
      const form = formOf(body);
      if (!body.contentType) return { method: request.operation.method, url, contentType: null, body: form };
      // The same multipart bytes, declared as something else.
      const bytes = new Uint8Array(await new Response(form).arrayBuffer());
      return { method: request.operation.method, url, contentType: body.contentType, body: bytes };
    }
  }
}

export function formOf(body: FormBody): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(body.extra)) form.append(key, value);
  if (body.file === "as-text") form.set("file", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  else if (body.file !== "missing") form.set("file", new File([body.file.bytes as Uint8Array<ArrayBuffer>], body.file.name, { type: body.file.type }));
  return form;
}
