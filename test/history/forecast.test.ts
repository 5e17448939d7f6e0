import { describe, expect, it } from 'vitest';
import { forecastHistory, ForecastError, type ForecastResult } from '../../src/history/forecast.js';
import { countQuantile } from '../../src/history/forecastQuantile.js';
import { weekday } from '../../src/history/calendar.js';
import { cellIndex, type IntervalHistory } from '../../src/history/types.js';
import { edited, FIRST_DAY, SLOTS, syntheticHistory, trueAht, trueMean, truncated, type SyntheticOptions } from './syntheticHistory.js';

const SEEDS = [1, 2, 3, 4, 5];
const TYPES = ['calls', 'chat'];

/** Forecast total of type k on forecast day d. */
function dayTotal(r: ForecastResult, d: number, k: number): number {
  let sum = 0;
  for (let s = 0; s < r.slots; s++) sum += r.volume[cellIndex(r.slots, r.types.length, d, k, s)]!;
  return sum;
}

/** 12 weeks of history, and the 4 weeks after them held out, for each seed. */
function heldOut(seed: number, extra: Partial<SyntheticOptions> = {}) {
  const options: SyntheticOptions = { weeks: 16, seed, types: TYPES, ...extra };
  const full = syntheticHistory(options);
  const history = truncated(full, 12);
  const result = forecastHistory(history, { startDay: history.lastDay + 1, days: 28 });
  return { options, full, history, result };
}

/** Share of held-out intervals (forecast or actual above 0) inside [lo(mean), hi(mean)]. */
function coverage(runs: ReturnType<typeof heldOut>[], band: (r: ForecastResult, i: number) => [number, number]): number {
  let covered = 0;
  let counted = 0;
  for (const { full, history, result } of runs) {
    for (let d = 0; d < result.days; d++) {
      for (let k = 0; k < TYPES.length; k++) {
        for (let s = 0; s < SLOTS; s++) {
          const i = cellIndex(SLOTS, TYPES.length, d, k, s);
          const actual = full.offered[cellIndex(SLOTS, TYPES.length, history.days + d, k, s)]!;
          if (result.volume[i]! === 0 && actual === 0) continue;
          const [lo, hi] = band(result, i);
          counted++;
          if (actual >= lo && actual <= hi) covered++;
        }
      }
    }
  }
  return covered / counted;
}

