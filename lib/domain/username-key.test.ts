import { describe, expect, it } from "vitest";
import { usernameKey } from "./username-key";

describe("usernameKey", () => {
  it("makes names that differ only in case, width or surrounding space the same key", () => {
    expect(usernameKey("JS-XH-00001")).toBe("js-xh-00001");
    expect(usernameKey("  js-xh-00001 ")).toBe("js-xh-00001");
    expect(usernameKey("ＪＳ－ＸＨ－００００１")).toBe("js-xh-00001");
    expect(usernameKey("Clerk-XinHua")).toBe(usernameKey("clerk-xinhua"));
  });

  it("keeps names that really differ apart", () => {
    expect(usernameKey("clerk-xinhua")).not.toBe(usernameKey("clerk-xinhua-2"));
    expect(usernameKey("js-xh-00001")).not.toBe(usernameKey("js-xh-0001"));
  });
});
