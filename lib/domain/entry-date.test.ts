import { describe, expect, it } from "vitest";
import { checkOccurredOn, chinaToday, dayToDate } from "./entry-date";

describe("chinaToday", () => {
  it("is already tomorrow in China from 16:00 UTC", () => {
    expect(chinaToday(new Date("2026-11-20T15:59:59.999Z"))).toBe("2026-11-20");
    expect(chinaToday(new Date("2026-11-20T16:00:00.000Z"))).toBe("2026-11-21");
  });
});

describe("checkOccurredOn", () => {
  const registered = dayToDate("2020-03-15");
  const now = new Date("2026-11-20T16:30:00.000Z"); // 00:30 on 21 November in China

  it("accepts today in China and the day of registration", () => {
    expect(checkOccurredOn(dayToDate("2026-11-21"), registered, now)).toBeNull();
    expect(checkOccurredOn(registered, registered, now)).toBeNull();
  });

  it("refuses a day after today in China", () => {
    expect(checkOccurredOn(dayToDate("2026-11-22"), registered, now)).toBe("IN_FUTURE");
  });

  it("refuses a day before the household was registered", () => {
    expect(checkOccurredOn(dayToDate("2020-03-14"), registered, now)).toBe("BEFORE_REGISTRATION");
  });
});
