import { Matrix, solve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { dayNumber, weekday } from '../../src/history/calendar.js';
import { DailyFit, leastSquares } from '../../src/history/forecastDaily.js';
import { FORECAST_DEFAULTS } from '../../src/history/forecastOptions.js';
import { fitIntraday } from '../../src/history/forecastProfile.js';
import { countBand, countQuantile } from '../../src/history/forecastQuantile.js';
import { cellIndex } from '../../src/history/types.js';
import { createStream, gamma } from '../../src/random/index.js';
import { FIRST_DAY, poisson, SLOTS, syntheticHistory, trueShare } from './syntheticHistory.js';

describe('leastSquares(x, y, weights) by ml-matrix QR', () => {
  it('reproduces a known regression: the closed-form slope and intercept of simple regression', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7];
    const ys = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8];
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    const sxy = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const slope = sxy / sxx;
    const { beta, residuals } = leastSquares(new Matrix(xs.map((x) => [1, x])), ys, undefined);
    expect(beta[1]).toBeCloseTo(slope, 12);
    expect(beta[0]).toBeCloseTo(my - slope * mx, 12);
    expect(residuals.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    // ...and the normal equations solved by ml-matrix's solve agree.
    const x = new Matrix(xs.map((v) => [1, v]));
    const normal = solve(x.transpose().mmul(x), x.transpose().mmul(Matrix.columnVector(ys))).getColumn(0);
    expect(beta[0]).toBeCloseTo(normal[0]!, 10);
  });

  it('weights a row as if it were repeated: weight 2 equals the row given twice', () => {
    const x = new Matrix([[1, 0], [1, 1], [1, 2], [1, 3]]);
    const y = [1, 2, 2, 5];
    const weighted = leastSquares(x, y, [1, 2, 1, 1]).beta;
    const repeated = leastSquares(new Matrix([[1, 0], [1, 1], [1, 1], [1, 2], [1, 3]]), [1, 2, 2, 2, 5], undefined).beta;
    expect(weighted[0]).toBeCloseTo(repeated[0]!, 12);
    expect(weighted[1]).toBeCloseTo(repeated[1]!, 12);
  });
});

describe('DailyFit (log daily totals on weekday + trend)', () => {
  const origin = dayNumber('2024-03-04')!; // a Monday
  const levels = [1000, 900, 850, 800, 700, 300, 0];
  const growth = 0.03;
  const exact = (day: number) => levels[weekday(day)]! * Math.exp(growth * ((day - origin) / 7));

  it('recovers weekday levels and the weekly growth from noise-free totals, and extrapolates the damped trend', () => {
    const observations = [];
    for (let day = origin - 56; day < origin; day++) observations.push({ day, total: exact(day) - 0.5 });
    const fit = new DailyFit(origin, observations, FORECAST_DEFAULTS);
    expect(fit.active).toEqual([true, true, true, true, true, true, false]);
    expect(fit.weeklyGrowth).toBeCloseTo(Math.exp(growth) - 1, 9);
    expect(fit.outliers).toEqual([]);
    // At the origin the level is exact; 10 weeks ahead the trend adds its damped weeks only.
    expect(fit.predict(origin).mean).toBeCloseTo(exact(origin) - 0.5, 6);
    const phi = FORECAST_DEFAULTS.trendDamping;
    const damped = (1 - phi ** 10) / -Math.log(phi);
    expect(fit.predict(origin + 70).mean).toBeCloseTo(levels[0]! * Math.exp(growth * damped) - 0.5, 6);
    expect(fit.predict(origin + 6).mean).toBe(0); // Sunday: closed
  });

  it('shrinks a slope that is mostly noise to 0 (no trend in the data)', () => {
    const stream = createStream(5, 0, 'daily-noise');
    const factor = gamma(1, 0.15);
    const observations = [];
    for (let day = origin - 56; day < origin; day++) {
      if (weekday(day) !== 6) observations.push({ day, total: poisson(levels[weekday(day)]! * factor.sample(stream), stream) });
    }
    const fit = new DailyFit(origin, observations, FORECAST_DEFAULTS);
    // A noise slope is within about one standard error of 0, where positive-part shrinkage ends.
    expect(Math.abs(fit.weeklyGrowth)).toBeLessThan(0.01);
    // The in-sample residual variance is the day factor's (log cv ~ 0.15) plus Poisson noise.
    expect(Math.sqrt(fit.residualVariance)).toBeGreaterThan(0.08);
    expect(Math.sqrt(fit.residualVariance)).toBeLessThan(0.25);
  });

  it('finds a 5x day as an outlier and leaves it out of the levels', () => {
    const spike = origin - 13; // a Tuesday
    const observations = [];
    for (let day = origin - 56; day < origin; day++) observations.push({ day, total: (exact(day) - 0.5) * (day === spike ? 5 : 1) });
    const fit = new DailyFit(origin, observations, FORECAST_DEFAULTS);
    expect(fit.outliers.map((o) => o.day)).toEqual([spike]);
    // The Huber fit gives the spike a small weight, not none: the ratio is close to, not exactly, 5.
    expect(fit.outliers[0]!.ratio).toBeGreaterThan(4.5);
    expect(fit.outliers[0]!.ratio).toBeLessThan(5.5);
    expect(fit.kept).not.toContain(spike);
    // Tuesday's level is exact again (a day ahead, the trend is damped: 0.1386 of a week, not 1/7).
    const damped = (1 - FORECAST_DEFAULTS.trendDamping ** (1 / 7)) / -Math.log(FORECAST_DEFAULTS.trendDamping);
    expect(fit.predict(origin + 1).mean).toBeCloseTo(levels[1]! * Math.exp(growth * damped) - 0.5, 6);
  });
});

