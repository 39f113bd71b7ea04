import { describe, expect, it } from "vitest";
import { canTransition, nextStatus } from "./entry-lifecycle";
import { CATEGORIES, STATUSES } from "./scoring";

describe("the entry lifecycle", () => {
  it("lets the review decide pending entries only", () => {
    for (const status of STATUSES) {
      expect(canTransition({ category: "RED", status }, "CONFIRM")).toBe(status === "PENDING");
      expect(canTransition({ category: "BLACK", status }, "REJECT")).toBe(status === "PENDING");
    }
    expect(nextStatus({ category: "RED", status: "PENDING" }, "CONFIRM")).toEqual({ to: "CONFIRMED", event: "CONFIRMED" });
  });

  it("rectifies a yellow, pending or confirmed, and nothing else; asking follows the same rule", () => {
    for (const category of CATEGORIES) {
      for (const status of STATUSES) {
        const allowed = category === "YELLOW" && (status === "PENDING" || status === "CONFIRMED");
        expect(canTransition({ category, status }, "RECTIFY"), `${category} ${status}`).toBe(allowed);
        expect(canTransition({ category, status }, "REQUEST_RECTIFICATION"), `${category} ${status}`).toBe(allowed);
      }
    }
    expect(nextStatus({ category: "YELLOW", status: "CONFIRMED" }, "REQUEST_RECTIFICATION")).toEqual({ to: "CONFIRMED", event: "RECTIFICATION_REQUESTED" });
  });

  it("voids what still stands, never twice, and leaves a rejected entry as the review left it", () => {
    expect(canTransition({ category: "BLACK", status: "CONFIRMED" }, "VOID")).toBe(true);
    expect(canTransition({ category: "YELLOW", status: "RECTIFIED" }, "VOID")).toBe(true);
    expect(nextStatus({ category: "RED", status: "VOIDED" }, "VOID")).toBeNull();
    expect(nextStatus({ category: "RED", status: "REJECTED" }, "VOID")).toBeNull();
  });

  it("lets a household appeal a yellow or black that still counts, and answers every appeal", () => {
    for (const status of STATUSES) expect(canTransition({ category: "BLACK", status }, "LODGE_APPEAL")).toBe(status === "PENDING" || status === "CONFIRMED");
    for (const status of STATUSES) expect(canTransition({ category: "RED", status }, "LODGE_APPEAL")).toBe(false);
    expect(nextStatus({ category: "RED", status: "VOIDED" }, "UPHOLD_APPEAL")).toEqual({ to: "VOIDED", event: "VOIDED" });
    expect(nextStatus({ category: "RED", status: "CONFIRMED" }, "DISMISS_APPEAL")).toEqual({ to: "CONFIRMED", event: "APPEAL_DISMISSED" });
  });
});
