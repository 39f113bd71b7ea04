import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { MAX_DAILY_ITEMS } from "@/lib/navigation";
import { navigationFor } from "./navigation";

const roles = ["ADMIN", "TOWNSHIP_OFFICIAL", "CLERK", "REPRESENTATIVE", "HOUSEHOLD"] as const;
const daily = (role: (typeof roles)[number]) => navigationFor(role).filter((item) => item.isDaily).map((item) => item.labelKey);

describe("the menu on a phone", () => {
  it("puts each role's daily pages in the bottom bar, the rest behind 更多", () => {
    expect(daily("CLERK")).toEqual(["home", "recordEntry", "reviews", "households"]);
    expect(daily("REPRESENTATIVE")).toEqual(["home", "reviews", "ruleSets"]);
    expect(daily("HOUSEHOLD")).toEqual(["home", "account"]);
    expect(daily("TOWNSHIP_OFFICIAL")).toEqual(["township", "rankings", "extracts", "selection"]);
    expect(daily("ADMIN")).toEqual(["township", "accounts", "villages", "audit"]);
  });

  it.each(roles)("gives %s a bar that fits a phone, with at least one item", (role) => {
    expect(daily(role).length).toBeGreaterThan(0);
    expect(daily(role).length).toBeLessThanOrEqual(MAX_DAILY_ITEMS);
  });

  it.each([["zh-CN", zh], ["en", en]] as const)("has every label in %s: the full one, and a short one for the bar", (_, messages) => {
    const nav: Record<string, unknown> & { short: Record<string, string> } = messages.nav;
    for (const role of [...roles, "ANONYMOUS"] as const) {
      for (const item of navigationFor(role)) {
        expect(nav[item.labelKey], item.labelKey).toEqual(expect.any(String));
        if (item.isDaily) expect(nav.short[item.labelKey], `short.${item.labelKey}`).toEqual(expect.any(String));
      }
    }
    expect([nav.more, nav.close, nav.menu]).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
  });
});
