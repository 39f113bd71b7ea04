import { operations } from "@/lib/api/registry";
import type { Fixtures } from "./fixtures";
import type { HostileBody, HostileRequest } from "./hostile-requests";

// The counterexamples the hostile-payloads test found, as fast-check shrank them, kept as fixed
// requests: each was answered with a 5xx, a page that is not the JSON error, or a write, and must
// now be refused like any other hostile request.

export type Regression = { found: string; request: HostileRequest };

const encoder = new TextEncoder();

function request(operationId: string, parts: Partial<Omit<HostileRequest, "operation">>): HostileRequest {
  const operation = operations.find((op) => op.id === operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  return { operation, auth: "session", params: {}, query: [], body: { kind: "none" }, touched: [], ...parts };
}

const notJson = (text: string): HostileBody => ({ kind: "bytes", bytes: encoder.encode(text), contentType: "application/json", label: "not JSON" });

const IMPORT_HEADER = "档案编号,户主姓名,村民小组,住址,联系电话,建档日期,户状态,成员姓名,与户主关系,性别,出生年份";

export const regressions = (fx: Fixtures): Regression[] => [
  {
    found: "a path that is not valid percent-encoding: a bare 500 from Next",
    request: request("getAccount", { params: { id: "%" }, touched: ["id"] }),
  },
  {
    found: "an id with slashes, a path no route has: Next's HTML 404",
    request: request("revokeToken", { params: { id: "x/y/z/w/v" }, touched: ["id"] }),
  },
  {
    found: "a write that takes no body ran with a body that is not JSON: an extract was issued",
    request: request("issueExtract", { params: { id: fx.extract }, auth: "token", body: notJson("🙑𘠰🟔𒎗𝒄👐"), touched: ["_"] }),
  },
  {
    found: "a body-less read-only POST answered 200 to a body that is not JSON",
    request: request("verifyChains", { body: notJson(" "), touched: ["_"] }),
  },
  {
    found: "a day of year 0000, which PostgreSQL does not have: 500",
    request: request("listRulesInForce", { params: { id: fx.village }, query: [["page", "1"], ["pageSize", "20"], ["date", "0000-01-01"]], touched: ["date"] }),
  },
  {
    found: "a China day of year 0001 begins in year 0000 UTC: 500",
    request: request("listAuditLog", { query: [["from", "0001-01-01"], ["to", "0001-01-01"]], touched: ["from", "to"] }),
  },
  {
    found: "an imported row registered on 2026-13-01: a RangeError and a 500",
    request: request("importHouseholds", {
      params: { id: fx.village }, query: [["dryRun", "false"]], touched: ["file"],
      body: {
        kind: "form", extra: {},
        file: { label: "CSV whose rows are refused", name: "households.csv", type: "text/csv",
          bytes: encoder.encode(`${IMPORT_HEADER}\r\n,王五,,新花村三组,,2026-13-01,在册,王五,户主,男,1970\r\n`) },
      },
    }),
  },
];
