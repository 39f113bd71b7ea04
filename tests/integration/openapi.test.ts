import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { operations } from "@/lib/api/registry";
import { callApi } from "../helpers/api-client";

// The document is generated from lib/api/registry.ts; these tests hold the registry, the
// document and the route files under app/api/v1 to one another.
type RouteModule = Record<string, unknown>;
const routeModules = import.meta.glob<RouteModule>("/app/api/v1/**/route.ts");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
// Routes that serve something other than an operation: the document, and the JSON 404 of any other path.
const NOT_OPERATIONS = new Set(["GET /api/v1/openapi.json", ...HTTP_METHODS.map((method) => `${method} /api/v1/[...path]`)]);

type OperationObject = {
  operationId: string;
  security: object[];
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }>; headers?: Record<string, unknown> }>;
  "x-permission": string | null;
};

const document = buildOpenApiDocument();
// A JSON object, or a choice between JSON objects (a body discriminated by a field).
const isObjectSchema = (schema: Record<string, unknown> | undefined): boolean =>
  !!schema && (schema.type === "object"
    || [schema.oneOf, schema.anyOf].some((list) => Array.isArray(list) && list.length > 0 && list.every(isObjectSchema)));

const operationAt = (method: string, path: string) =>
  (document.paths[path] as Record<string, OperationObject> | undefined)?.[method.toLowerCase()];

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and is what /api/v1/openapi.json serves", async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const served = await callApi("GET", "/api/v1/openapi.json");
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("has unique operation ids", () => {
    const ids = operations.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations.map((op) => [op.id, op] as const))("describes %s with its security, parameters and schemas", (_id, op) => {
    const described = operationAt(op.method, `/api/v1${op.path}`);
    expect(described, `${op.method} ${op.path}`).toBeDefined();
    expect(described!.operationId).toBe(op.id);
    expect(described!["x-permission"]).toBe(op.permission);
    expect(described!.security).toEqual(op.permission === null ? [] : [{ sessionCookie: [] }, { bearerToken: [] }]);

    for (const name of op.path.match(/\{(\w+)\}/g) ?? []) {
      expect(described!.parameters).toContainEqual(expect.objectContaining({ name: name.slice(1, -1), in: "path", required: true }));
    }
    for (const name of Object.keys(op.query?.shape ?? {})) {
      expect(described!.parameters).toContainEqual(expect.objectContaining({ name, in: "query" }));
    }
    // An upload's parts are described as a multipart form, a download's content as binary.
    const requestMedia = op.multipart ? "multipart/form-data" : "application/json";
    if (op.body) expect(isObjectSchema(described!.requestBody?.content[requestMedia]?.schema)).toBe(true);
    else expect(described!.requestBody).toBeUndefined();

    const success = described!.responses[String(op.status ?? 200)];
    expect(success).toBeDefined();
    if (op.status !== 204 && op.produces) expect(success!.content?.[op.produces]?.schema).toMatchObject({ format: "binary" });
    else if (op.status !== 204) expect(isObjectSchema(success!.content?.["application/json"]?.schema)).toBe(true);
    if (op.permission !== null) expect(Object.keys(described!.responses)).toEqual(expect.arrayContaining(["401", "403"]));
    // A rate-limited operation documents its 429 and when to retry; no other one does.
    if (op.rateLimited) expect(described!.responses["429"]?.headers).toHaveProperty("Retry-After");
    else expect(described!.responses["429"]).toBeUndefined();
  });

  it("documents the 429 of the throttled operations: evidence uploads and the public extract lookup", () => {
    expect(operations.filter((op) => op.rateLimited).map((op) => op.id)).toEqual(expect.arrayContaining(["uploadEvidence", "verifyExtract"]));
    expect(operationAt("GET", "/api/v1/public/extracts/{code}")!.responses["429"]?.headers).toHaveProperty("Retry-After");
  });

  it("declares both security schemes", () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["bearerToken", "sessionCookie"]);
  });

  it("documents every method that a route file under app/api/v1 exports", async () => {
    const undocumented: string[] = [];
    for (const [file, load] of Object.entries(routeModules)) {
      const path = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
      const exported = Object.keys(await load()).filter((key) => HTTP_METHODS.includes(key));
      for (const method of exported) {
        if (!NOT_OPERATIONS.has(`${method} ${path}`) && !operationAt(method, path)) undocumented.push(`${method} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("has a route file for every documented operation", async () => {
    const missing: string[] = [];
    for (const op of operations) {
      const file = `/app/api/v1${op.path.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
      const load = routeModules[file];
      if (!load || typeof (await load())[op.method] !== "function") missing.push(`${op.method} ${op.path}`);
    }
    expect(missing).toEqual([]);
  });
});
