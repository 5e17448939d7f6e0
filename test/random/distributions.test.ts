import { describe, expect, it } from 'vitest';
import { constant, createStream, empirical, exponential, gamma, lognormal, uniform, weibull, type Distribution } from '../../src/random/index.js';
import { gammaP, lnGamma, normalCdf } from '../support/exactCdf.js';

/*
 * Every distribution against theory, on N draws from the stream `createStream(SEED, 0, name)`
 * (name = the case's title), so each run sees the same numbers. Three checks per case, each at
 * 99.9 % (two-sided):
 * - the sample mean within Z * sd / sqrt(N) of the distribution's mean;
 * - the sample variance within Z * sqrt(Var(s²)) of its variance, where
 *   Var(s²) = mu4 / N - sigma^4 (N - 3) / (N (N - 1)) with mu4 the exact fourth central moment;
 * - the Kolmogorov-Smirnov distance to the exact CDF below KS / sqrt(N) (asymptotic Kolmogorov
 *   quantile; conservative for a discrete distribution).
 * The distribution's own `mean` and `variance` are also checked against the closed form, and
 * each band against a width bound, so a loose band cannot pass a wrong sampler.
 */
const SEED = 20_240_601;
const N = 400_000;
/** Standard normal 0.9995 quantile: two-sided 99.9 %. */
const Z = 3.2905267314919;
/** Kolmogorov distribution's 0.999 quantile: P(sqrt(N) D > KS) = 0.001 for large N. */
const KS = 1.9494746;

interface Case {
  readonly title: string;
  readonly dist: Distribution;
  /** Closed-form mean, variance and fourth central moment. */
  readonly mean: number;
  readonly variance: number;
  readonly mu4: number;
  /** The exact CDF, and its left limit F(x-) where it jumps (a discrete distribution). */
  readonly cdf: (x: number) => number;
  readonly cdfBelow?: (x: number) => number;
  /** Largest allowed band half-width, relative to the mean and to the variance. */
  readonly meanWidth: number;
  readonly varianceWidth: number;
}

/** Shape k and scale θ of the gamma with this mean and cv, as the scenario file states it. */
function gammaCase(mean: number, cv: number, varianceWidth: number): Case {
  const k = 1 / (cv * cv);
  const theta = mean / k;
  return {
    title: `gamma(mean ${mean}, cv ${cv}): shape ${+k.toFixed(3)}${k < 1 ? ' (below 1: boosted)' : ''}`,
    dist: gamma(mean, cv),
    mean: k * theta,
    variance: k * theta * theta,
    mu4: 3 * k * (k + 2) * theta ** 4,
    cdf: (x) => gammaP(k, x / theta),
    meanWidth: 0.01 * Math.max(1, cv),
    varianceWidth,
  };
}

function lognormalCase(mean: number, cv: number, varianceWidth: number): Case {
  const s2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - s2 / 2;
  /** E[X^r] = exp(r mu + r² sigma² / 2). */
  const raw = (r: number) => Math.exp(r * mu + (r * r * s2) / 2);
  const m1 = raw(1);
  return {
    title: `lognormal(mean ${mean}, cv ${cv})`,
    dist: lognormal(mean, cv),
    mean: m1,
    variance: (Math.exp(s2) - 1) * Math.exp(2 * mu + s2),
    mu4: raw(4) - 4 * raw(3) * m1 + 6 * raw(2) * m1 * m1 - 3 * m1 ** 4,
    cdf: (x) => (x > 0 ? normalCdf((Math.log(x) - mu) / Math.sqrt(s2)) : 0),
    meanWidth: 0.01 * Math.max(1, cv),
    varianceWidth,
  };
}

/** Weibull: E[X^r] = scale^r Γ(1 + r / shape), exact CDF 1 - exp(-(x / scale)^shape). */
function weibullCase(shape: number, scale: number, meanWidth: number, varianceWidth: number): Case {
  const raw = (r: number) => scale ** r * Math.exp(lnGamma(1 + r / shape));
  const m1 = raw(1);
  return {
    title: `weibull(shape ${shape}, scale ${scale})`,
    dist: weibull(shape, scale),
    mean: m1,
    variance: raw(2) - m1 * m1,
    mu4: raw(4) - 4 * raw(3) * m1 + 6 * raw(2) * m1 * m1 - 3 * m1 ** 4,
    cdf: (x) => (x > 0 ? -Math.expm1(-((x / scale) ** shape)) : 0),
    meanWidth,
    varianceWidth,
  };
}

function empiricalCase(values: readonly number[]): Case {
  const n = values.length;
  const mean = values.reduce((a, v) => a + v, 0) / n;
  const central = (p: number) => values.reduce((a, v) => a + (v - mean) ** p, 0) / n;
  return {
    title: `empirical([${values.join(', ')}])`,
    dist: empirical(values),
    mean,
    variance: central(2),
    mu4: central(4),
    cdf: (x) => values.filter((v) => v <= x).length / n,
    cdfBelow: (x) => values.filter((v) => v < x).length / n,
    meanWidth: 0.01,
    varianceWidth: 0.01,
  };
}

