import { describe, expect, it } from "vitest";
import { currentHref } from "./navigation";

describe("the menu item of the page open", () => {
  const hrefs = ["/", "/entries/new", "/entries", "/township", "/township/rankings", "/account/tokens", "/account"];

  it("is the item of the page itself", () => {
    expect(currentHref("/", hrefs)).toBe("/");
    expect(currentHref("/entries", hrefs)).toBe("/entries");
    expect(currentHref("/township/rankings", hrefs)).toBe("/township/rankings");
  });

  it("is the nearest parent of a page under it, never the home page", () => {
    expect(currentHref("/entries/new", hrefs)).toBe("/entries/new");
    expect(currentHref("/entries/cm5x1", hrefs)).toBe("/entries");
    expect(currentHref("/account/tokens", hrefs)).toBe("/account/tokens");
    expect(currentHref("/account/password", hrefs)).toBe("/account");
    expect(currentHref("/notices/abc", hrefs)).toBeUndefined();
  });

  it("needs a whole path segment to match", () => {
    expect(currentHref("/entries-export", hrefs)).toBeUndefined();
    expect(currentHref("/townships", hrefs)).toBeUndefined();
  });
});
