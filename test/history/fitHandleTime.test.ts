import { describe, expect, it } from 'vitest';
import { createStream, exponential, gamma, lognormal, type Distribution } from '../../src/random/index.js';
import { fitHandleTime, HandleTimeSample, type HandleFamily } from '../../src/history/handleTimeFit.js';
import { volumeUncertaintyCv } from '../../src/history/volumeUncertainty.js';

function sample(d: Distribution, n: number, seed: string): HandleTimeSample {
  const s = new HandleTimeSample();
  const stream = createStream(7, 0, seed);
  for (let i = 0; i < n; i++) s.add(d.sample(stream));
  return s;
}

describe('fitHandleTime(sample) on draws from known distributions', () => {
  const cases: readonly [HandleFamily, Distribution, number][] = [
    ['exponential', exponential(300), 1],
    ['lognormal', lognormal(240, 0.6), 0.6],
    ['gamma', gamma(200, 0.5), 0.5],
  ];
  for (const [family, dist, cv] of cases) {
    it(`${family}: chosen by AIC; mean, cv and AHT inside their 99 % intervals`, () => {
      const fit = fitHandleTime(sample(dist, 20_000, family));
      expect(fit.chosen!.family).toBe(family);
      const inside = (e: { lo: number; hi: number }, v: number) => e.lo < v && v < e.hi;
      expect(inside(fit.aht, dist.mean)).toBe(true);
      expect(inside(fit.chosen!.parameters['mean']!, dist.mean)).toBe(true);
      if (family !== 'exponential') expect(inside(fit.chosen!.parameters['cv']!, cv)).toBe(true);
      expect(fit.chosen!.cv).toBeCloseTo(cv, 1);
      expect((fit.aht.hi - fit.aht.lo) / dist.mean).toBeLessThan(0.05);
    });
  }

  it('the streaming statistics equal the two-pass ones', () => {
    const xs = [12, 300, 45.5, 1000, 7, 88];
    const s = new HandleTimeSample();
    for (const x of xs) s.add(x);
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    const logMean = xs.reduce((a, x) => a + Math.log(x), 0) / xs.length;
    expect(s.mean).toBeCloseTo(mean, 10);
    expect(s.squares).toBeCloseTo(xs.reduce((a, x) => a + (x - mean) ** 2, 0), 8);
    expect(s.logMean).toBeCloseTo(logMean, 12);
    expect(s.logSquares).toBeCloseTo(xs.reduce((a, x) => a + (Math.log(x) - logMean) ** 2, 0), 12);
  });
});

describe('volumeUncertaintyCv(dayRatios, meanDailyVolume)', () => {
  it('recovers the cv of gamma day factors beyond the Poisson noise', () => {
    // Days of 400 contacts on average, day factor gamma(mean 1, cv 0.1): ratio variance 0.01 + 1/400.
    const stream = createStream(3, 0, 'days');
    const factor = gamma(1, 0.1);
    const ratios: number[] = [];
    for (let d = 0; d < 400; d++) {
      const mean = 400 * factor.sample(stream);
      // A Poisson count by its normal approximation is enough here.
      const count = Math.max(0, mean + Math.sqrt(mean) * normal(stream));
      ratios.push(count / 400);
    }
    const cv = volumeUncertaintyCv(ratios, 400)!;
    expect(cv.lo).toBeLessThan(0.1);
    expect(cv.hi).toBeGreaterThan(0.1);
    expect(cv.value).toBeGreaterThan(0.08);
  });
  it('Poisson noise alone gives a cv near 0, floored, never negative', () => {
    const cv = volumeUncertaintyCv([1, 1, 1, 1], 100)!;
    expect(cv.value).toBe(0);
    expect(volumeUncertaintyCv([1.1, 0.9], 100)).toBeUndefined();
  });
});

/** A standard normal by Box-Muller. */
function normal(stream: { next(): number }): number {
  return Math.sqrt(-2 * Math.log(stream.next())) * Math.cos(2 * Math.PI * stream.next());
}