describe('forecastHistory on a center with a known mean (weekday x interval, trend, gamma day factor)', () => {
  const runs = SEEDS.map((seed) => heldOut(seed));

  it('predicts the known mean closely: daily totals within a few percent, far inside one day\'s noise (cv 0.15)', () => {
    for (const { options, result } of runs) {
      let error = 0;
      let truth = 0;
      for (let d = 0; d < result.days; d++) {
        for (let k = 0; k < TYPES.length; k++) {
          let mu = 0;
          for (let s = 0; s < SLOTS; s++) mu += trueMean(options, result.startDay + d, k, s);
          error += Math.abs(dayTotal(result, d, k) - mu);
          truth += mu;
        }
      }
      expect(error / truth).toBeLessThan(0.08);
    }
  });

  it('puts each interval where the true profile does (interval WAPE against the true mean)', () => {
    for (const { options, result } of runs) {
      let error = 0;
      let truth = 0;
      for (let d = 0; d < 7; d++) {
        for (let s = 0; s < SLOTS; s++) {
          const mu = trueMean(options, result.startDay + d, 0, s);
          error += Math.abs(result.volume[cellIndex(SLOTS, TYPES.length, d, 0, s)]! - mu);
          truth += mu;
        }
      }
      expect(error / truth).toBeLessThan(0.1);
    }
  });

  it('beats the seasonal naive forecast in the backtest', () => {
    for (const { result } of runs) {
      for (const t of result.byType) {
        expect(t.backtest.weeks).toBe(4);
        expect(t.backtest.wape!).toBeLessThan(t.backtest.baselineWape!);
      }
    }
    const mean = (f: (r: ForecastResult) => number[]) => runs.flatMap((r) => f(r.result)).reduce((a, b) => a + b, 0) / (runs.length * TYPES.length);
    expect(mean((r) => r.byType.map((t) => t.backtest.wape!))).toBeLessThan(0.9 * mean((r) => r.byType.map((t) => t.backtest.baselineWape!)));
  });

  it('holds the 80% band\'s coverage (70-90%) in the backtest', () => {
    const values = runs.flatMap((r) => r.result.byType.map((t) => t.backtest.coverage80!));
    const pooled = values.reduce((a, b) => a + b, 0) / values.length;
    expect(pooled).toBeGreaterThan(0.7);
    expect(pooled).toBeLessThan(0.9);
    for (const v of values) expect(v).toBeGreaterThan(0.6);
  });

  it('covers 70-90% of held-out days\' counts, where a Poisson-only band around the same mean does not', () => {
    const model = coverage(runs, (r, i) => [r.lo[i]!, r.hi[i]!]);
    const poissonOnly = coverage(runs, (r, i) => [countQuantile(r.volume[i]!, 0, 1, 0.1), countQuantile(r.volume[i]!, 0, 1, 0.9)]);
    expect(model).toBeGreaterThan(0.7);
    expect(model).toBeLessThan(0.9);
    // The day-level error (cv 0.15 here) is what the Poisson band leaves out.
    expect(poissonOnly).toBeLessThan(0.7);
  });

  it('reports the day-level error it uses, near the true cv 0.15, and dispersion near 1 (Poisson given the day)', () => {
    for (const { result } of runs) {
      for (const t of result.byType) {
        expect(t.dayCv).toBeGreaterThan(0.1);
        expect(t.dayCv).toBeLessThan(0.3);
        expect(t.dispersion).toBeLessThan(1.2);
      }
    }
  });

  it('keeps per type the backtest\'s daily actual/forecast ratios, centred on 1 with the day factor\'s spread', () => {
    const ratios = runs.flatMap((r) => r.result.byType.flatMap((t) => [...t.backtest.dayRatios]));
    expect(ratios.length).toBe(SEEDS.length * TYPES.length * 4 * 6);
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / (ratios.length - 1));
    expect(Math.abs(mean - 1)).toBeLessThan(0.05);
    expect(sd).toBeGreaterThan(0.1);
    expect(sd).toBeLessThan(0.25);
  });

  it('forecasts a weekday never open in the history (Sunday) as 0 with a band of [0, 0]', () => {
    const { result } = runs[0]!;
    for (const t of result.byType) expect(t.closedWeekdays).toEqual([6]);
    for (let d = 0; d < result.days; d++) {
      if (weekday(result.startDay + d) !== 6) continue;
      for (let s = 0; s < SLOTS; s++) {
        const i = cellIndex(SLOTS, TYPES.length, d, 0, s);
        expect([result.volume[i], result.lo[i], result.hi[i]]).toEqual([0, 0, 0]);
      }
    }
  });

  it('forecasts AHT per interval near the true one, NaN-free, and NaN throughout without an aht column', () => {
    const { result } = runs[0]!;
    expect(result.hasAht).toBe(true);
    // Each interval's mean rests on some hundred contacts (cv 1 each): a few percent of noise.
    const errors = [];
    for (let s = 8; s < 20; s++) errors.push(Math.abs(result.aht[cellIndex(SLOTS, TYPES.length, 0, 0, s)]! / trueAht(s) - 1));
    expect(Math.max(...errors)).toBeLessThan(0.1);
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(0.03);
    expect(result.aht.every((a) => Number.isFinite(a))).toBe(true);
    const none = heldOut(1, { noAht: true }).result;
    expect(none.hasAht).toBe(false);
    expect(none.aht.every((a) => Number.isNaN(a))).toBe(true);
  });
});

describe('forecastHistory: special days', () => {
  const options: SyntheticOptions = { weeks: 12, seed: 7, types: TYPES };
  const normal = syntheticHistory(options);
  // Tuesday of week 10: ten times the volume, all of it in two morning intervals.
  const special = FIRST_DAY + 9 * 7 + 1;
  const spiked = edited(normal, (d, _k, s, n) => (FIRST_DAY + d !== special ? n : s === 9 || s === 10 ? n * 60 : 0));
  const at = { startDay: normal.lastDay + 1, days: 14 };
  const reference = forecastHistory(normal, at);

  /** Largest relative difference of interval forecasts (intervals with a mean above 5) on the next two Tuesdays. */
  function tuesdayShift(r: ForecastResult): number {
    let worst = 0;
    for (const d of [1, 8]) {
      for (let k = 0; k < TYPES.length; k++) {
        for (let s = 0; s < SLOTS; s++) {
          const i = cellIndex(SLOTS, TYPES.length, d, k, s);
          if (reference.volume[i]! > 5) worst = Math.max(worst, Math.abs(r.volume[i]! / reference.volume[i]! - 1));
        }
      }
    }
    return worst;
  }

  it('the spike really is 10x the day (the test day is what it claims)', () => {
    const total = (h: IntervalHistory) => {
      let sum = 0;
      for (let s = 0; s < SLOTS; s++) sum += h.offered[cellIndex(SLOTS, TYPES.length, special - FIRST_DAY, 0, s)]!;
      return sum;
    };
    expect(total(spiked) / total(normal)).toBeGreaterThan(8);
  });

  it('a listed holiday with 10x volume leaves the following weeks\' profile and level where they were', () => {
    const r = forecastHistory(spiked, { ...at, holidays: [special] });
    expect(r.excludedDays).toEqual([special]);
    expect(tuesdayShift(r)).toBeLessThan(0.1);
  });

  it('an unlisted 10x day is detected as an outlier, reported, and likewise leaves the forecast alone', () => {
    const r = forecastHistory(spiked, at);
    for (const t of r.byType) expect(t.outlierDays.map((o) => o.day)).toContain(special);
    expect(r.byType[0]!.outlierDays.find((o) => o.day === special)!.ratio).toBeGreaterThan(5);
    expect(tuesdayShift(r)).toBeLessThan(0.1);
  });

  it('a holiday in the forecast period is forecast as an ordinary day of its weekday and flagged', () => {
    const holiday = at.startDay + 2;
    const r = forecastHistory(normal, { ...at, holidays: [holiday] });
    expect(r.holidayDays).toEqual([holiday]);
    expect(r.excludedDays).toEqual([]);
    expect(Array.from(r.volume)).toEqual(Array.from(reference.volume));
  });
});

