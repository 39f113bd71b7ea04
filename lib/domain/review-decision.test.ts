import { describe, expect, it } from "vitest";
import { reviewDecisionReason } from "./review-decision";
import { tallyEntry } from "./vote-rules";

describe("the reason chained with a review's decision", () => {
  it("says the quarter, who took part, the approvals and the outcome", () => {
    expect(reviewDecisionReason({ year: 2026, quarter: 3 }, { attendees: 7, approve: 4, passed: true }))
      .toBe("2026年第3季度村民代表评议：参加7人，同意4票，通过");
  });

  it("counts the eligible attendees only: a recused representative is not among those taking part", () => {
    const ballot = { defaultDecision: "APPROVE" as const, exceptions: new Map() };
    const tally = tallyEntry({ id: "e", householdId: "h1" }, [
      { representativeId: "a", homeHouseholdId: "h1", ballot },
      { representativeId: "b", homeHouseholdId: "h2", ballot: { defaultDecision: "REJECT", exceptions: new Map() } },
    ]);
    expect(reviewDecisionReason({ year: 2025, quarter: 1 }, tally)).toBe("2025年第1季度村民代表评议：参加1人，同意0票，未通过");
  });
});
