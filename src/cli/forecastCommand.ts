import { dateText, dayNumber, weekday, WEEKDAY_NAMES } from '../history/calendar.js';
import { ForecastError, forecastHistory, type ForecastResult } from '../history/forecast.js';
import { FORECAST_DEFAULTS, type ForecastOptions } from '../history/forecastOptions.js';
import { forecastCsv, forecastJson } from '../history/forecastOutput.js';
import { cellIndex } from '../history/types.js';
import { readHolidaysFile } from '../node/forecastHistoryFile.js';
import { readIntervalHistoryFile } from '../node/historyFiles.js';
import { columnsFlag, commandLine, integerFlag } from './flags.js';
import { table, wrap } from './format.js';
import { UsageError, type CliIo } from './io.js';
import { checkOutputFiles, writeOutputFiles } from './outputFiles.js';

export const FORECAST_USAGE = `Usage: ccsim forecast <history.csv> --start YYYY-MM-DD --days N [options]

Forecast volume and AHT per date, interval and contact type from an interval history
(date,interval_start,type,offered[,answered,abandoned,aht,...]), with an 80% prediction interval
of one day's count, and back-test the method on the history's last weeks beside the seasonal
naive forecast (same weekday and interval one week earlier). Method: docs/forecast.md.

Options:
  --start YYYY-MM-DD    first date forecast: any day after the history's last date
  --days N              days forecast, 1 to ${FORECAST_DEFAULTS.maxDays}
  --backtest-weeks K    weeks back-tested at the end of the history, each forecast only from
                        the days before it (default ${FORECAST_DEFAULTS.backtestWeeks}); the history needs K + ${FORECAST_DEFAULTS.minFitWeeks} weeks
  --holidays FILE       special days, one YYYY-MM-DD per line: left out of the fit and the
                        backtest; a forecast date in the file is forecast as an ordinary day of
                        its weekday and flagged
  --columns MAP         the history's headers for the contract's columns, e.g.
                        offered="Calls Offered",aht=AHT
  --out FILE            write the forecast CSV date,interval_start,type,volume,aht,volume_lo,
                        volume_hi (the center's opening hours; written only on success)
  --json                print { method, byType: { <type>: { backtest, ... } }, rows } on stdout
  -h, --help            show this help
`;

/** Where each forecast option comes from on the command line. */
const FLAG_OF: Record<keyof ForecastOptions, string> = {
  startDay: '--start',
  days: '--days',
  backtestWeeks: '--backtest-weeks',
  holidays: '--holidays',
};

/** The flags of `ccsim forecast`. */
const FORECAST_FLAGS = {
  start: { type: 'string' },
  days: { type: 'string' },
  'backtest-weeks': { type: 'string' },
  holidays: { type: 'string' },
  columns: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function forecastCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, FORECAST_USAGE, FORECAST_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  if (positionals.length !== 1) throw new UsageError(`expected one interval history file, got ${positionals.length} (see ccsim forecast --help)`);
  const historyFile = positionals[0]!;
  if (values.start === undefined) throw new UsageError('--start: required (the first date to forecast, YYYY-MM-DD)');
  const startDay = dayNumber(values.start.trim());
  if (startDay === undefined) throw new UsageError(`--start: expected a date YYYY-MM-DD, got ${JSON.stringify(values.start)}`);
  if (values.days === undefined) throw new UsageError('--days: required (how many days to forecast)');
  const days = integerFlag('--days', values.days, 0, 1);
  if (days > FORECAST_DEFAULTS.maxDays) throw new UsageError(`--days: at most ${FORECAST_DEFAULTS.maxDays}, got ${days}`);
  const backtestWeeks = integerFlag('--backtest-weeks', values['backtest-weeks'], FORECAST_DEFAULTS.backtestWeeks, 1);
  const columns = columnsFlag('--columns', values.columns);
  const outFile = { flag: '--out', path: values.out };
  await checkOutputFiles([outFile]);
  const holidays = values.holidays === undefined ? [] : await readHolidaysFile(values.holidays);
  const history = await readIntervalHistoryFile(historyFile, { columns });
  let result: ForecastResult;
  try {
    result = forecastHistory(history, { startDay, days, backtestWeeks, holidays });
  } catch (error) {
    if (error instanceof ForecastError) throw new UsageError(`${FLAG_OF[error.option]}: ${error.message}`);
    throw error;
  }
  await writeOutputFiles([{ ...outFile, text: () => forecastCsv(result) }]);
  io.stdout(values.json ? `${JSON.stringify(forecastJson(result), null, 2)}\n` : forecastReport(result, historyFile, history.lastDay));
  return 0;
}

/** Beyond this many days the readable report totals each week instead of each day. */
const DAILY_ROWS_UP_TO = 42;