describe('countQuantile(mean, dayCv2, dispersion, p)', () => {
  it('is the Poisson quantile without day-level error (Poisson(10): 6 and 14)', () => {
    expect(countQuantile(10, 0, 1, 0.1)).toBe(6);
    expect(countQuantile(10, 0, 1, 0.9)).toBe(14);
    expect(countQuantile(0, 0.5, 2, 0.9)).toBe(0);
  });

  it('matches the negative binomial it describes (checked against simulated Poisson-gamma counts)', () => {
    const stream = createStream(3, 0, 'nb');
    const mean = 40;
    const cv = 0.3;
    const factor = gamma(1, cv);
    const draws = Array.from({ length: 40_000 }, () => poisson(mean * factor.sample(stream), stream)).sort((a, b) => a - b);
    const empirical = (p: number) => draws[Math.ceil(p * draws.length) - 1]!;
    expect(Math.abs(countQuantile(mean, cv * cv, 1, 0.1) - empirical(0.1))).toBeLessThanOrEqual(1);
    expect(Math.abs(countQuantile(mean, cv * cv, 1, 0.9) - empirical(0.9))).toBeLessThanOrEqual(1);
    // Wider than Poisson, as overdispersion demands.
    expect(countQuantile(mean, cv * cv, 1, 0.9) - countQuantile(mean, cv * cv, 1, 0.1)).toBeGreaterThan(countQuantile(mean, 0, 1, 0.9) - countQuantile(mean, 0, 1, 0.1) + 10);
  });

  it('is exact for large means too (no underflow of P(0)): a normal approximation is within a few counts', () => {
    for (const [mean, cv2] of [[800, 0], [5000, 0], [5000, 0.01], [20_000, 0.04]] as const) {
      const sd = Math.sqrt(mean + cv2 * mean * mean);
      const lo = countQuantile(mean, cv2, 1, 0.1);
      const hi = countQuantile(mean, cv2, 1, 0.9);
      // The skewed negative binomial sits a little right of the normal, by (z^2 - 1) skew / 6 sd.
      const skew = (mean + 3 * cv2 * mean * mean + 2 * cv2 * cv2 * mean ** 3) / sd ** 3;
      const shift = ((1.2816 ** 2 - 1) * skew * sd) / 6;
      expect(Math.abs(lo - (mean - 1.2816 * sd + shift))).toBeLessThan(0.02 * sd + 2);
      expect(Math.abs(hi - (mean + 1.2816 * sd + shift))).toBeLessThan(0.02 * sd + 2);
    }
  });

  it('countBand gives both quantiles of one pass, the same as asked one by one', () => {
    for (const [mean, cv2, phi] of [[3, 0, 1], [40, 0.04, 1.2], [900, 0.2, 1]] as const) {
      expect(countBand(mean, cv2, phi, 0.1, 0.9)).toEqual([countQuantile(mean, cv2, phi, 0.1), countQuantile(mean, cv2, phi, 0.9)]);
    }
  });
});

