import { dayNumber } from '../history/calendar.js';
import { ContactLogError, ContactLogSummary } from '../history/contactLogSummary.js';
import { ForecastError } from '../history/forecast.js';
import { FitError, fitScenario, type FitOutput } from '../history/fitScenario.js';
import type { ColumnMap, IntervalHistory } from '../history/types.js';
import { parseScenario, type Scenario } from '../scenario/index.js';
import { loadScenarioFile } from './loadScenarioFile.js';
import { readContactLogFile, readIntervalHistoryFile } from './historyFiles.js';
import { InputError } from './inputError.js';
import { readHolidaysFile } from './forecastHistoryFile.js';

/** Options of `fit`: the history (a file or tables already read), the contact log, the date. */
export interface FitApiOptions {
  /** Interval history CSV file (CONTRACT section 6), or the table already read. */
  readonly history: string | IntervalHistory;
  /** Contact log CSV file (optional): patience and handle time are then fitted from it. */
  readonly contacts?: string;
  /** Date to fit, YYYY-MM-DD (default: the first open day after the history). */
  readonly date?: string;
  /** `--columns`: the contract's column names -> this export's headers. */
  readonly columns?: ColumnMap;
  /**
   * Special days (a file of YYYY-MM-DD lines, as `forecast --holidays`, or day numbers): left out
   * of the forecast behind the volume and of its backtest behind volumeUncertainty.cv.
   */
  readonly holidays?: string | readonly number[];
}

/** `fit`'s result: the fitted scenario, every estimate with its standard error, and notes. */
export type FitApiOutput = FitOutput;

/**
 * Fit a scenario's volumes, handle times, patience and volume uncertainty to a center's history
 * (docs/fit.md). The files are streamed (a 5 M-row contact log keeps a few numbers per type).
 * @throws InputError naming the file or option at fault (the CLI's exit 2)
 */
export async function fit(source: string | Scenario | Record<string, unknown>, options: FitApiOptions): Promise<FitApiOutput> {
  const scenario = typeof source === 'string' ? await loadScenarioFile(source) : parseScenario(source);
  let day: number | undefined;
  if (options.date !== undefined) {
    day = dayNumber(options.date);
    if (day === undefined) throw new InputError(`--date: must be a calendar date YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
  }
  const columns = { columns: options.columns };
  const holidays = typeof options.holidays === 'string' ? await readHolidaysFile(options.holidays) : options.holidays;
  const history = typeof options.history === 'string' ? await readIntervalHistoryFile(options.history, columns) : options.history;
  let contacts: ContactLogSummary | undefined;
  if (options.contacts !== undefined) {
    const summary = new ContactLogSummary();
    const file = options.contacts;
    await readContactLogFile(file, columns, (row) => {
      try {
        summary.add(row);
      } catch (error) {
        if (error instanceof ContactLogError) throw new InputError(`${file}:${error.message}`);
        throw error;
      }
    });
    contacts = summary;
  }
  try {
    return fitScenario(scenario, { history, contacts, day, holidays });
  } catch (error) {
    if (error instanceof FitError) throw new InputError(`--${error.option}: ${error.message}`);
    if (error instanceof ForecastError) throw new InputError(`${error.option === 'startDay' ? '--date' : '--history'}: ${error.message}`);
    throw error;
  }
}
