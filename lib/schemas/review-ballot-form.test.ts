import { describe, expect, it } from "vitest";
import { CastBallotSchema } from "./reviews";
import { OBJECTION_FIELD, objectionsFrom, reasonField, withEntryKeys } from "./review-ballot-form";

const A = "0190a0b0-0000-7000-8000-000000000001";
const B = "0190a0b0-0000-7000-8000-000000000002";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("the ballot form's fields", () => {
  it("turns each objection and its reason into an exception the contract accepts", () => {
    const objections = objectionsFrom(form([[OBJECTION_FIELD, A], [reasonField(A), "未核实"], [OBJECTION_FIELD, B], [reasonField(B), "重复"]]));
    expect(objections).toEqual([
      { entryId: A, decision: "REJECT", reason: "未核实" },
      { entryId: B, decision: "REJECT", reason: "重复" },
    ]);
    expect(CastBallotSchema.parse({ defaultDecision: "APPROVE", exceptions: objections }).exceptions).toHaveLength(2);
  });

  it("counts an entry objected to twice once, and a blank reason as none (which the contract refuses)", () => {
    const objections = objectionsFrom(form([[OBJECTION_FIELD, A], [OBJECTION_FIELD, A], [reasonField(A), "  "]]));
    expect(objections).toEqual([{ entryId: A, decision: "REJECT", reason: undefined }]);
    expect(CastBallotSchema.safeParse({ exceptions: objections }).success).toBe(false);
  });

  it("files an error about the n-th exception under that entry's reason field", () => {
    const objections = objectionsFrom(form([[OBJECTION_FIELD, A], [reasonField(A), "x"], [OBJECTION_FIELD, B]]));
    const state = withEntryKeys({ ok: false, message: "m", fieldErrors: { "exceptions.1.reason": "请写明理由", other: "o" } }, objections);
    expect(state.fieldErrors).toEqual({ [reasonField(B)]: "请写明理由", other: "o" });
    const done: { ok: boolean; fieldErrors?: Record<string, string> } = { ok: true };
    expect(withEntryKeys(done, objections)).toEqual({ ok: true });
  });
});
