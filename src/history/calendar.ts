/**
 * Calendar dates of a center's history as day numbers: whole days since 1970-01-01, in the
 * center's own local time (an ACD export has no time zone, and none is needed: a date and a
 * clock time are labels of the center's day, never instants). Integers make "one week earlier"
 * `day - 7` and a weekday `weekday(day)`, with no Date object and no daylight-saving surprises.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of `YYYY-MM-DD`, or undefined when the text is not a real calendar date. */
export function dayNumber(text: string): number | undefined {
  const m = DATE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** `YYYY-MM-DD` of a day number. */
export function dateText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday (ISO order: a planner's week starts on Monday). */
export function weekday(day: number): number {
  // 1970-01-01 (day 0) was a Thursday, ISO weekday 3.
  return (((day + 3) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
