import { describe, expect, it } from 'vitest';
import {
  constant,
  createStream,
  empirical,
  exponential,
  gamma,
  lognormal,
  makeDistribution,
  mixture,
  triangular,
  truncated,
  uniform,
  weibull,
  type Distribution,
} from '../../src/random/index.js';
import { gammaP, lnGammaQ, normalCdf } from '../support/exactCdf.js';

/*
 * The kinds of issue 16 (triangular, mixture, truncated) and the window methods every kind now has
 * (partialMoment, sampleWithin): moments against closed forms or numerical integration of the
 * exact CDF, draws of `sample` against the CDF (Kolmogorov-Smirnov at 99.9 %, seeded), and how
 * many uniforms a draw takes. The conditional draws (sampleRemaining) are in conditional.test.ts.
 */
const SEED = 16;
const N = 50_000;
const KS = 1.9494746; // Kolmogorov 0.999 quantile
const Z = 3.2905267314919; // two-sided 99.9 %

/** Composite Simpson of f on [a, b] with 2m intervals. */
function simpson(f: (x: number) => number, a: number, b: number, m = 2000): number {
  const h = (b - a) / (2 * m);
  let sum = f(a) + f(b);
  for (let i = 1; i < 2 * m; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

function ksDistance(draws: Float64Array, cdf: (x: number) => number, cdfBelow: (x: number) => number = cdf): number {
  const sorted = Float64Array.from(draws).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; ) {
    const x = sorted[i]!;
    let j = i + 1;
    while (j < n && sorted[j] === x) j++;
    d = Math.max(d, Math.abs(j / n - cdf(x)), Math.abs(i / n - cdfBelow(x)));
    i = j;
  }
  return d;
}

function draws(d: Distribution, name: string): Float64Array {
  const s = createStream(SEED, 0, name);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) d.sampleInto(s, out, i);
  return out;
}

/** The uniforms a call consumed: how far `stream` is ahead of a fresh copy. */
function uniformsUsed(draw: (stream: ReturnType<typeof createStream>) => void): number {
  const used = createStream(SEED, 0, 'count');
  draw(used);
  const next = used.next();
  const fresh = createStream(SEED, 0, 'count');
  for (let k = 0; k < 10; k++) if (fresh.next() === next) return k;
  return -1;
}

const lnS = (mean: number, cv: number) => {
  const s2 = Math.log1p(cv * cv);
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
};

interface Case {
  readonly title: string;
  readonly dist: Distribution;
  readonly cdf: (x: number) => number;
  readonly cdfBelow?: (x: number) => number;
  /** Exact mean and variance, or where to integrate the CDF for them. */
  readonly mean: number;
  readonly variance: number;
}

const triCdf = (a: number, c: number, b: number) => (x: number) =>
  x <= a ? 0 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : x < b ? 1 - (b - x) ** 2 / ((b - a) * (b - c)) : 1;

/** Mean and variance from a CDF on [0, end] by integrating the survival: E X = ∫S, E X² = ∫2xS. */
function integrated(cdf: (x: number) => number, end: number): { mean: number; variance: number } {
  const mean = simpson((x) => 1 - cdf(x), 0, end);
  const second = simpson((x) => 2 * x * (1 - cdf(x)), 0, end);
  return { mean, variance: second - mean * mean };
}

const ln = lnS(300, 1);
const lnCdf = (x: number) => (x > 0 ? normalCdf((Math.log(x) - ln.mu) / ln.sigma) : 0);
const truncLnCdf = (x: number) => (x <= 60 ? 0 : x >= 900 ? 1 : (lnCdf(x) - lnCdf(60)) / (lnCdf(900) - lnCdf(60)));
const gammaCdf = (x: number) => (x > 0 ? -Math.expm1(lnGammaQ(0.25, x / 1200)) : 0);
const truncGammaCdf = (x: number) => (x >= 1000 ? 1 : gammaCdf(x) / gammaCdf(1000));
const mixCdf = (x: number) => (x < 0 ? 0 : 0.1 + 0.9 * -Math.expm1(-x / 200));
const truncMixCdf = (x: number) => (x < 0 ? 0 : x >= 500 ? 1 : mixCdf(x) / mixCdf(500));