const pct = (x: number | null, digits = 1) => (x === null ? '-' : `${(x * 100).toFixed(digits)}%`);
const signedPct = (x: number | null) => (x === null ? '-' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const whole = (x: number) => Math.round(x).toLocaleString('en-US');

/** The readable report: the backtest per type, then the forecast's daily (or weekly) totals. */
export function forecastReport(result: ForecastResult, source: string, historyLastDay: number): string {
  const { types, startDay, days } = result;
  const end = startDay + days - 1;
  const out: string[] = [];
  out.push(wrap(`Forecast of ${source}: ${dateText(startDay)} to ${dateText(end)} (${days} day${days === 1 ? '' : 's'}), ${result.intervalMinutes}-minute intervals`));
  out.push(wrap(`Method: ${result.method} (docs/forecast.md)`));
  out.push('');
  const weeks = result.byType[0]?.backtest.weeks ?? 0;
  out.push(`Backtest: ${weeks} week${weeks === 1 ? '' : 's'}, ${dateText(historyLastDay - 7 * weeks + 1)} to ${dateText(historyLastDay)}, each forecast from the days before it`);
  out.push(
    table(
      ['type', 'WAPE', 'naive WAPE', 'bias', '80% band', 'day cv', 'trend/week', 'outliers'],
      result.byType.map((t) => [
        t.type,
        pct(t.backtest.wape),
        pct(t.backtest.baselineWape),
        signedPct(t.backtest.bias),
        pct(t.backtest.coverage80),
        pct(t.dayCv),
        signedPct(t.weeklyGrowth),
        String(t.outlierDays.length),
      ]),
    ),
  );
  out.push('WAPE = sum |actual - forecast| / sum actual over the intervals; naive = the same weekday one');
  out.push('week earlier; bias > 0: forecast too high; 80% band: share of intervals inside it.');
  out.push('');

  const totals = (d: number) => types.map((_, t) => {
    let sum = 0;
    for (let s = 0; s < result.slots; s++) sum += result.volume[cellIndex(result.slots, types.length, d, t, s)]!;
    return sum;
  });
  const holidays = new Set(result.holidayDays);
  if (days <= DAILY_ROWS_UP_TO) {
    out.push('Forecast volume per day');
    const rows = Array.from({ length: days }, (_, d) => {
      const day = startDay + d;
      return [dateText(day), `${WEEKDAY_NAMES[weekday(day)]}${holidays.has(day) ? ' *' : ''}`, ...totals(d).map(whole)];
    });
    out.push(table(['date', 'day', ...types], rows, { keys: 2 }));
  } else {
    out.push('Forecast volume per week (from the first date of each)');
    const rows = [];
    for (let d = 0; d < days; d += 7) {
      const sums = types.map(() => 0);
      for (let k = d; k < Math.min(days, d + 7); k++) totals(k).forEach((v, t) => (sums[t]! += v));
      rows.push([dateText(startDay + d), `${Math.min(7, days - d)}`, ...sums.map(whole)]);
    }
    out.push(table(['from', 'days', ...types], rows, { keys: 2 }));
  }
  out.push('');

  const notes: string[] = [];
  if (result.holidayDays.length > 0) notes.push(`* holiday (--holidays): forecast as an ordinary ${result.holidayDays.length === 1 ? 'day' : 'days'} of its weekday: ${result.holidayDays.map(dateText).join(', ')}`);
  if (result.excludedDays.length > 0) notes.push(`Holidays left out of the fit and the backtest: ${result.excludedDays.map(dateText).join(', ')}`);
  for (const t of result.byType) {
    if (t.outlierDays.length > 0) notes.push(`${t.type}: outlier days left out (actual / expected): ${t.outlierDays.map((o) => `${dateText(o.day)} x${o.ratio.toFixed(2)}`).join(', ')}`);
  }
  const closed = result.byType[0]?.closedWeekdays ?? [];
  if (closed.length > 0 && result.byType.every((t) => t.closedWeekdays.join() === closed.join())) {
    notes.push(`Closed (no contacts in the last ${FORECAST_DEFAULTS.fitWeeks} weeks), forecast 0: ${closed.map((w) => WEEKDAY_NAMES[w]).join(', ')}`);
  } else {
    for (const t of result.byType) if (t.closedWeekdays.length > 0) notes.push(`${t.type}: no contacts on ${t.closedWeekdays.map((w) => WEEKDAY_NAMES[w]).join(', ')}: forecast 0`);
  }
  if (!result.hasAht) notes.push('The history has no aht column: the forecast has no AHT.');
  notes.push('Per interval volume, AHT and the 80% band of one day\'s count: --out FILE or --json.');
  out.push(wrap(notes.join('\n')));
  return `${out.join('\n')}\n`;
}
