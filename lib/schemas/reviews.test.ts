import { describe, expect, it } from "vitest";
import { CastBallotSchema, EnterPaperBallotSchema } from "./reviews";

const REP = "0190a0b0-0000-7000-8000-0000000000aa";
const A = "0190a0b0-0000-7000-8000-000000000001";

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("one ballot rule for phone and paper ballots", () => {
  it.each([
    ["phone", (b: object) => CastBallotSchema.safeParse(b)],
    ["paper", (b: object) => EnterPaperBallotSchema.safeParse({ representativeId: REP, ...b })],
  ])("a %s ballot needs a reason for every objection", (_, parse) => {
    expect(issuesOf(parse({ defaultDecision: "APPROVE", exceptions: [{ entryId: A, decision: "REJECT" }] })))
      .toEqual(["exceptions.0.reason: validation.objectionReasonRequired"]);
    expect(parse({ defaultDecision: "APPROVE", exceptions: [{ entryId: A, decision: "REJECT", reason: "未核实" }] }).success).toBe(true);
    expect(parse({ defaultDecision: "ABSTAIN", exceptions: [{ entryId: A, decision: "ABSTAIN" }] }).success).toBe(true);
  });

  it.each([
    ["phone", (b: object) => CastBallotSchema.safeParse(b)],
    ["paper", (b: object) => EnterPaperBallotSchema.safeParse({ representativeId: REP, ...b })],
  ])("a %s ballot cannot reject every entry at once without reasons", (_, parse) => {
    expect(issuesOf(parse({ defaultDecision: "REJECT", exceptions: [] }))).toEqual(["defaultDecision: validation.ballotDefaultInvalid"]);
    expect(parse({}).success).toBe(true);
  });
});
