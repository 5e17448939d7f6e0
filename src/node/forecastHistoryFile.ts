import { readFile } from 'node:fs/promises';
import { dayNumber } from '../history/calendar.js';
import { ForecastError, forecastHistory, type ForecastResult } from '../history/forecast.js';
import { HolidayFileError, parseHolidays } from '../history/holidays.js';
import type { ColumnMap, IntervalHistory } from '../history/types.js';
import { readIntervalHistoryFile } from './historyFiles.js';
import { InputError } from './inputError.js';

/** Options of the Node API's `forecast`. */
export interface ForecastApiOptions {
  /** First date forecast, `YYYY-MM-DD`: after the history's last date. */
  readonly start: string;
  /** Days forecast (1..366). */
  readonly days: number;
  /** Weeks back-tested at the end of the history (default 4). */
  readonly backtestWeeks?: number;
  /** Special days `YYYY-MM-DD`: left out of the fits and the backtest; flagged when forecast. */
  readonly holidays?: readonly string[];
  /** `--columns`: the contract's column name -> this export's header (when `history` is a path). */
  readonly columns?: ColumnMap;
}

/**
 * Forecast volume and AHT per date, interval and contact type from an interval history (a CSV
 * path, read as `ccsim forecast` reads it, or an IntervalHistory), with the contract's backtest.
 * Bad options throw a RangeError naming the option; an unreadable or malformed file an InputError.
 */
export async function forecast(history: string | IntervalHistory, options: ForecastApiOptions): Promise<ForecastResult> {
  const startDay = dayNumber(options.start);
  if (startDay === undefined) throw new RangeError(`start: expected a date YYYY-MM-DD, got ${JSON.stringify(options.start)}`);
  const holidays = (options.holidays ?? []).map((text) => {
    const day = dayNumber(text);
    if (day === undefined) throw new RangeError(`holidays: expected dates YYYY-MM-DD, got ${JSON.stringify(text)}`);
    return day;
  });
  const table = typeof history === 'string' ? await readIntervalHistoryFile(history, { columns: options.columns }) : history;
  try {
    return forecastHistory(table, { startDay, days: options.days, holidays, backtestWeeks: options.backtestWeeks });
  } catch (error) {
    if (error instanceof ForecastError) throw new RangeError(`${error.option === 'startDay' ? 'start' : error.option}: ${error.message}`);
    throw error;
  }
}

/** The days of a `--holidays` file. @throws InputError naming the file (and line) */
export async function readHolidaysFile(path: string): Promise<number[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error))}`);
  }
  try {
    return parseHolidays(text, path);
  } catch (error) {
    if (error instanceof HolidayFileError) throw new InputError(error.message);
    throw error;
  }
}