const CASES: readonly Case[] = [
  {
    title: 'exponential(mean 180)',
    dist: exponential(180),
    mean: 180,
    variance: 180 ** 2,
    mu4: 9 * 180 ** 4,
    cdf: (x) => (x > 0 ? -Math.expm1(-x / 180) : 0),
    meanWidth: 0.01,
    varianceWidth: 0.025,
  },
  {
    title: 'uniform(min 30, max 90)',
    dist: uniform(30, 90),
    mean: 60,
    variance: 60 ** 2 / 12,
    mu4: 60 ** 4 / 80,
    cdf: (x) => Math.min(1, Math.max(0, (x - 30) / 60)),
    meanWidth: 0.003,
    varianceWidth: 0.01,
  },
  lognormalCase(90, 1, 0.04),
  lognormalCase(240, 0.5, 0.015),
  gammaCase(300, 0.5, 0.015),
  gammaCase(180, 1, 0.025),
  gammaCase(300, 1.5, 0.03),
  gammaCase(60, 3, 0.05),
  weibullCase(0.7, 100, 0.015, 0.08),
  weibullCase(1, 180, 0.01, 0.025),
  weibullCase(2.5, 120, 0.005, 0.01),
  empiricalCase([30, 45, 45, 60, 90, 240]),
];

describe('distributions against their closed forms (seed 20240601, 400,000 draws each)', () => {
  for (const c of CASES) {
    describe(c.title, () => {
      const draws = new Float64Array(N);
      const stream = createStream(SEED, 0, c.title);
      for (let i = 0; i < N; i++) c.dist.sampleInto(stream, draws, i);

      it('mean and variance equal the closed form', () => {
        expect(c.dist.mean).toBeCloseTo(c.mean, 9);
        expect(c.dist.variance / c.variance).toBeCloseTo(1, 12);
      });

      it('the sample mean is within its 99.9 % band of the mean, a narrow band', () => {
        let sum = 0;
        for (const x of draws) sum += x;
        const band = (Z * Math.sqrt(c.variance)) / Math.sqrt(N);
        expect(band / c.mean).toBeLessThan(c.meanWidth);
        expect(Math.abs(sum / N - c.mean)).toBeLessThan(band);
      });

      it('the sample variance is within its 99.9 % band of the variance, a narrow band', () => {
        let sum = 0;
        for (const x of draws) sum += x;
        const m = sum / N;
        let squares = 0;
        for (const x of draws) squares += (x - m) ** 2;
        const s2 = squares / (N - 1);
        const sigma4 = c.variance ** 2;
        const band = Z * Math.sqrt(c.mu4 / N - (sigma4 * (N - 3)) / (N * (N - 1)));
        expect(band / c.variance).toBeLessThan(c.varianceWidth);
        expect(Math.abs(s2 - c.variance)).toBeLessThan(band);
      });

      it('the Kolmogorov-Smirnov distance to the exact CDF is below its 0.1 % critical value', () => {
        const sorted = Float64Array.from(draws).sort();
        const below = c.cdfBelow ?? c.cdf;
        let d = 0;
        // Ties (a discrete distribution) are taken together: F_N jumps from i/N to j/N at x.
        for (let i = 0; i < N; ) {
          const x = sorted[i]!;
          let j = i + 1;
          while (j < N && sorted[j] === x) j++;
          d = Math.max(d, Math.abs(j / N - c.cdf(x)), Math.abs(i / N - below(x)));
          i = j;
        }
        expect(d).toBeLessThan(KS / Math.sqrt(N));
      });
    });
  }

  it('constant(value) always draws its value and leaves its stream untouched', () => {
    const dist = constant(42);
    expect([dist.mean, dist.variance]).toEqual([42, 0]);
    const used = createStream(SEED, 0, 'constant');
    const fresh = createStream(SEED, 0, 'constant');
    const out = new Float64Array(1000);
    for (let i = 0; i < out.length; i++) dist.sampleInto(used, out, i);
    expect(out.every((x) => x === 42)).toBe(true);
    expect(used.next()).toBe(fresh.next());
  });
});

describe('the exact CDFs these tests trust', () => {
  it('lnGamma, gammaP and normalCdf agree with known values', () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    for (const x of [0.01, 0.5, 1, 2, 7, 30]) expect(gammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 13);
    // P(2, x) = 1 - e^-x (1 + x): both branches (x below and above a + 1).
    for (const x of [0.3, 2.5, 12]) expect(gammaP(2, x)).toBeCloseTo(1 - Math.exp(-x) * (1 + x), 13);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 13);
    expect(normalCdf(-Z)).toBeCloseTo(0.0005, 13);
  });
});
