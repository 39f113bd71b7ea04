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

  it("rectifies a yellow, pending or confirmed, and nothing else", () => {
    for (const category of CATEGORIES) {
      for (const status of STATUSES) {
        const allowed = category === "YELLOW" && (status === "PENDING" || status === "CONFIRMED");
        expect(canTransition({ category, status }, "RECTIFY"), `${category} ${status}`).toBe(allowed);
      }
    }
  });

  it("voids what still stands, never twice, and leaves a rejected entry as the review left it", () => {
    expect(canTransition({ category: "BLACK", status: "CONFIRMED" }, "VOID")).toBe(true);
    expect(canTransition({ category: "YELLOW", status: "RECTIFIED" }, "VOID")).toBe(true);
    expect(nextStatus({ category: "RED", status: "VOIDED" }, "VOID")).toBeNull();
    expect(nextStatus({ category: "RED", status: "REJECTED" }, "VOID")).toBeNull();
  });
});
