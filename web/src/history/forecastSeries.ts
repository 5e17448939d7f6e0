/**
 * What the page's forecast chart draws per contact type: the last weeks of the interval history
 * (offered per interval) followed by the forecast (expected volume and its 80% band of one day's
 * count), over the center's opening hours only (the forecast's firstSlot..lastSlot), so a day is
 * a run of intervals and the nights between them take no room. Built in the history worker from
 * the tables; plain typed arrays, cheap to post to the page.
 */
import { dateText, weekday, WEEKDAY_NAMES } from '../../../src/history/calendar.js';
import type { ForecastResult } from '../../../src/history/forecast.js';
import { cellIndex, type IntervalHistory } from '../../../src/history/types.js';

/** Days of history drawn before the forecast: two weeks show the weekly pattern twice. */
export const HISTORY_DAYS_SHOWN = 14;

export interface SeriesDay {
  readonly date: string;
  /** Mon..Sun. */
  readonly weekday: string;
  readonly part: 'history' | 'forecast';
  /** A history day with rows in the file (false: closed, nothing recorded). Forecast days: true. */
  readonly open: boolean;
}

export interface TypeSeries {
  readonly type: string;
  /** Indexed by day * slotsShown + (slot - firstSlot). Recorded offered; NaN on forecast and closed days. */
  readonly actual: Float64Array;
  /** Expected count and its 80% band (10% and 90% quantiles); NaN on history days. */
  readonly volume: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

export interface ForecastSeries {
  readonly intervalMinutes: number;
  readonly firstSlot: number;
  readonly lastSlot: number;
  /** lastSlot - firstSlot + 1. */
  readonly slotsShown: number;
  /** History days first, then forecast days, in date order. */
  readonly days: readonly SeriesDay[];
  /** Index in `days` of the first forecast day. */
  readonly forecastFrom: number;
  readonly byType: readonly TypeSeries[];
}

export function forecastSeries(history: IntervalHistory, result: ForecastResult, historyDays = HISTORY_DAYS_SHOWN): ForecastSeries {
  const { firstSlot, lastSlot, types } = result;
  const slotsShown = lastSlot - firstSlot + 1;
  const fromDay = Math.max(history.firstDay, history.lastDay - historyDays + 1);
  const shownHistory = history.lastDay - fromDay + 1;
  const days: SeriesDay[] = [];
  for (let d = 0; d < shownHistory; d++) {
    const day = fromDay + d;
    days.push({ date: dateText(day), weekday: WEEKDAY_NAMES[weekday(day)]!, part: 'history', open: history.open[day - history.firstDay] === 1 });
  }
  for (let d = 0; d < result.days; d++) {
    const day = result.startDay + d;
    days.push({ date: dateText(day), weekday: WEEKDAY_NAMES[weekday(day)]!, part: 'forecast', open: true });
  }
  const size = days.length * slotsShown;
  const byType = types.map((type, t): TypeSeries => {
    const actual = new Float64Array(size).fill(NaN);
    const volume = new Float64Array(size).fill(NaN);
    const lo = new Float64Array(size).fill(NaN);
    const hi = new Float64Array(size).fill(NaN);
    const k = history.types.indexOf(type);
    for (let d = 0; d < shownHistory; d++) {
      const hd = fromDay + d - history.firstDay;
      if (history.open[hd] !== 1 || k < 0) continue;
      for (let s = firstSlot; s <= lastSlot; s++) actual[d * slotsShown + s - firstSlot] = history.offered[cellIndex(history.slots, history.types.length, hd, k, s)]!;
    }
    for (let d = 0; d < result.days; d++) {
      for (let s = firstSlot; s <= lastSlot; s++) {
        const at = cellIndex(result.slots, types.length, d, t, s);
        const i = (shownHistory + d) * slotsShown + s - firstSlot;
        volume[i] = result.volume[at]!;
        lo[i] = result.lo[at]!;
        hi[i] = result.hi[at]!;
      }
    }
    return { type, actual, volume, lo, hi };
  });
  return { intervalMinutes: result.intervalMinutes, firstSlot, lastSlot, slotsShown, days, forecastFrom: shownHistory, byType };
}
