import { dateText, weekday } from './calendar.js';
import { DailyFit, type DailyPrediction } from './forecastDaily.js';
import { FORECAST_DEFAULTS, type ForecastOptions } from './forecastOptions.js';
import { fitIntraday, type IntradayFit } from './forecastProfile.js';
import { countBand } from './forecastQuantile.js';
import { cellIndex, type IntervalHistory } from './types.js';

/**
 * `ccsim forecast` (CONTRACT section 6): volume and AHT per date, interval and contact type, with
 * an 80% prediction interval for one day's count, and the contract's backtest. The method, per
 * contact type and forecast origin (docs/forecast.md):
 *
 * 1. daily totals: a fixed-effects regression of log totals on the weekday and a damped trend,
 *    fitted robustly on the recent weeks with holidays and outliers left out (forecastDaily.ts);
 * 2. intraday: the weekday's share of the day per interval, shrunk towards the pooled shape,
 *    and AHT per interval (forecastProfile.ts);
 * 3. interval volume = daily total x share; its 80% band from a negative binomial whose
 *    day-level variance is the regression's error, in sample (residuals plus parameter error)
 *    and out of sample (one-week-ahead errors at earlier origins), whichever is larger, and
 *    whose within-day variance is the profile's dispersion (forecastQuantile.ts).
 *
 * The backtest forecasts each of the last K weeks from the days before it only (the same code
 * as the real forecast, at an earlier origin), beside the seasonal naive forecast.
 */

export const FORECAST_METHOD = 'fixed-effects: log daily volume on weekday + damped trend, weekday profile, negative-binomial band';

/** A forecast request that cannot be met; `option` names the field at fault. */
export class ForecastError extends Error {
  override readonly name: string = 'ForecastError';
  constructor(
    readonly option: keyof ForecastOptions,
    message: string,
  ) {
    super(message);
  }
}

/** Scores over a set of backtest intervals; null when the actual volume is 0 (or nothing to cover). */
export interface BacktestScores {
  /** Σ|actual - forecast| / Σ actual. */
  readonly wape: number | null;
  /** The same for the seasonal naive forecast (same weekday and interval one week earlier). */
  readonly baselineWape: number | null;
  /** Σ(forecast - actual) / Σ actual: positive = the forecast was too high. */
  readonly bias: number | null;
  /**
   * Share of intervals whose actual count lies inside the 80% band (inclusive), over the
   * intervals where the forecast or the actual is above 0.
   */
  readonly coverage80: number | null;
}

export interface BacktestWeek extends BacktestScores {
  /** First day of the week (day number). */
  readonly startDay: number;
}

export interface Backtest extends BacktestScores {
  /** Weeks back-tested (K). */
  readonly weeks: number;
  /** Per scored day, in order: actual / forecast daily total (days with a forecast above 0). */
  readonly dayRatios: readonly number[];
  readonly byWeek: readonly BacktestWeek[];
  /** Intervals scored (open, non-holiday days of the backtest). */
  readonly intervals: number;
}

export interface TypeForecast {
  readonly type: string;
  readonly backtest: Backtest;
  /** Days of the final fit window left out as outliers, with actual / robust-fit ratio. */
  readonly outlierDays: readonly { readonly day: number; readonly ratio: number }[];
  /** Weekdays (0 = Monday) without contacts in the final fit window: forecast 0. */
  readonly closedWeekdays: readonly number[];
  /** Weekly growth of the daily level used by the forecast (after shrinkage), e.g. 0.01 = +1%/week. */
  readonly weeklyGrowth: number;
  /** Day-level coefficient of variation of the first forecast day's volume (the model's error). */
  readonly dayCv: number;
  /** Within-day dispersion factor (>= 1) of interval counts around the profile. */
  readonly dispersion: number;
}

export interface ForecastResult {
  readonly method: string;
  readonly types: readonly string[];
  readonly intervalMinutes: number;
  readonly slots: number;
  readonly startDay: number;
  readonly days: number;
  /**
   * Expected count, AHT (NaN where unknown or without an aht column), and the 80% band of one
   * day's count, indexed by cellIndex(slots, types.length, d, t, s) with d from startDay.
   */
  readonly volume: Float64Array;
  readonly aht: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Whether the history has an aht column (false: every aht is NaN). */
  readonly hasAht: boolean;
  /**
   * First and last slot with any contact in the history: the center's opening hours, which the
   * rows cover (outside them every forecast is 0).
   */
  readonly firstSlot: number;
  readonly lastSlot: number;
  /** Holidays within the history: left out of every fit and of the backtest's scores. */
  readonly excludedDays: readonly number[];
  /** Forecast days that are holidays: forecast as ordinary days of their weekday, flagged here. */
  readonly holidayDays: readonly number[];
  readonly byType: readonly TypeForecast[];
}

