/**
 * The cell formats of the history files (CONTRACT section 6; the rules are in docs/contract.md,
 * "6. History files"). Each parser takes a trimmed cell and returns a number, or NaN when the
 * text is not of its kind; `expected` says what was expected, for the message
 * `"<cell>" is not <expected>`. No objects per call: a 5 M-row contact log parses three
 * timestamps a row.
 */
import { dayNumber } from './calendar.js';

export interface FieldKind {
  /** What the cell should have been, after "is not": `a duration (seconds, m:ss or h:mm:ss)`. */
  readonly expected: string;
  /** The value, or NaN when `text` (trimmed) is not of this kind. */
  readonly parse: (text: string) => number;
}

/** The message for a cell that is not of its kind (long cells cut, so a message stays one line). */
export function notA(text: string, kind: FieldKind): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `${JSON.stringify(shown)} is not ${kind.expected}`;
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A count of contacts: a number >= 0. Not necessarily whole: some exports average several days
 * (or report forecasts) into one row, and a fraction carries information a rounding would lose.
 */
export const COUNT: FieldKind = {
  expected: 'a count (a number >= 0)',
  parse: (text) => (DECIMAL.test(text) ? Number(text) : NaN),
};

/** A staff level: agents available, a number >= 0 (an average over the interval may be fractional). */
export const STAFF: FieldKind = {
  expected: 'a number of agents (a number >= 0)',
  parse: COUNT.parse,
};

const CLOCK_DURATION = /^(\d+):([0-5]\d)(?::([0-5]\d))?(\.\d+)?$/;

/**
 * A duration in seconds: `187`, `187.5`, `3:07` (m:ss, minutes unbounded), `1:02:03` (h:mm:ss);
 * the seconds may have a fraction (`3:07.5`).
 */
export const DURATION: FieldKind = {
  expected: 'a duration (seconds, m:ss or h:mm:ss)',
  parse: (text) => {
    if (DECIMAL.test(text)) return Number(text);
    const m = CLOCK_DURATION.exec(text);
    if (m === null) return NaN;
    const fraction = m[4] === undefined ? 0 : Number(m[4]);
    return m[3] === undefined
      ? Number(m[1]) * 60 + Number(m[2]) + fraction
      : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + fraction;
  },
};

const PERCENT = /^(\d+(?:\.\d*)?|\.\d+)\s*%$/;

/** A share 0..1, written `78%` (0% to 100%) or as a fraction `0.78`; returned as the fraction. */
export const PERCENTAGE: FieldKind = {
  expected: 'a percentage (78% or a fraction 0 to 1)',
  parse: (text) => {
    const m = PERCENT.exec(text);
    const value = m === null ? (DECIMAL.test(text) ? Number(text) : NaN) : Number(m[1]) / 100;
    return value <= 1 ? value : NaN;
  },
};

/** A calendar date `YYYY-MM-DD`, as a day number (src/history/calendar.ts). */
export const DATE: FieldKind = {
  expected: 'a date (YYYY-MM-DD)',
  parse: (text) => dayNumber(text) ?? NaN,
};

/**
 * The start of an interval as minutes after midnight: `HH:MM` (also `H:MM`, and `HH:MM:00` as
 * spreadsheets write times), 00:00 to 23:59.
 */
export const INTERVAL_START: FieldKind = {
  expected: 'an interval start (HH:MM)',
  parse: (text) => {
    const n = text.length;
    const colon = text.charCodeAt(1) === COLON ? 1 : 2;
    if (colon === 2 && text.charCodeAt(2) !== COLON) return NaN;
    if (n !== colon + 3 && !(n === colon + 6 && text.charCodeAt(colon + 3) === COLON && text.endsWith('00'))) return NaN;
    const h = digits(text, 0, colon);
    const m = digits(text, colon + 1, 2);
    return h < 0 || h > 23 || m < 0 || m > 59 ? NaN : h * 60 + m;
  },
};

/** `HH:MM` of minutes after midnight. */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const COLON = 58;
const DASH = 45;
const DOT = 46;
const ZERO = 48;

/**
 * A moment `YYYY-MM-DDTHH:MM:SS`, with a fraction of a second (`.250`) or not, and a space
 * allowed for the `T` (as databases print it); as seconds since 1970-01-01T00:00:00 of the same
 * clock: local time, no zone, no daylight-saving shift (the center's labels, like its dates).
 */
export const TIMESTAMP: FieldKind = {
  expected: 'a timestamp (YYYY-MM-DDTHH:MM:SS, fractions of a second allowed)',
  parse: (text) => {
    const n = text.length;
    if (n < 19 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return NaN;
    const t = text.charCodeAt(10);
    if ((t !== 84 && t !== 32) || text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return NaN;
    const day = civilDay(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    const h = digits(text, 11, 2);
    const m = digits(text, 14, 2);
    const s = digits(text, 17, 2);
    if (Number.isNaN(day) || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return NaN;
    let fraction = 0;
    if (n > 19) {
      // At most 9 decimals (nanoseconds): more is noise, and keeps the integer exact.
      if (text.charCodeAt(19) !== DOT || n === 20 || n > 29) return NaN;
      const f = digits(text, 20, n - 20);
      if (f < 0) return NaN;
      fraction = f / 10 ** (n - 20);
    }
    return day * 86_400 + h * 3600 + m * 60 + s + fraction;
  },
};

/** The integer of `count` decimal digits at `from`, or -1 when any is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The day number of a (proleptic Gregorian) year, month, day, or NaN when there is no such date;
 * the same as calendar.ts dayNumber, without its regular expression and Date (this runs three
 * times per contact). Days-from-civil after H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms".
 */
export function civilDay(year: number, month: number, day: number): number {
  if (year < 0 || month < 1 || month > 12 || day < 1) return NaN;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  if (day > length) return NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
