// Entries are dated by the calendar day in China (UTC+8 all year, no daylight saving time).
// Calendar days are handled as Dates at UTC midnight, as DATE columns arrive from the database.

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, "YYYY-MM-DD". */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * China's calendar day of an instant as a date at UTC midnight: dayToDate(chinaToday(instant)) by
 * arithmetic, without the string (the seed's generators ask it millions of times).
 */
export const chinaDateOf = (instant: Date): Date =>
  new Date(Math.floor((instant.getTime() + CHINA_OFFSET_MS) / 86_400_000) * 86_400_000);

/** A "YYYY-MM-DD" calendar day as a Date at UTC midnight. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export const dateToDay = (date: Date): string => date.toISOString().slice(0, 10);

/** An instant as a clock in China reads it, "YYYY-MM-DD HH:MM". */
export const chinaDateTime = (instant: Date): string =>
  new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");

/** The instant a "YYYY-MM-DD" calendar day begins in China (16:00 UTC the day before). */
export const chinaDayStart = (day: string): Date => new Date(dayToDate(day).getTime() - CHINA_OFFSET_MS);

/** The calendar day after a "YYYY-MM-DD" day. */
export const dayAfter = (day: string): string => dateToDay(new Date(dayToDate(day).getTime() + 86_400_000));

export type EntryDateProblem = "IN_FUTURE" | "BEFORE_REGISTRATION";

/**
 * An entry records something that happened: not later than today, and not before the
 * household was registered in the archive.
 */
export function checkOccurredOn(occurredOn: Date, registeredOn: Date, now: Date): EntryDateProblem | null {
  if (occurredOn.getTime() > dayToDate(chinaToday(now)).getTime()) return "IN_FUTURE";
  if (occurredOn.getTime() < registeredOn.getTime()) return "BEFORE_REGISTRATION";
  return null;
}