const CASES: readonly Case[] = [
  { title: 'triangular(30, 60, 300)', dist: triangular(30, 60, 300), cdf: triCdf(30, 60, 300), mean: 130, variance: (30 ** 2 + 60 ** 2 + 300 ** 2 - 30 * 60 - 30 * 300 - 60 * 300) / 18 },
  { title: 'triangular(0, 0, 100) (mode at min)', dist: triangular(0, 0, 100), cdf: triCdf(0, 0, 100), mean: 100 / 3, variance: 10_000 / 18 },
  { title: 'triangular(0, 100, 100) (mode at max)', dist: triangular(0, 100, 100), cdf: triCdf(0, 100, 100), mean: 200 / 3, variance: 10_000 / 18 },
  {
    title: 'mixture(0.1 constant 0, 0.9 exponential 200)',
    dist: mixture([constant(0), exponential(200)], [0.1, 0.9]),
    cdf: mixCdf,
    cdfBelow: (x) => (x <= 0 ? 0 : mixCdf(x)),
    mean: 180,
    variance: 0.9 * 2 * 200 ** 2 - 180 ** 2,
  },
  {
    title: 'mixture(2 uniform(0, 100), 6 uniform(100, 200)) (weights normalised)',
    dist: mixture([uniform(0, 100), uniform(100, 200)], [2, 6]),
    cdf: (x) => (x <= 100 ? 0.25 * Math.max(0, x) / 100 : Math.min(1, 0.25 + (0.75 * (x - 100)) / 100)),
    mean: 0.25 * 50 + 0.75 * 150,
    variance: 0.25 * (100 ** 2 / 12 + 50 ** 2) + 0.75 * (100 ** 2 / 12 + 150 ** 2) - (0.25 * 50 + 0.75 * 150) ** 2,
  },
  { title: 'truncated(lognormal(300, 1), 60, 900)', dist: truncated(lognormal(300, 1), 60, 900), cdf: truncLnCdf, ...integrated(truncLnCdf, 900) },
  {
    // Shape 1/4, scale 1200: E[X^k; X <= t] = scale^k Γ(a+k)/Γ(a) P(a+k, t/scale) (the density's pole defeats Simpson).
    title: 'truncated(gamma(300, 2), 0, 1000)',
    dist: truncated(gamma(300, 2), 0, 1000),
    cdf: truncGammaCdf,
    mean: (1200 * 0.25 * gammaP(1.25, 1000 / 1200)) / gammaP(0.25, 1000 / 1200),
    variance:
      (1200 ** 2 * 0.25 * 1.25 * gammaP(2.25, 1000 / 1200)) / gammaP(0.25, 1000 / 1200) -
      ((1200 * 0.25 * gammaP(1.25, 1000 / 1200)) / gammaP(0.25, 1000 / 1200)) ** 2,
  },
  {
    title: 'truncated(weibull(2, 100), 50, 150)',
    dist: truncated(weibull(2, 100), 50, 150),
    cdf: (x) => (x <= 50 ? 0 : x >= 150 ? 1 : (Math.exp(-0.25) - Math.exp(-((x / 100) ** 2))) / (Math.exp(-0.25) - Math.exp(-2.25))),
    ...integrated((x) => (x <= 50 ? 0 : x >= 150 ? 1 : (Math.exp(-0.25) - Math.exp(-((x / 100) ** 2))) / (Math.exp(-0.25) - Math.exp(-2.25))), 150),
  },
  {
    title: 'truncated(exponential(100), 200) (memoryless: 200 + exponential)',
    dist: truncated(exponential(100), 200),
    cdf: (x) => (x <= 200 ? 0 : -Math.expm1(-(x - 200) / 100)),
    mean: 300,
    variance: 10_000,
  },
  {
    title: 'truncated(mixture(0.1 constant 0, 0.9 exponential 200), 0, 500) (the atom at min kept)',
    dist: truncated(mixture([constant(0), exponential(200)], [0.1, 0.9]), 0, 500),
    cdf: truncMixCdf,
    cdfBelow: (x) => (x <= 0 ? 0 : truncMixCdf(x)),
    ...integrated(truncMixCdf, 500),
  },
  {
    title: 'truncated(empirical(10 20 20 30 40), 20, 30)',
    dist: truncated(empirical([10, 20, 20, 30, 40]), 20, 30),
    cdf: (x) => (x < 20 ? 0 : x < 30 ? 2 / 3 : 1),
    cdfBelow: (x) => (x <= 20 ? 0 : x <= 30 ? 2 / 3 : 1),
    mean: (20 + 20 + 30) / 3,
    variance: (2 * 20 ** 2 + 30 ** 2) / 3 - (70 / 3) ** 2,
  },
];

