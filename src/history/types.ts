/**
 * What ccsim reads from a center's history (CONTRACT section 6), in memory. The readers
 * (src/history/read*.ts for text, src/node for files) produce these; forecast, fit and replay
 * consume them. Dense typed arrays, not row objects: a year of 15-minute intervals for 30 types is
 * about 1 M cells, and a forecast reads each many times.
 *
 * Days are day numbers (src/history/calendar.ts). A table covers every day from `firstDay` to
 * `lastDay`; `open[d]` is 1 for a day with at least one row in the file (an open day) and 0 for a
 * day with none (closed: a Sunday, a holiday, a gap in the export). Within an open day, an
 * interval with no row counts as 0 offered (the contract's rule); optional columns hold NaN where
 * unknown. Slot s of a day is the interval starting at minute s * intervalMinutes after midnight.
 */

/** Index of (day d from firstDay, series k, slot s) in a table's arrays. */
export function cellIndex(slots: number, series: number, d: number, k: number, s: number): number {
  return (d * series + k) * slots + s;
}

export interface HistoryCalendar {
  /** Minutes per interval, inferred from the file's `interval_start` values (their gcd with 1440). */
  readonly intervalMinutes: number;
  /** Intervals per day: 1440 / intervalMinutes. */
  readonly slots: number;
  readonly firstDay: number;
  readonly lastDay: number;
  /** lastDay - firstDay + 1. */
  readonly days: number;
  /** Per day from firstDay: 1 when the file has at least one row for it. */
  readonly open: Uint8Array;
}

/** The interval history file: one series per contact type. */
export interface IntervalHistory extends HistoryCalendar {
  /** Contact type ids in order of first appearance in the file. */
  readonly types: readonly string[];
  /** Indexed by cellIndex(slots, types.length, d, t, s). 0 where an open day has no row. */
  readonly offered: Float64Array;
  /** NaN where unknown (column absent or cell empty). */
  readonly answered: Float64Array;
  readonly abandoned: Float64Array;
  /** Seconds, handle time including after-contact work. */
  readonly aht: Float64Array;
  /** Seconds. */
  readonly asa: Float64Array;
  /** Fraction 0..1 (a `78%` cell is stored as 0.78). */
  readonly serviceLevel: Float64Array;
  /** Which optional columns the file has. */
  readonly columns: ReadonlySet<'answered' | 'abandoned' | 'aht' | 'asa' | 'service_level'>;
  /** Data rows read. */
  readonly rows: number;
}

/** The staff history file: one series per agent group. */
export interface StaffHistory extends HistoryCalendar {
  readonly groups: readonly string[];
  /** Agents available, indexed by cellIndex(slots, groups.length, d, g, s); NaN where no row. */
  readonly staff: Float64Array;
  readonly rows: number;
}

export type ContactOutcome = 'answered' | 'abandoned';

/**
 * One contact of the contact log. A reader hands the same object to its visitor for every row
 * (a 5 M-row log must not become 5 M objects): copy what you keep.
 */
export interface ContactLogRow {
  /** 1-based line of the file. */
  line: number;
  type: string;
  /** Seconds since 1970-01-01T00:00:00 in the center's local time (fractions kept). */
  arrival: number;
  /** NaN for an abandoned contact. */
  answered: number;
  /** End of handling including after-contact work, or the moment of abandonment. */
  ended: number;
  outcome: ContactOutcome;
  /** Seconds of after-contact work within answered..ended; NaN when the column is absent or empty. */
  acw: number;
  /** '' when the column is absent or empty. */
  group: string;
}

/**
 * `--columns offered="Calls Offered",aht=AHT`: the contract's column name -> the header used by
 * this export (both matched case-insensitively after trimming).
 */
export type ColumnMap = Readonly<Record<string, string>>;
