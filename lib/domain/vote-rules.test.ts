import { describe, expect, it } from "vitest";
import { hasQuorum, isPassed, missingForQuorum, quorumOf, tallyEntry, tallyMotion, type Attendee, type Decision } from "./vote-rules";

const rep = (id: string, ballot: Attendee["ballot"], homeHouseholdId: string | null = null): Attendee =>
  ({ representativeId: id, homeHouseholdId, ballot });
const approveAll = (exceptions: [string, Decision][] = []) => ({ defaultDecision: "APPROVE" as const, exceptions: new Map(exceptions) });

describe("quorum: at least two thirds of the roster attend", () => {
  it.each(Array.from({ length: 78 }, (_, i) => i + 3))("roster of %i: the two-thirds mark is valid, one fewer is not", (roster) => {
    const exact = Math.ceil((2 * roster) / 3);
    expect(quorumOf(roster)).toBe(exact);
    expect(hasQuorum(exact, roster)).toBe(true);
    expect(hasQuorum(exact - 1, roster)).toBe(false);
    expect(missingForQuorum(exact - 1, roster)).toBe(1);
    expect(missingForQuorum(exact, roster)).toBe(0);
  });

  it("is exact where two thirds is a whole number: 6 of 9, not 5", () => {
    expect(hasQuorum(6, 9)).toBe(true);
    expect(hasQuorum(5, 9)).toBe(false);
    expect(missingForQuorum(2, 9)).toBe(4);
  });

  it("has no valid meeting without representatives", () => {
    expect(hasQuorum(0, 0)).toBe(false);
    expect(missingForQuorum(0, 0)).toBe(1);
  });
});

describe("majority: more than half of those attending", () => {
  it("rejects at exactly half and passes at one more", () => {
    expect(isPassed(5, 10)).toBe(false);
    expect(isPassed(6, 10)).toBe(true);
    expect(isPassed(4, 7)).toBe(true);
    expect(isPassed(3, 7)).toBe(false);
  });

  it("counts abstentions and absent ballots among those attending", () => {
    expect(tallyMotion(["APPROVE", "APPROVE", "ABSTAIN", "ABSTAIN"])).toMatchObject({ attendees: 4, approve: 2, passed: false });
    expect(tallyMotion(["APPROVE", "APPROVE", "APPROVE", "REJECT", null])).toMatchObject({ attendees: 5, approve: 3, reject: 1, passed: true });
  });
});

describe("a review's ballots: approve all except …", () => {
  const entry = { id: "e1", householdId: "h1" };

  it("expands each ballot's exceptions per entry", () => {
    const attendees = [rep("a", approveAll([["e1", "REJECT"]])), rep("b", approveAll()), rep("c", approveAll([["e2", "REJECT"]]))];
    expect(tallyEntry(entry, attendees)).toEqual({ attendees: 3, approve: 2, reject: 1, abstain: 0, passed: true });
    expect(tallyEntry({ id: "e2", householdId: "h2" }, attendees)).toMatchObject({ approve: 2, reject: 1, passed: true });
  });

  it("takes a recused representative out of the entry's denominator", () => {
    // Four attend; one lives in h1. Of the three others two approve: 2 > 3/2 passes. Counted
    // with the recused one it would be 2 of 4, exactly half, and fail.
    const attendees = [
      rep("a", approveAll(), "h1"), rep("b", approveAll()), rep("c", approveAll()), rep("d", approveAll([["e1", "REJECT"]])),
    ];
    expect(tallyEntry(entry, attendees)).toEqual({ attendees: 3, approve: 2, reject: 1, abstain: 0, passed: true });
  });

  it("ignores a recused representative's vote on their own household even if one was recorded", () => {
    const attendees = [rep("a", approveAll([["e1", "APPROVE"]]), "h1"), rep("b", approveAll([["e1", "REJECT"]])), rep("c", approveAll([["e1", "REJECT"]]))];
    expect(tallyEntry(entry, attendees)).toMatchObject({ attendees: 2, approve: 0, passed: false });
  });

  it("counts an attendee without a ballot as attending but not approving", () => {
    const attendees = [rep("a", approveAll()), rep("b", null), rep("c", null)];
    expect(tallyEntry(entry, attendees)).toEqual({ attendees: 3, approve: 1, reject: 0, abstain: 0, passed: false });
  });
});