describe(`new kinds: moments and the law of sample (seed ${SEED}, N = ${N})`, () => {
  for (const c of CASES) {
    describe(c.title, () => {
      const x = draws(c.dist, c.title);
      it('mean and variance are the exact ones', () => {
        expect(c.dist.mean).toBeCloseTo(c.mean, 6);
        expect(c.dist.variance / c.variance).toBeCloseTo(1, 6);
      });
      it('draws follow the CDF (KS below its 0.1 % critical value) and the mean within its 99.9 % band', () => {
        expect(ksDistance(x, c.cdf, c.cdfBelow)).toBeLessThan(KS / Math.sqrt(N));
        let sum = 0;
        for (const v of x) sum += v;
        expect(Math.abs(sum / N - c.mean)).toBeLessThan(Z * Math.sqrt(c.variance / N));
      });
    });
  }

  it('the KS check has teeth: the untruncated lognormal is rejected against the truncated CDF', () => {
    expect(ksDistance(draws(lognormal(300, 1), 'teeth'), truncLnCdf)).toBeGreaterThan(KS / Math.sqrt(N));
  });
});

describe('partialMoment: E[X^k; lo <= X <= hi] of every kind against numerical integration', () => {
  // Densities (continuous kinds) for the integration; x^k f(x) on [lo, hi].
  const gammaDensity = (shape: number, scale: number) => (x: number) =>
    x > 0 ? Math.exp((shape - 1) * Math.log(x / scale) - x / scale - lnGammaOf(shape)) / scale : 0;
  const cases: { title: string; dist: Distribution; density: (x: number) => number; breaks?: number[] }[] = [
    { title: 'exponential(100)', dist: exponential(100), density: (x) => Math.exp(-x / 100) / 100 },
    { title: 'gamma(300, 0.5)', dist: gamma(300, 0.5), density: gammaDensity(4, 75) },
    { title: 'weibull(1.5, 200)', dist: weibull(1.5, 200), density: (x) => (1.5 / 200) * (x / 200) ** 0.5 * Math.exp(-((x / 200) ** 1.5)) },
    {
      title: 'lognormal(300, 1)',
      dist: lognormal(300, 1),
      density: (x) => (x > 0 ? Math.exp(-(((Math.log(x) - ln.mu) / ln.sigma) ** 2) / 2) / (x * ln.sigma * Math.sqrt(2 * Math.PI)) : 0),
    },
    { title: 'uniform(60, 240)', dist: uniform(60, 240), density: (x) => (x >= 60 && x <= 240 ? 1 / 180 : 0), breaks: [60, 240] },
    { title: 'triangular(30, 60, 300)', dist: triangular(30, 60, 300), density: (x) => (x < 30 || x > 300 ? 0 : x <= 60 ? (2 * (x - 30)) / (270 * 30) : (2 * (300 - x)) / (270 * 240)), breaks: [30, 60, 300] },
  ];
  for (const { title, dist, density, breaks = [] } of cases) {
    it(`${title}: orders 0, 1, 2 on [50, 250] and on [0, 100]`, () => {
      for (const [lo, hi] of [[50, 250], [0, 100]] as const) {
        for (const k of [0, 1, 2] as const) {
          // Piecewise between the density's kinks and jumps, where Simpson is exact enough.
          const points = [lo, ...breaks.filter((b) => b > lo && b < hi), hi];
          let exact = 0;
          for (let i = 0; i + 1 < points.length; i++) {
            // Each piece's ends evaluated just inside it: a jump belongs to the side it bounds.
            const [a, b] = [points[i]!, points[i + 1]!];
            const inside = (x: number) => Math.min(b - 1e-12 * b, Math.max(a + 1e-12 * b, x));
            exact += simpson((x) => x ** k * density(inside(x)), a, b, 20_000);
          }
          expect(dist.partialMoment(k, lo, hi) / exact).toBeCloseTo(1, 6);
        }
      }
      expect(dist.partialMoment(0, 0, Infinity)).toBeCloseTo(1, 12);
      expect(dist.partialMoment(1, 0, Infinity) / dist.mean).toBeCloseTo(1, 10);
    });
  }
  it('atoms count on the closed window: constant, empirical, mixture', () => {
    expect(constant(5).partialMoment(1, 5, 5)).toBe(5);
    expect(empirical([1, 2, 2, 3]).partialMoment(0, 2, 3)).toBe(0.75);
    expect(mixture([constant(0), exponential(1)], [1, 3]).partialMoment(0, 0, 0)).toBe(0.25);
  });
});