const WEEK = 7;

/**
 * Forecast `options.days` days from `options.startDay` (after the history's last day) and
 * back-test the method on the history's last `backtestWeeks` weeks.
 * @throws ForecastError naming the option at fault
 */
export function forecastHistory(history: IntervalHistory, options: ForecastOptions): ForecastResult {
  const backtestWeeks = options.backtestWeeks ?? FORECAST_DEFAULTS.backtestWeeks;
  checkOptions(history, options, backtestWeeks);
  const { slots, types, firstDay, lastDay } = history;
  const holidays = new Set(options.holidays ?? []);
  const { startDay, days } = options;
  const size = days * types.length * slots;
  const volume = new Float64Array(size);
  const aht = new Float64Array(size).fill(NaN);
  const lo = new Float64Array(size);
  const hi = new Float64Array(size);
  const origin = lastDay + 1;
  const byType = types.map((type, t) => {
    const model = new TypeModel(history, t, holidays);
    for (let d = 0; d < days; d++) {
      const at = cellIndex(slots, types.length, d, t, 0);
      model.forecastDay(origin, startDay + d, {
        volume: volume.subarray(at, at + slots),
        aht: aht.subarray(at, at + slots),
        lo: lo.subarray(at, at + slots),
        hi: hi.subarray(at, at + slots),
      });
    }
    const final = model.daily(origin);
    return {
      type,
      backtest: model.backtest(backtestWeeks),
      outlierDays: final.outliers,
      closedWeekdays: final.active.flatMap((a, w) => (a ? [] : [w])),
      weeklyGrowth: final.weeklyGrowth,
      dayCv: Math.sqrt(model.dayCv2(origin, final.predict(startDay))),
      dispersion: model.intraday(origin).dispersion,
    };
  });
  const [firstSlot, lastSlot] = openingHours(history);
  return {
    method: FORECAST_METHOD,
    types,
    intervalMinutes: history.intervalMinutes,
    slots,
    startDay,
    days,
    volume,
    aht,
    lo,
    hi,
    hasAht: history.columns.has('aht'),
    firstSlot,
    lastSlot,
    excludedDays: [...holidays].filter((d) => d >= firstDay && d <= lastDay && history.open[d - firstDay] === 1).sort((a, b) => a - b),
    holidayDays: [...holidays].filter((d) => d >= startDay && d < startDay + days).sort((a, b) => a - b),
    byType,
  };
}

function checkOptions(history: IntervalHistory, options: ForecastOptions, backtestWeeks: number): void {
  const { days, startDay } = options;
  const max = FORECAST_DEFAULTS.maxDays;
  if (!Number.isSafeInteger(days) || days < 1 || days > max) throw new ForecastError('days', `must be an integer from 1 to ${max}, got ${days}`);
  if (!Number.isSafeInteger(startDay)) throw new ForecastError('startDay', `must be a day number, got ${startDay}`);
  if (startDay <= history.lastDay) {
    throw new ForecastError('startDay', `${dateText(startDay)} is not after the history, which ends on ${dateText(history.lastDay)}: a forecast starts on ${dateText(history.lastDay + 1)} or later`);
  }
  if (!Number.isSafeInteger(backtestWeeks) || backtestWeeks < 1) throw new ForecastError('backtestWeeks', `must be an integer >= 1, got ${backtestWeeks}`);
  const fitDays = FORECAST_DEFAULTS.minFitWeeks * WEEK;
  const need = backtestWeeks * WEEK + fitDays;
  if (history.days < need) {
    const span = `the history has ${history.days} days (${dateText(history.firstDay)} to ${dateText(history.lastDay)})`;
    const most = Math.floor((history.days - fitDays) / WEEK);
    const advice = most >= 1 ? `ask for at most ${most} backtest week${most === 1 ? '' : 's'}, or give a longer history` : `give at least ${fitDays + WEEK} days of history`;
    throw new ForecastError(
      'backtestWeeks',
      `${span}; a backtest of ${backtestWeeks} week${backtestWeeks === 1 ? '' : 's'} needs ${need} (each week tested after at least ${FORECAST_DEFAULTS.minFitWeeks} weeks to fit): ${advice}`,
    );
  }
}

