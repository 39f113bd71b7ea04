import { describe, expect, it } from "vitest";
import { auditLines } from "./audit-lines";

describe("auditLines", () => {
  it("reads a creation as the values it set", () => {
    expect(auditLines(null, { name: "记账软件", prefix: "fca_ab12" })).toEqual([
      { field: "name", kind: "value", value: "记账软件" },
      { field: "prefix", kind: "value", value: "fca_ab12" },
    ]);
  });

  it("reads a field both halves hold and that differs as a change, and keeps the reason as a fact", () => {
    expect(auditLines({ householdId: "h1", phone: null }, { phone: "13800138000", reason: "补登" })).toEqual([
      { field: "householdId", kind: "value", value: "h1" },
      { field: "phone", kind: "change", before: null, after: "13800138000" },
      { field: "reason", kind: "value", value: "补登" },
    ]);
  });

  it("does not call an unchanged field a change, nested objects compared whole", () => {
    expect(auditLines({ name: "甲", head: { id: "m", relation: "HEAD" } }, { name: "甲", head: { id: "m", relation: "SON" } })).toEqual([
      { field: "name", kind: "value", value: "甲" },
      { field: "head", kind: "change", before: { id: "m", relation: "HEAD" }, after: { id: "m", relation: "SON" } },
    ]);
  });

  it("puts the fields in the order given, whatever order they were stored in, unknown ones last", () => {
    const lines = auditLines(null, { status: "PENDING", colour: "red", householdId: "h1", category: "RED" }, ["householdId", "category", "status"]);
    expect(lines.map((line) => line.field)).toEqual(["householdId", "category", "status", "colour"]);
  });

  it("reads a removal as the values removed", () => {
    expect(auditLines({ code: "R01" }, null)).toEqual([{ field: "code", kind: "value", value: "R01" }]);
  });

  it("has no lines for a record without before or after, and one unnamed line for bare values", () => {
    expect(auditLines(null, null)).toEqual([]);
    expect(auditLines(undefined, undefined)).toEqual([]);
    expect(auditLines("a", "b")).toEqual([{ field: "", kind: "change", before: "a", after: "b" }]);
    expect(auditLines(null, 3)).toEqual([{ field: "", kind: "value", value: 3 }]);
  });
});