/** ln Γ(x) for the density above (Stirling after shifting; the oracle's own copy). */
function lnGammaOf(x: number): number {
  let shift = 0;
  let z = x;
  while (z < 12) shift += Math.log(z++);
  return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z) - 1 / (360 * z ** 3) - shift;
}

describe('stream use', () => {
  it('triangular and truncated draw one uniform (truncated of a constant none); a mixture one plus its component', () => {
    expect(uniformsUsed((s) => triangular(1, 2, 3).sample(s))).toBe(1);
    expect(uniformsUsed((s) => truncated(lognormal(100, 1), 10, 20).sample(s))).toBe(1);
    expect(uniformsUsed((s) => truncated(constant(5), 0, 10).sample(s))).toBe(0);
    expect(uniformsUsed((s) => mixture([exponential(1), uniform(0, 1)], [0.5, 0.5]).sample(s))).toBe(2);
    expect(uniformsUsed((s) => mixture([constant(0), constant(1)], [0.5, 0.5]).sample(s))).toBe(1);
    expect(uniformsUsed((s) => truncated(lognormal(100, 1), 10, 20).sampleRemaining(s, 30))).toBe(1);
  });

  it('a mixture picks its component with the first uniform: below the first weight, the first component', () => {
    const u = createStream(SEED, 0, 'pick').next();
    const m = mixture([constant(1), constant(2)], [u + 1e-9, 1 - u - 1e-9]);
    expect(m.sample(createStream(SEED, 0, 'pick'))).toBe(1);
    const m2 = mixture([constant(1), constant(2)], [u - 1e-9, 1 - u + 1e-9]);
    expect(m2.sample(createStream(SEED, 0, 'pick'))).toBe(2);
  });

  it('sampleRemaining past the end of a bounded law is 0', () => {
    const s = createStream(SEED, 0, 'end');
    expect([triangular(0, 10, 20).sampleRemaining(s, 20), truncated(exponential(10), 0, 5).sampleRemaining(s, 7)]).toEqual([0, 0]);
    expect(mixture([constant(0), constant(3)], [0.5, 0.5]).sampleRemaining(s, 1)).toBe(2);
  });
});

describe('makeDistribution of the new kinds, and refusals', () => {
  it('builds nested kinds from scenario parameters', () => {
    const d = makeDistribution({
      dist: 'mixture',
      of: [
        { weight: 0.1, dist: { dist: 'constant', value: 0 } },
        { weight: 0.9, dist: { dist: 'truncated', of: { dist: 'triangular', min: 0, mode: 50, max: 100 }, max: 50 } },
      ],
    });
    expect(d.kind).toBe('mixture');
    // The triangle's left half: density 2x/5000 on [0, 50] renormalised by 1/2, mean 100/3.
    expect(d.mean).toBeCloseTo(0.9 * (100 / 3), 10);
  });
  it('refuses a window without probability, and bad triangles and weights', () => {
    expect(() => truncated(uniform(0, 10), 20, 30)).toThrow(/holds no probability/);
    expect(() => truncated(exponential(10), 5, 5)).toThrow(/holds no probability/);
    expect(() => triangular(10, 5, 20)).toThrow(RangeError);
    expect(() => mixture([constant(1)], [0])).toThrow(RangeError);
  });
});