/** First and last slot with a contact of any type on any day (the whole day when none has one). */
function openingHours(history: IntervalHistory): [number, number] {
  const { slots, offered } = history;
  let first = slots;
  let last = -1;
  for (let i = 0; i < offered.length; i++) {
    if (offered[i]! > 0) {
      const s = i % slots;
      if (s < first) first = s;
      if (s > last) last = s;
    }
  }
  return last < 0 ? [0, slots - 1] : [first, last];
}

interface DayOutput {
  readonly volume: Float64Array;
  readonly aht: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/** One contact type's model at any origin (fits only on days before the origin), memoised. */
class TypeModel {
  private readonly totals: Float64Array;
  private readonly fits = new Map<number, DailyFit>();
  private readonly profiles = new Map<number, IntradayFit>();
  private readonly outOfSample = new Map<number, number>();

  constructor(
    private readonly history: IntervalHistory,
    private readonly type: number,
    private readonly holidays: ReadonlySet<number>,
  ) {
    const { slots, types, days, offered } = history;
    this.totals = new Float64Array(days);
    for (let d = 0; d < days; d++) {
      let sum = 0;
      for (let s = 0; s < slots; s++) sum += offered[cellIndex(slots, types.length, d, type, s)]!;
      this.totals[d] = sum;
    }
  }

  /** The daily regression fitted on the window before `origin`. */
  daily(origin: number): DailyFit {
    let fit = this.fits.get(origin);
    if (fit === undefined) {
      const { firstDay, open } = this.history;
      const observations = [];
      for (let day = Math.max(firstDay, origin - FORECAST_DEFAULTS.fitWeeks * WEEK); day < origin; day++) {
        if (open[day - firstDay] === 1 && !this.holidays.has(day)) observations.push({ day, total: this.totals[day - firstDay]! });
      }
      fit = new DailyFit(origin, observations, FORECAST_DEFAULTS);
      this.fits.set(origin, fit);
    }
    return fit;
  }

  intraday(origin: number): IntradayFit {
    let fit = this.profiles.get(origin);
    if (fit === undefined) {
      const daily = this.daily(origin);
      fit = fitIntraday(this.history, this.type, daily.kept, daily.active, FORECAST_DEFAULTS);
      this.profiles.set(origin, fit);
    }
    return fit;
  }

  /**
   * Squared cv of the day-level factor of a predicted day: the larger of the in-sample variance
   * (residual variance less its Poisson part, plus the parameters' error for that day) and the
   * out-of-sample one, as a log variance v turned into a gamma factor's cv^2 = e^v - 1.
   */
  dayCv2(origin: number, prediction: DailyPrediction): number {
    const daily = this.daily(origin);
    const phi = this.intraday(origin).dispersion;
    const inSample = Math.max(0, daily.residualVariance - phi * daily.poissonPart) + prediction.parameterVariance;
    const outOfSample = this.outOfSampleVariance(origin);
    const candidates = [inSample, outOfSample].filter(Number.isFinite);
    const v = candidates.length > 0 ? Math.max(...candidates) : Math.log1p(FORECAST_DEFAULTS.fallbackDayCv ** 2);
    return Math.expm1(v);
  }

  /**
   * Mean squared log error of one-week-ahead daily forecasts made at the origins 1..fitWeeks
   * weeks before `origin` (each from its own window), over the days `origin`'s fit keeps, less
   * the Poisson part; NaN with fewer than minErrorDays such days.
   */
  private outOfSampleVariance(origin: number): number {
    const known = this.outOfSample.get(origin);
    if (known !== undefined) return known;
    const { firstDay } = this.history;
    const kept = new Set(this.daily(origin).kept);
    const phi = this.intraday(origin).dispersion;
    let squares = 0;
    let poisson = 0;
    let n = 0;
    for (let j = 1; j <= FORECAST_DEFAULTS.fitWeeks; j++) {
      const earlier = origin - j * WEEK;
      if (earlier - firstDay < FORECAST_DEFAULTS.minFitWeeks * WEEK) break;
      const fit = this.daily(earlier);
      for (let day = earlier; day < earlier + WEEK; day++) {
        if (!kept.has(day) || !fit.active[weekday(day)]) continue;
        const predicted = fit.predict(day).mean;
        const e = Math.log(this.totals[day - firstDay]! + 0.5) - Math.log(predicted + 0.5);
        squares += e * e;
        poisson += 1 / (predicted + 0.5);
        n++;
      }
    }
    const v = n >= FORECAST_DEFAULTS.minErrorDays ? Math.max(0, (squares - phi * poisson) / n) : NaN;
    this.outOfSample.set(origin, v);
    return v;
  }