describe('fitIntraday (profile, dispersion, AHT)', () => {
  const history = syntheticHistory({ weeks: 8, seed: 4, types: ['calls'] });
  const kept = Array.from({ length: history.days }, (_, d) => FIRST_DAY + d).filter((day) => weekday(day) !== 6);
  const active = [true, true, true, true, true, true, false];

  it('estimates each weekday\'s share of the day (Saturday has its own shape) summing to 1', () => {
    const fit = fitIntraday(history, 0, kept, active, FORECAST_DEFAULTS);
    for (const w of [0, 5]) {
      const row = Array.from(fit.share.subarray(w * SLOTS, (w + 1) * SLOTS));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (let s = 8; s < 20; s++) expect(Math.abs(row[s]! - trueShare(w, s))).toBeLessThan(0.015);
    }
    expect(fit.share.subarray(6 * SLOTS, 7 * SLOTS).every((v) => v === 0)).toBe(true);
  });

  it('gives a weekday seen with only a few contacts mostly the pooled shape (shrinkage)', () => {
    // Saturday thinned to about 2 contacts a day: its own shape is noise.
    const thin = { ...history, offered: history.offered.slice() };
    const stream = createStream(9, 0, 'thin');
    for (let d = 0; d < history.days; d++) {
      if (weekday(FIRST_DAY + d) !== 5) continue;
      for (let s = 0; s < SLOTS; s++) thin.offered[cellIndex(SLOTS, 1, d, 0, s)] = s >= 8 && s < 20 ? poisson(0.15, stream) : 0;
    }
    const fit = fitIntraday(thin, 0, kept, active, FORECAST_DEFAULTS);
    const saturday = Array.from(fit.share.subarray(5 * SLOTS, 6 * SLOTS));
    const monday = Array.from(fit.share.subarray(0, SLOTS));
    const open = saturday.flatMap((v, s) => (v > 0 ? [s] : []));
    // Its open intervals follow the pooled (weekday) shape far more than its own counts.
    const ownCounts = open.map((s) => {
      let n = 0;
      for (let d = 0; d < history.days; d++) if (weekday(FIRST_DAY + d) === 5) n += thin.offered[cellIndex(SLOTS, 1, d, 0, s)]!;
      return n;
    });
    const ownTotal = ownCounts.reduce((a, b) => a + b, 0);
    const mondayOpen = open.reduce((a, s) => a + monday[s]!, 0);
    const distance = (shape: number[]) => open.reduce((a, s, j) => a + Math.abs(saturday[s]! - shape[j]!), 0);
    expect(distance(open.map((s) => monday[s]! / mondayOpen))).toBeLessThan(0.5 * distance(ownCounts.map((n) => n / ownTotal)));
  });

  it('measures dispersion near 1 for counts Poisson given the day, and well above 1 for bursty intervals', () => {
    expect(fitIntraday(history, 0, kept, active, FORECAST_DEFAULTS).dispersion).toBeLessThan(1.15);
    const stream = createStream(2, 0, 'bursts');
    const burst = gamma(1, 0.4);
    const bursty = { ...history, offered: history.offered.slice() };
    for (let i = 0; i < bursty.offered.length; i++) bursty.offered[i] = poisson(bursty.offered[i]! * burst.sample(stream), stream);
    // Var = m + 0.16 m^2 with m about 50-100: a factor well above 5.
    expect(fitIntraday(bursty, 0, kept, active, FORECAST_DEFAULTS).dispersion).toBeGreaterThan(5);
  });

  it('ignores unknown AHT cells, and is undefined without an aht column', () => {
    const holes = { ...history, aht: history.aht.map((a, i) => (i % 3 === 0 ? NaN : a)) };
    const fit = fitIntraday(holes, 0, kept, active, FORECAST_DEFAULTS);
    expect(fit.aht!.every((a) => Number.isFinite(a) && a > 200 && a < 450)).toBe(true);
    const none = { ...history, columns: new Set<never>() };
    expect(fitIntraday(none, 0, kept, active, FORECAST_DEFAULTS).aht).toBeUndefined();
  });
});
