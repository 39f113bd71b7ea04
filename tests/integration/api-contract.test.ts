import "../helpers/app-database";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { MAX_PAGE_SIZE } from "@/lib/schemas/common";
import { db } from "@/lib/server/db";
import { callApi } from "../helpers/api-client";

// The API's contract as a client reads it in /api/v1/openapi.json (DESIGN.md "The interface",
// STYLE.md "One list shape"): every operation of the document is walked, so a new operation that
// speaks another dialect fails here.

type JsonSchema = {
  $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[];
  items?: JsonSchema; maximum?: number;
};
type Parameter = { name: string; in: string; schema: JsonSchema };
type OperationObject = {
  operationId: string;
  parameters: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};

const document = buildOpenApiDocument();
const operations = Object.values(document.paths).flatMap((path) =>
  Object.entries(path).map(([method, op]) => ({ method: method.toUpperCase(), ...(op as OperationObject) })));

/**
 * GETs that answer one document holding lists (a household with its members, a review with its
 * entries, a posted notice…): not lists themselves. Anything else whose answer holds a list at
 * its top level is a list and must be the envelope.
 */
const DOCUMENTS = new Set([
  "getHousehold", "getHouseholdArchive", "getEntry", "getReview", "getReviewNotice", "getRuleSet", "getPublicRules",
  "getAccount", "getMe",
]);
/** The lists read with a cursor (offsets do not scale over the whole audit log). */
const CURSOR_LISTS = new Set(["listAuditLog"]);

const successSchema = (op: OperationObject): JsonSchema | null => {
  const ok = op.responses["200"] ?? op.responses["201"];
  return ok?.content?.["application/json"]?.schema ?? null;
};
const hasTopLevelList = (schema: JsonSchema) =>
  Object.values(schema.properties ?? {}).some((p) => p.type === "array" || (Array.isArray(p.type) && p.type.includes("array")));

const gets = operations.filter((op) => op.method === "GET" && successSchema(op));
const lists = gets.filter((op) => !DOCUMENTS.has(op.operationId) && hasTopLevelList(successSchema(op)!));

describe("lists", () => {
  it("finds the list operations (and the documents named above still exist)", () => {
    expect(lists.length).toBeGreaterThan(10);
    const ids = operations.map((op) => op.operationId);
    expect([...DOCUMENTS, ...CURSOR_LISTS].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it.each(lists.map((op) => [op.operationId, op] as const))("%s answers the one envelope", (_id, op) => {
    const schema = successSchema(op)!;
    const props = schema.properties!;
    expect(props.items?.type).toBe("array");
    const query = Object.fromEntries(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, p.schema]));
    expect(query.pageSize?.maximum, "pageSize is at most the one maximum").toBe(MAX_PAGE_SIZE);
    if (CURSOR_LISTS.has(op.operationId)) {
      expect(schema.required).toEqual(expect.arrayContaining(["items", "nextCursor"]));
      expect(query.cursor, "a cursor list takes `cursor`").toBeDefined();
      expect(query.page).toBeUndefined();
    } else {
      expect(schema.required).toEqual(expect.arrayContaining(["items", "page", "pageSize", "total"]));
      for (const key of ["page", "pageSize", "total"]) expect(props[key]?.type, key).toBe("integer");
      expect(query.page?.type, "takes `page`").toBe("integer");
      expect(query.cursor).toBeUndefined();
      // Besides the envelope, only context of the list (the date and rule set the rules are of).
      const extra = Object.entries(props).filter(([k]) => !["items", "page", "pageSize", "total"].includes(k));
      expect(extra.filter(([, p]) => p.type === "array").map(([k]) => k), "no second list").toEqual([]);
    }
  });

  it("documents the envelopes once", () => {
    const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
    expect(schemas.Page!.required).toEqual(["items", "page", "pageSize", "total"]);
    expect(schemas.CursorPage!.required).toEqual(["items", "nextCursor"]);
    expect(document.info.description).toContain("{ items, page, pageSize, total }");
  });

  it("answers a real page in the envelope, and refuses a page larger than the maximum", async () => {
    const admin = { username: "admin" };
    const page = await callApi("GET", "/api/v1/villages?pageSize=1&page=2", { as: admin });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: await db.village.count() });
    expect(page.body.items).toHaveLength(1);
    const tooLarge = await callApi("GET", `/api/v1/villages?pageSize=${MAX_PAGE_SIZE + 1}`, { as: admin });
    expect(tooLarge.status).toBe(400);
    const audit = await callApi("GET", "/api/v1/audit-log?pageSize=1", { as: admin });
    expect(Object.keys(audit.body).sort()).toEqual(["items", "nextCursor"]);
  });
});