  /** Forecast `day` (>= origin) from the days before `origin` into `out` (one slot per element). */
  forecastDay(origin: number, day: number, out: DayOutput): void {
    const daily = this.daily(origin);
    const intraday = this.intraday(origin);
    const prediction = daily.predict(day);
    const cv2 = this.dayCv2(origin, prediction);
    const { slots } = this.history;
    const w = weekday(day);
    const level = FORECAST_DEFAULTS.intervalLevel;
    for (let s = 0; s < slots; s++) {
      const mean = prediction.mean * intraday.share[w * slots + s]!;
      out.volume[s] = mean;
      const [lo, hi] = countBand(mean, cv2, intraday.dispersion, (1 - level) / 2, (1 + level) / 2);
      out.lo[s] = lo;
      out.hi[s] = hi;
      out.aht[s] = intraday.aht === undefined ? NaN : intraday.aht[w * slots + s]!;
    }
  }

  /** The contract's backtest: each of the last `weeks` weeks forecast from the days before it. */
  backtest(weeks: number): Backtest {
    const { slots, types, firstDay, lastDay, open, offered } = this.history;
    const out: DayOutput = { volume: new Float64Array(slots), aht: new Float64Array(slots), lo: new Float64Array(slots), hi: new Float64Array(slots) };
    const all = new Score();
    const byWeek: BacktestWeek[] = [];
    const dayRatios: number[] = [];
    for (let k = 0; k < weeks; k++) {
      const origin = lastDay - (weeks - k) * WEEK + 1;
      const week = new Score();
      for (let day = origin; day < origin + WEEK; day++) {
        if (open[day - firstDay] !== 1 || this.holidays.has(day)) continue;
        this.forecastDay(origin, day, out);
        const reference = this.naiveReference(day);
        let forecastTotal = 0;
        for (let s = 0; s < slots; s++) {
          const actual = offered[cellIndex(slots, types.length, day - firstDay, this.type, s)]!;
          const naive = reference === undefined ? 0 : offered[cellIndex(slots, types.length, reference - firstDay, this.type, s)]!;
          forecastTotal += out.volume[s]!;
          for (const score of [week, all]) score.add(actual, out.volume[s]!, naive, out.lo[s]!, out.hi[s]!);
        }
        if (forecastTotal > 0) dayRatios.push(this.totals[day - firstDay]! / forecastTotal);
      }
      byWeek.push({ startDay: origin, ...week.scores() });
    }
    return { weeks, ...all.scores(), dayRatios, byWeek, intervals: all.intervals };
  }

  /**
   * The seasonal naive forecast's day for `day`: one week earlier, or further back by whole
   * weeks when that day was closed or a holiday (its counts say nothing about an open day).
   */
  private naiveReference(day: number): number | undefined {
    const { firstDay, open } = this.history;
    for (let r = day - WEEK; r >= firstDay; r -= WEEK) if (open[r - firstDay] === 1 && !this.holidays.has(r)) return r;
    return undefined;
  }
}

class Score {
  private absError = 0;
  private signedError = 0;
  private actual = 0;
  private naiveError = 0;
  private covered = 0;
  private counted = 0;
  intervals = 0;

  add(actual: number, forecast: number, naive: number, lo: number, hi: number): void {
    this.intervals++;
    this.absError += Math.abs(actual - forecast);
    this.signedError += forecast - actual;
    this.actual += actual;
    this.naiveError += Math.abs(actual - naive);
    // An interval closed in both forecast and fact says nothing about the band.
    if (forecast > 0 || actual > 0) {
      this.counted++;
      if (actual >= lo && actual <= hi) this.covered++;
    }
  }

  scores(): BacktestScores {
    const ratio = (x: number) => (this.actual > 0 ? x / this.actual : null);
    return {
      wape: ratio(this.absError),
      baselineWape: ratio(this.naiveError),
      bias: ratio(this.signedError),
      coverage80: this.counted > 0 ? this.covered / this.counted : null,
    };
  }
}
