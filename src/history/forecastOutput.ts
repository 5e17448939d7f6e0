import { CSV_DECIMALS, csvText, rounded } from '../experiment/intervalCsv.js';
import { formatClock } from '../scenario/index.js';
import { dateText, WEEKDAY_NAMES } from './calendar.js';
import type { BacktestScores, ForecastResult } from './forecast.js';
import { cellIndex } from './types.js';

/**
 * The forecast as the contract's rows, CSV and JSON (CONTRACT section 6). Rows cover the
 * center's opening hours (result.firstSlot..lastSlot, every type and date), so the rows of one
 * date are one scenario day from the first to the last interval the history ever had a contact in.
 */

/** One row of `ccsim forecast --out` / `--json`; the keys are the CSV's columns. */
export interface ForecastRow {
  readonly date: string;
  readonly interval_start: string;
  readonly type: string;
  /** Expected count (2 decimals). */
  readonly volume: number;
  /** Seconds (2 decimals); null where unknown (no aht column, or no AHT recorded for the type). */
  readonly aht: number | null;
  /** 80% prediction interval of one day's count: the 10% and 90% quantiles. */
  readonly volume_lo: number;
  readonly volume_hi: number;
}

export const FORECAST_CSV_COLUMNS = ['date', 'interval_start', 'type', 'volume', 'aht', 'volume_lo', 'volume_hi'] as const;

/** Rows by date, then interval, then contact type (the types' order in the history). */
export function forecastRows(result: ForecastResult): ForecastRow[] {
  const { slots, types, firstSlot, lastSlot, intervalMinutes } = result;
  const rows: ForecastRow[] = [];
  for (let d = 0; d < result.days; d++) {
    const date = dateText(result.startDay + d);
    for (let s = firstSlot; s <= lastSlot; s++) {
      const start = formatClock(s * intervalMinutes);
      types.forEach((type, t) => {
        const i = cellIndex(slots, types.length, d, t, s);
        const aht = result.aht[i]!;
        rows.push({
          date,
          interval_start: start,
          type,
          volume: Number(rounded(result.volume[i]!, CSV_DECIMALS.count)),
          aht: Number.isFinite(aht) ? Number(rounded(aht, CSV_DECIMALS.seconds)) : null,
          volume_lo: result.lo[i]!,
          volume_hi: result.hi[i]!,
        });
      });
    }
  }
  return rows;
}

/** `date,interval_start,type,volume,aht,volume_lo,volume_hi`; an unknown AHT is an empty cell. */
export function forecastCsv(result: ForecastResult): string {
  const lines = [FORECAST_CSV_COLUMNS.join(',')];
  for (const r of forecastRows(result)) {
    lines.push([r.date, r.interval_start, csvText(r.type), String(r.volume), r.aht === null ? '' : String(r.aht), String(r.volume_lo), String(r.volume_hi)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export interface ForecastJsonScores {
  readonly wape: number | null;
  readonly baselineWape: number | null;
  readonly bias: number | null;
  readonly coverage80: number | null;
}

/** `ccsim forecast --json`: the contract's shape, plus the diagnostics beside it. */
export interface ForecastJson {
  readonly method: string;
  readonly start: string;
  readonly days: number;
  readonly intervalMinutes: number;
  readonly byType: Record<string, {
    readonly backtest: ForecastJsonScores & {
      readonly weeks: number;
      readonly intervals: number;
      readonly dayRatios: readonly number[];
      readonly byWeek: readonly (ForecastJsonScores & { readonly start: string })[];
    };
    readonly outlierDays: readonly { readonly date: string; readonly ratio: number }[];
    readonly closedWeekdays: readonly string[];
    readonly weeklyGrowth: number;
    readonly dayCv: number;
    readonly dispersion: number;
  }>;
  /** Holidays within the history, left out of the fits and the backtest's scores. */
  readonly excludedDays: readonly string[];
  /** Forecast dates that are holidays: forecast as ordinary days of their weekday. */
  readonly holidays: readonly string[];
  readonly rows: readonly ForecastRow[];
}

/** Scores to 4 decimals (0.01 of a percentage point): enough to compare, no float noise. */
function scores(s: BacktestScores): ForecastJsonScores {
  const r = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));
  return { wape: r(s.wape), baselineWape: r(s.baselineWape), bias: r(s.bias), coverage80: r(s.coverage80) };
}

export function forecastJson(result: ForecastResult): ForecastJson {
  const four = (x: number) => Number(x.toFixed(4));
  return {
    method: result.method,
    start: dateText(result.startDay),
    days: result.days,
    intervalMinutes: result.intervalMinutes,
    byType: Object.fromEntries(
      result.byType.map((t) => [
        t.type,
        {
          backtest: {
            weeks: t.backtest.weeks,
            ...scores(t.backtest),
            intervals: t.backtest.intervals,
            dayRatios: t.backtest.dayRatios.map(four),
            byWeek: t.backtest.byWeek.map((w) => ({ start: dateText(w.startDay), ...scores(w) })),
          },
          outlierDays: t.outlierDays.map((o) => ({ date: dateText(o.day), ratio: four(o.ratio) })),
          closedWeekdays: t.closedWeekdays.map((w) => WEEKDAY_NAMES[w]!),
          weeklyGrowth: four(t.weeklyGrowth),
          dayCv: four(t.dayCv),
          dispersion: four(t.dispersion),
        },
      ]),
    ),
    excludedDays: result.excludedDays.map(dateText),
    holidays: result.holidayDays.map(dateText),
    rows: forecastRows(result),
  };
}
