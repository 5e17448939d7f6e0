import { dayNumber, weekday } from '../../src/history/calendar.js';
import { cellIndex, type IntervalHistory } from '../../src/history/types.js';
import { createStream, gamma, type RandomStream } from '../../src/random/index.js';

/**
 * A center with a known truth, for forecast tests: hourly intervals, open 08:00-20:00 Monday to
 * Saturday (Sunday closed), a weekday x interval mean with a weekly growth, and counts drawn as
 * Poisson given a day-level gamma factor of mean 1 (overdispersed, as real arrivals are:
 * Jongbloed & Koole 2001). AHT cells are the mean of the interval's handled contacts (gamma with
 * cv 1/sqrt(n) around the true AHT).
 */
export interface SyntheticOptions {
  readonly weeks: number;
  readonly seed: number;
  /** Daily volume of a Wednesday in week 0. */
  readonly base?: number;
  /** Weekly multiplicative growth (0.01 = +1% a week). */
  readonly growth?: number;
  /** cv of the day-level factor (0 = Poisson). */
  readonly dayCv?: number;
  /** Types (each a scaled copy with its own shape shift). */
  readonly types?: readonly string[];
  /** Leave the aht column out. */
  readonly noAht?: boolean;
}

export const FIRST_DAY = dayNumber('2024-01-01')!; // a Monday
export const SLOTS = 24;
const OPEN_FROM = 8;
const OPEN_TO = 20;
/** Monday..Sunday daily level relative to Wednesday. */
export const WEEKDAY_LEVEL = [1.25, 1.1, 1, 1, 0.9, 0.5, 0];

/** Share of the day in slot s on weekday w (two peaks on weekdays, one late-morning on Saturday). */
export function trueShare(w: number, s: number): number {
  const weights = shapeOf(w);
  return weights[s]! / weights.reduce((a, b) => a + b, 0);
}

function shapeOf(w: number): number[] {
  return Array.from({ length: SLOTS }, (_, s) => {
    if (s < OPEN_FROM || s >= OPEN_TO) return 0;
    const h = s + 0.5;
    if (w === 5) return Math.exp(-((h - 11) ** 2) / 8) + 0.2;
    return Math.exp(-((h - 10.5) ** 2) / 4) + 0.8 * Math.exp(-((h - 15) ** 2) / 6) + 0.15;
  });
}

/** True AHT (seconds) of slot s: longer in the afternoon. */
export function trueAht(s: number): number {
  return 280 + 6 * (s - OPEN_FROM);
}

/** The true expected count of type k on day `day` (from FIRST_DAY) in slot s. */
export function trueMean(options: SyntheticOptions, day: number, k: number, s: number): number {
  const w = weekday(day);
  const base = (options.base ?? 1000) * (k === 0 ? 1 : 0.4);
  const weeks = (day - FIRST_DAY) / 7;
  return base * WEEKDAY_LEVEL[w]! * (1 + (options.growth ?? 0.01)) ** weeks * trueShare(w, s);
}

/** A Poisson variate by inversion (sequential search): fine for the means of these tests. */
export function poisson(mean: number, stream: RandomStream): number {
  if (mean <= 0) return 0;
  // Sum exponential gaps in chunks of at most 500 so e^-mean never underflows.
  let n = 0;
  let left = mean;
  while (left > 0) {
    const m = Math.min(left, 500);
    let p = Math.exp(-m);
    let cdf = p;
    const u = stream.next();
    let k = 0;
    while (u > cdf) {
      k++;
      p *= m / k;
      cdf += p;
    }
    n += k;
    left -= m;
  }
  return n;
}

export function syntheticHistory(options: SyntheticOptions): IntervalHistory {
  const types = options.types ?? ['calls'];
  const days = options.weeks * 7;
  const series = types.length;
  const size = days * series * SLOTS;
  const offered = new Float64Array(size);
  const aht = new Float64Array(size).fill(NaN);
  const open = new Uint8Array(days);
  const stream = createStream(options.seed, 0, 'synthetic-history');
  const cv = options.dayCv ?? 0.15;
  const dayFactor = cv > 0 ? gamma(1, cv) : undefined;
  for (let d = 0; d < days; d++) {
    const day = FIRST_DAY + d;
    if (WEEKDAY_LEVEL[weekday(day)] === 0) continue;
    open[d] = 1;
    for (let k = 0; k < series; k++) {
      const factor = dayFactor === undefined ? 1 : dayFactor.sample(stream);
      for (let s = 0; s < SLOTS; s++) {
        const n = poisson(trueMean(options, day, k, s) * factor, stream);
        const i = cellIndex(SLOTS, series, d, k, s);
        offered[i] = n;
        if (n > 0) aht[i] = gamma(trueAht(s), 1 / Math.sqrt(n)).sample(stream);
      }
    }
  }
  return {
    intervalMinutes: 60,
    slots: SLOTS,
    firstDay: FIRST_DAY,
    lastDay: FIRST_DAY + days - 1,
    days,
    open,
    types,
    offered,
    answered: new Float64Array(size).fill(NaN),
    abandoned: new Float64Array(size).fill(NaN),
    aht: options.noAht ? new Float64Array(size).fill(NaN) : aht,
    asa: new Float64Array(size).fill(NaN),
    serviceLevel: new Float64Array(size).fill(NaN),
    columns: new Set(options.noAht ? [] : (['aht'] as const)),
    rows: size,
  };
}

/** The first `weeks` weeks of a history (same arrays' prefix), as if the file ended there. */
export function truncated(history: IntervalHistory, weeks: number): IntervalHistory {
  const days = weeks * 7;
  const cells = days * history.types.length * history.slots;
  return {
    ...history,
    days,
    lastDay: history.firstDay + days - 1,
    open: history.open.slice(0, days),
    offered: history.offered.slice(0, cells),
    answered: history.answered.slice(0, cells),
    abandoned: history.abandoned.slice(0, cells),
    aht: history.aht.slice(0, cells),
    asa: history.asa.slice(0, cells),
    serviceLevel: history.serviceLevel.slice(0, cells),
  };
}

/** A copy of `history` with its offered counts changed by `edit(dayIndex, type, slot, count)`. */
export function edited(history: IntervalHistory, edit: (d: number, k: number, s: number, n: number) => number): IntervalHistory {
  const offered = history.offered.slice();
  for (let d = 0; d < history.days; d++) {
    for (let k = 0; k < history.types.length; k++) {
      for (let s = 0; s < history.slots; s++) {
        const i = cellIndex(history.slots, history.types.length, d, k, s);
        offered[i] = edit(d, k, s, offered[i]!);
      }
    }
  }
  return { ...history, offered };
}