describe("errors", () => {
  const FIELD_ERROR = { field: expect.any(String), code: expect.any(String), message: expect.any(String) };

  it("documents every error answer as { error: { code, message, details? } } with details [{ field, code, message }]", () => {
    for (const op of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        expect(response.content?.["application/json"]?.schema, `${op.operationId} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
    const schemas = (document.components as { schemas: Record<string, JsonSchema> }).schemas;
    const error = schemas.Error!.properties!.error!;
    expect(error.required).toEqual(["code", "message"]);
    expect(error.properties!.details).toEqual({ type: "array", items: { $ref: "#/components/schemas/FieldError" } });
    expect(schemas.FieldError!.required).toEqual(["field", "code", "message"]);
  });

  it("translates the details of a failing validation in Chinese and English, with the same codes", async () => {
    const ask = (language: string) => callApi("POST", "/api/v1/tokens", {
      as: { username: "clerk-xinhua" }, body: { name: " " }, headers: { "accept-language": language },
    });
    const [zh, en] = [await ask("zh-CN"), await ask("en")];
    for (const res of [zh, en]) {
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error).sort()).toEqual(["code", "details", "message"]);
      expect(res.body.error.code).toBe("INVALID_INPUT");
      expect(res.body.error.details).toEqual([FIELD_ERROR]);
    }
    expect(zh.body.error.details[0]).toMatchObject({ field: "name", code: expect.stringMatching(/^validation\./) });
    expect(en.body.error.details[0].code).toBe(zh.body.error.details[0].code);
    expect(zh.body.error.details[0].message).toMatch(/\p{Script=Han}/u);
    expect(en.body.error.details[0].message).not.toMatch(/\p{Script=Han}/u);
    expect(en.body.error.details[0].message).not.toBe(en.body.error.details[0].code);
    expect(zh.body.error.message).not.toBe(en.body.error.message);
  });

  it("translates the details a use case gives (a refused rule) in both languages", async () => {
    const village = await db.village.findFirstOrThrow({ where: { code: "XH" }, select: { code: true, name: true, townshipId: true } });
    const ask = (language: string) => callApi("POST", "/api/v1/villages", {
      as: { username: "admin" }, body: { code: village.code, name: `${village.name}二`, kind: "VILLAGE", townshipId: village.townshipId },
      headers: { "accept-language": language },
    });
    const [zh, en] = [await ask("zh-CN"), await ask("en")];
    expect(zh.status).toBe(409);
    expect(zh.body.error.details).toEqual([{ field: "code", code: "errors.villageCodeTaken", message: expect.stringMatching(/\p{Script=Han}/u) }]);
    expect(en.body.error.details).toEqual([{ field: "code", code: "errors.villageCodeTaken", message: expect.not.stringMatching(/\p{Script=Han}/u) }]);
  });

  it("answers other refusals in the same shape, without details", async () => {
    const res = await callApi("GET", "/api/v1/households/00000000-0000-4000-8000-000000000000", { as: { username: "admin" } });
    expect(res.status).toBe(404);
    expect(Object.keys(res.body.error).sort()).toEqual(["code", "message"]);
  });
});

// The Idempotency-Key header on every creating operation is checked by the idempotency work
// (issue 14, point 4): add its `describe("idempotency")` here.
