import { describe, expect, it } from "vitest";
import { z } from "zod";
import { HouseholdSearchSchema } from "@/lib/schemas/accounts";
import { multiLineText, singleLineText } from "@/lib/schemas/common";
import { ImportRowSchema } from "@/lib/schemas/household-import";
import { operations } from "./registry";

// Issue 7 point 8: every string a client sends must refuse a NUL (PostgreSQL refuses it in text,
// so it would end in a 500). The rule lives in lib/schemas/common.ts; this test finds any input
// string that does not go through it, in every operation and in the schemas only pages use.

type Node = { type?: unknown; format?: string; pattern?: string; enum?: unknown[]; const?: unknown; [key: string]: unknown };
type Leaf = { path: string[]; node: Node };

function stringLeaves(node: unknown, path: string[] = []): Leaf[] {
  if (!node || typeof node !== "object") return [];
  const n = node as Node;
  const out: Leaf[] = n.type === "string" ? [{ path, node: n }] : [];
  for (const key of ["anyOf", "oneOf"]) for (const sub of (n[key] as unknown[] | undefined) ?? []) out.push(...stringLeaves(sub, path));
  for (const [name, sub] of Object.entries((n.properties as Record<string, unknown> | undefined) ?? {})) out.push(...stringLeaves(sub, [...path, name]));
  if (n.items) out.push(...stringLeaves(n.items, [...path, "[]"]));
  return out;
}

const HOSTILE = "a\u0000b";
const patternsOf = (n: Node) => [n.pattern, ...((n.allOf as Node[] | undefined) ?? []).map((p) => p.pattern)].filter((p): p is string => !!p);
const refusesByDeclaration = (n: Node) =>
  n.format === "binary" || // a file part, never text
  (n.enum !== undefined && !n.enum.some((v) => typeof v === "string" && v.includes("\u0000"))) ||
  (typeof n.const === "string" && !n.const.includes("\u0000")) ||
  patternsOf(n).some((p) => !new RegExp(p).test(HOSTILE));

// A string without a declared pattern (z.stringbool, for one) is tried for real.
const refusesWhenParsed = (schema: z.ZodType, path: string[]) =>
  path.length === 1 && schema.safeParse({ [path[0]!]: HOSTILE }).error?.issues.some((i) => i.path.join(".") === path[0]) === true;

const inputs: [string, z.ZodType][] = [
  ...operations.flatMap((op) => (["params", "query", "body"] as const)
    .filter((part) => op[part])
    .map((part): [string, z.ZodType] => [`${op.id} ${part}`, op[part] as z.ZodType])),
  ["HouseholdSearchSchema (access-code page)", HouseholdSearchSchema],
  ["ImportRowSchema (import file cells)", ImportRowSchema],
];

describe("every input string refuses control characters", () => {
  it.each(inputs)("%s", (_name, schema) => {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
    const open = stringLeaves(json)
      .filter(({ path, node }) => !refusesByDeclaration(node) && !refusesWhenParsed(schema, path))
      .map(({ path }) => path.join("."));
    expect(open, "build these with singleLineText/multiLineText from lib/schemas/common.ts").toEqual([]);
  });

  it("finds strings in the operations at all (the walk is not vacuous)", () => {
    const leaves = inputs.flatMap(([, schema]) => stringLeaves(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" })));
    expect(leaves.length).toBeGreaterThan(50);
    expect(refusesByDeclaration({ type: "string" })).toBe(false);
  });
});

describe("singleLineText and multiLineText", () => {
  it("refuse NUL and other C0 controls; only multi-line text keeps tabs and line breaks", () => {
    for (const c of ["\u0000", "\u0001", "\u0007", "\u001b", "\u001f"]) {
      expect(singleLineText().safeParse(`张${c}三`).success, JSON.stringify(c)).toBe(false);
      expect(multiLineText().safeParse(`张${c}三`).success, JSON.stringify(c)).toBe(false);
    }
    for (const c of ["\t", "\n", "\r"]) {
      expect(singleLineText().safeParse(`张${c}三`).success, JSON.stringify(c)).toBe(false);
      expect(multiLineText().safeParse(`张${c}三`).data).toBe(`张${c}三`);
    }
    expect(singleLineText().safeParse("  张三 \n").data).toBe("张三"); // trimmed before the check
    expect(singleLineText().safeParse("张三 · O'Neil 😀 ＡＢ").success).toBe(true);
    expect(singleLineText().safeParse("\u0000").error?.issues[0]?.message).toBe("validation.controlCharacters");
  });
});
