import { describe, expect, it } from "vitest";
import { canOn, isRecused, policy, type Actor } from "./index";
import { navigationFor } from "./navigation";

const clerk: Pick<Actor, "role" | "homeHouseholdId"> = { role: "CLERK", homeHouseholdId: "home" };

describe("recusal, declared per permission", () => {
  it("covers recording, voiding, deciding rectifications, resolving appeals, issuing access codes and managing the household", () => {
    const recused = Object.keys(policy).filter((p) => isRecused(p as keyof typeof policy)).sort();
    expect(recused).toEqual(["accounts.issueAccessCode", "appeals.resolve", "entries.record", "entries.void", "extracts.request", "households.manage", "rectifications.decide", "reviews.vote", "selection.decide", "selection.nominate"]);
  });

  it("offers a recused action on every household but the actor's own", () => {
    expect(canOn(clerk, "entries.record", "neighbour")).toBe(true);
    expect(canOn(clerk, "entries.record", "home")).toBe(false);
    // Reading one's own household is no decision about it.
    expect(canOn(clerk, "archive.read", "home")).toBe(true);
    expect(canOn({ role: "REPRESENTATIVE", homeHouseholdId: null }, "entries.record", "neighbour")).toBe(false);
  });
});

describe("the menu, derived from the policy", () => {
  const labels = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.labelKey);

  it("gives each role the pages it may open", () => {
    expect(labels("CLERK")).toEqual(["home", "rankings", "recordEntry", "entries", "reviews", "households", "rectifications", "appeals", "ruleSets", "selection", "accessCodes", "tokens", "account"]);
    // Representatives may list their village's entries under review: the menu says so too.
    expect(labels("REPRESENTATIVE")).toEqual(["home", "entries", "reviews", "ruleSets", "tokens", "account"]);
    expect(labels("HOUSEHOLD")).toEqual(["home", "account"]);
    expect(labels("TOWNSHIP_OFFICIAL")).toContain("township");
    expect(labels("TOWNSHIP_OFFICIAL")).not.toContain("home");
    expect(labels("TOWNSHIP_OFFICIAL")).not.toContain("recordEntry");
    expect(labels("ANONYMOUS")).toEqual(["signIn"]);
  });
});