describe('forecastHistory: the backtest forecasts each week from the days before it only', () => {
  const history = syntheticHistory({ weeks: 12, seed: 11, types: TYPES });
  const base = forecastHistory(history, { startDay: history.lastDay + 1, days: 7 });

  it('changing every day from week 2 of the backtest on leaves weeks 0 and 1 exactly as they were', () => {
    // Backtest week w starts on lastDay - (4 - w) * 7 + 1; week 2 starts 14 days before the end.
    const from = history.days - 14;
    const changed = edited(history, (d, _k, _s, n) => (d >= from ? n * 3 + 1 : n));
    const r = forecastHistory(changed, { startDay: history.lastDay + 1, days: 7 });
    for (let k = 0; k < TYPES.length; k++) {
      const before = base.byType[k]!.backtest;
      const after = r.byType[k]!.backtest;
      expect(after.byWeek.slice(0, 2)).toEqual(before.byWeek.slice(0, 2));
      expect(after.dayRatios.slice(0, 12)).toEqual(before.dayRatios.slice(0, 12));
      // ...and the later weeks, whose actuals changed, did change.
      expect(after.byWeek[2]!.wape).not.toEqual(before.byWeek[2]!.wape);
    }
  });

  it('scores K x 7 days ending at the history\'s last date: week starts, closed Sundays skipped', () => {
    const t = base.byType[0]!.backtest;
    expect(t.byWeek.map((w) => w.startDay)).toEqual([4, 3, 2, 1].map((j) => history.lastDay - 7 * j + 1));
    expect(t.intervals).toBe(4 * 6 * SLOTS);
    const three = forecastHistory(history, { startDay: history.lastDay + 1, days: 7, backtestWeeks: 3 });
    expect(three.byType[0]!.backtest.weeks).toBe(3);
    expect(three.byType[0]!.backtest.byWeek.map((w) => w.startDay)).toEqual(t.byWeek.slice(1).map((w) => w.startDay));
  });

  it('WAPE, baseline WAPE and bias are the contract\'s sums (checked against a direct computation of week 3\'s naive)', () => {
    const week = base.byType[0]!.backtest.byWeek[3]!;
    let abs = 0;
    let actual = 0;
    for (let day = week.startDay; day < week.startDay + 7; day++) {
      const d = day - FIRST_DAY;
      if (history.open[d] !== 1) continue;
      for (let s = 0; s < SLOTS; s++) {
        const n = history.offered[cellIndex(SLOTS, TYPES.length, d, 0, s)]!;
        const naive = history.offered[cellIndex(SLOTS, TYPES.length, d - 7, 0, s)]!;
        abs += Math.abs(n - naive);
        actual += n;
      }
    }
    expect(week.baselineWape).toBeCloseTo(abs / actual, 12);
  });
});

describe('forecastHistory: refused requests', () => {
  const history = syntheticHistory({ weeks: 5, seed: 3 });

  it('a history too short for K backtest weeks names the option and how many weeks fit', () => {
    const error = (() => {
      try {
        forecastHistory(history, { startDay: history.lastDay + 1, days: 7 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ForecastError);
    expect((error as ForecastError).option).toBe('backtestWeeks');
    expect((error as Error).message).toMatch(/history has 35 days .* a backtest of 4 weeks needs 42 .* at most 3 backtest weeks/);
    expect(forecastHistory(history, { startDay: history.lastDay + 1, days: 7, backtestWeeks: 3 }).byType[0]!.backtest.weeks).toBe(3);
  });

  it('a start on or before the history\'s last day is refused; any later day is fine', () => {
    expect(() => forecastHistory(history, { startDay: history.lastDay, days: 7, backtestWeeks: 3 })).toThrow(/is not after the history, which ends on 2024-02-04: a forecast starts on 2024-02-05 or later/);
    const later = forecastHistory(history, { startDay: history.lastDay + 10, days: 3, backtestWeeks: 3 });
    expect(later.startDay).toBe(history.lastDay + 10);
  });

  it('days outside 1..366 are refused', () => {
    expect(() => forecastHistory(history, { startDay: history.lastDay + 1, days: 0, backtestWeeks: 3 })).toThrow(ForecastError);
    expect(() => forecastHistory(history, { startDay: history.lastDay + 1, days: 367, backtestWeeks: 3 })).toThrow(/from 1 to 366/);
  });
});
