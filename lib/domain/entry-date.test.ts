import { describe, expect, it } from "vitest";
import { checkOccurredOn, chinaDateTime, chinaDayStart, chinaToday, dayToDate } from "./entry-date";

describe("chinaToday", () => {
  it("is already tomorrow in China from 16:00 UTC", () => {
    expect(chinaToday(new Date("2026-11-20T15:59:59.999Z"))).toBe("2026-11-20");
    expect(chinaToday(new Date("2026-11-20T16:00:00.000Z"))).toBe("2026-11-21");
  });
});

describe("chinaDayStart", () => {
  it("is 16:00 UTC the day before, the first instant chinaToday names that day", () => {
    const start = chinaDayStart("2026-11-21");
    expect(start.toISOString()).toBe("2026-11-20T16:00:00.000Z");
    expect(chinaToday(start)).toBe("2026-11-21");
    expect(chinaToday(new Date(start.getTime() - 1))).toBe("2026-11-20");
    expect(chinaDayStart("2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});

describe("chinaDateTime", () => {
  it("reads the clock in China, to the minute, across the day and the year", () => {
    expect(chinaDateTime(new Date("2026-12-31T15:59:59.999Z"))).toBe("2026-12-31 23:59");
    expect(chinaDateTime(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01 00:00");
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
