import { afterAll, describe, expect, it } from 'vitest';
import {
  constant,
  createStream,
  empirical,
  exponential,
  gamma,
  lognormal,
  mixture,
  triangular,
  truncated,
  uniform,
  weibull,
  type Distribution,
} from '../../src/random/index.js';
import { lnGammaQ, lnNormalSurvival } from '../support/exactCdf.js';

/*
 * Remaining times given the time already elapsed (Distribution.sampleRemaining), against the
 * exact conditional law P(X - w > x | X > w) = S(w + x) / S(w), S computed in log space by the
 * oracle of test/support/exactCdf.ts. For every case and elapsed time w, N draws from the stream
 * `createStream(SEED, 0, title)`, so each run sees the same numbers, and two checks at 99.9 %:
 * - the Kolmogorov-Smirnov distance to the exact conditional CDF below KS / sqrt(N);
 * - the sample mean within Z sd / sqrt(N) of the conditional mean and sd obtained by numerical
 *   integration of the conditional survival function (E[R] = ∫ S(w+x)/S(w) dx,
 *   E[R²] = ∫ 2x S(w+x)/S(w) dx), the band itself bounded so a loose band cannot pass.
 * A third check shows the KS check has teeth: the unconditional draw minus nothing (what a
 * sampler ignoring w would give) is rejected at every w > 0 of every kind but the memoryless one.
 */
const SEED = 20_250_315;
const N = 40_000;
/** Kolmogorov distribution's 0.999 quantile: P(sqrt(N) D > KS) = 0.001 for large N. */
const KS = 1.9494746;
/** Standard normal 0.9995 quantile: two-sided 99.9 %. */
const Z = 3.2905267314919;

interface Case {
  readonly title: string;
  readonly dist: Distribution;
  /** ln P(X > x), exact; and ln P(X >= x) where the law has atoms. */
  readonly lnSurvival: (x: number) => number;
  readonly lnSurvivalFrom?: (x: number) => number;
  /** Points where S has a kink or a jump, and the end of the support (Infinity if none). */
  readonly breaks: readonly number[];
  readonly end: number;
  /** Extra elapsed times beyond 0, the median and the 90th percentile, by ln S(w). */
  readonly farTail?: readonly number[];
  /** True if the law is memoryless (the unconditional draw is then right, not rejected). */
  readonly memoryless?: boolean;
}

function gammaCase(mean: number, cv: number): Case {
  const k = 1 / (cv * cv);
  const theta = mean / k;
  return {
    title: `gamma(mean ${mean}, cv ${cv}), shape ${k}`,
    dist: gamma(mean, cv),
    lnSurvival: (x) => lnGammaQ(k, x / theta),
    breaks: [],
    end: Infinity,
    farTail: [Math.log(1e-12), -1000],
  };
}

function lognormalCase(mean: number, cv: number): Case {
  const s2 = Math.log1p(cv * cv);
  const mu = Math.log(mean) - s2 / 2;
  const sigma = Math.sqrt(s2);
  return {
    title: `lognormal(mean ${mean}, cv ${cv})`,
    dist: lognormal(mean, cv),
    lnSurvival: (x) => (x > 0 ? lnNormalSurvival((Math.log(x) - mu) / sigma) : 0),
    breaks: [],
    end: Infinity,
    farTail: [Math.log(1e-12), -1000],
  };
}

function weibullCase(shape: number, scale: number): Case {
  return {
    title: `weibull(shape ${shape}, scale ${scale})`,
    dist: weibull(shape, scale),
    lnSurvival: (x) => (x > 0 ? -Math.pow(x / scale, shape) : 0),
    breaks: [],
    end: Infinity,
    farTail: [Math.log(1e-12)],
  };
}

const EMPIRICAL = [12, 30, 30, 45, 60, 60, 60, 90, 150, 240, 600];
/** ln(#{v > x} / n), or #{v >= x} when `from`. */
function empiricalLnSurvival(x: number, from: boolean): number {
  return Math.log(EMPIRICAL.filter((v) => (from ? v >= x : v > x)).length / EMPIRICAL.length);
}

/** ln P(X > x) of the lognormal of this mean and cv (exact oracle). */
function lognormalLnS(mean: number, cv: number): (x: number) => number {
  const s2 = Math.log1p(cv * cv);
  const mu = Math.log(mean) - s2 / 2;
  return (x) => (x > 0 ? lnNormalSurvival((Math.log(x) - mu) / Math.sqrt(s2)) : 0);
}
const logSumExp = (a: number, b: number) => (a === -Infinity && b === -Infinity ? -Infinity : Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))));

/** The kinds of issue 16 (triangular, mixture, truncated), each against its own exact survival. */
const REALISM_CASES: readonly Case[] = [
  {
    title: 'triangular(30, 60, 300)',
    dist: triangular(30, 60, 300),
    lnSurvival: (x) => Math.log(x <= 30 ? 1 : x <= 60 ? 1 - (x - 30) ** 2 / (270 * 30) : x < 300 ? (300 - x) ** 2 / (270 * 240) : 0),
    breaks: [30, 60],
    end: 300,
  },
  {
    // "10 % zero patience": an atom at 0, which X > w leaves out at every w (w = 0 included).
    title: 'mixture(0.1 constant 0, 0.9 exponential 200)',
    dist: mixture([constant(0), exponential(200)], [0.1, 0.9]),
    lnSurvival: (x) => (x < 0 ? 0 : Math.log(0.9) - x / 200),
    lnSurvivalFrom: (x) => (x <= 0 ? 0 : Math.log(0.9) - x / 200),
    breaks: [],
    end: Infinity,
  },
  {
    title: 'mixture(0.3 gamma(300, 0.5), 0.7 weibull(0.7, 200))',
    dist: mixture([gamma(300, 0.5), weibull(0.7, 200)], [0.3, 0.7]),
    lnSurvival: (x) => (x > 0 ? logSumExp(Math.log(0.3) + lnGammaQ(4, x / 75), Math.log(0.7) - Math.pow(x / 200, 0.7)) : 0),
    breaks: [],
    end: Infinity,
    farTail: [Math.log(1e-12)],
  },
  {
    title: 'truncated(lognormal(300, 1), 60, 900)',
    dist: truncated(lognormal(300, 1), 60, 900),
    lnSurvival: (x) => {
      const s = lognormalLnS(300, 1);
      if (x >= 900) return -Infinity;
      const top = Math.exp(s(900));
      return Math.log((Math.exp(s(Math.max(x, 60))) - top) / (Math.exp(s(60)) - top));
    },
    breaks: [60],
    end: 900,
  },
  {
    title: 'truncated(gamma(300, 2), 0, 1000)',
    dist: truncated(gamma(300, 2), 0, 1000),
    lnSurvival: (x) => {
      if (x >= 1000) return -Infinity;
      const top = Math.exp(lnGammaQ(0.25, 1000 / 1200));
      return Math.log((Math.exp(lnGammaQ(0.25, Math.max(x, 0) / 1200)) - top) / (1 - top));
    },
    breaks: [],
    end: 1000,
  },
  {
    title: 'truncated(weibull(1.5, 200), 400) (the far tail only)',
    dist: truncated(weibull(1.5, 200), 400),
    lnSurvival: (x) => -Math.pow(Math.max(x, 400) / 200, 1.5) + Math.pow(2, 1.5),
    breaks: [400],
    end: Infinity,
    farTail: [Math.log(1e-12), -500],
  },
];

const CASES: readonly Case[] = [
  ...REALISM_CASES,
  gammaCase(300, 2),
  gammaCase(300, 0.5),
  lognormalCase(300, 0.5),
  lognormalCase(300, 2),
  weibullCase(0.7, 200),
  weibullCase(2, 200),
  {
    title: 'uniform(60, 240)',
    dist: uniform(60, 240),
    lnSurvival: (x) => Math.log(Math.min(1, Math.max(0, (240 - x) / 180))),
    breaks: [60],
    end: 240,
  },
  {
    title: `empirical(${EMPIRICAL.join(' ')})`,
    dist: empirical(EMPIRICAL),
    lnSurvival: (x) => empiricalLnSurvival(x, false),
    lnSurvivalFrom: (x) => empiricalLnSurvival(x, true),
    breaks: [...new Set(EMPIRICAL)],
    end: 600,
  },
  {
    title: 'exponential(mean 180)',
    dist: exponential(180),
    lnSurvival: (x) => (x > 0 ? -x / 180 : 0),
    breaks: [],
    end: Infinity,
    memoryless: true,
  },
];

/** The w with ln S(w) = target (the smallest such w for a step function), by bisection. */
function elapsedAt(c: Case, target: number): number {
  let lo = 0;
  let hi = 1;
  while (c.lnSurvival(hi) > target) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (c.lnSurvival(mid) > target) lo = mid;
    else hi = mid;
  }
  return c.breaks.includes(hi) || Number.isFinite(c.end) ? lo : hi;
}

/** Composite Simpson of f on [a, b] with 2m intervals. */
function simpson(f: (x: number) => number, a: number, b: number, m = 64): number {
  const h = (b - a) / (2 * m);
  let sum = f(a) + f(b);
  for (let i = 1; i < 2 * m; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/**
 * E[R] and E[R²] of the remainder R = X - w given X > w, by integrating the conditional
 * survival piecewise between the law's breaks, then over doubling segments until the tail is
 * below 1e-14 of the total.
 */
function conditionalMoments(c: Case, w: number): { mean: number; second: number } {
  const lnSw = c.lnSurvival(w);
  const r = (x: number) => Math.exp(c.lnSurvival(w + x) - lnSw);
  const points = [0, ...c.breaks.filter((b) => b > w).map((b) => b - w)];
  let mean = 0;
  let second = 0;
  const add = (a: number, b: number) => {
    const m1 = simpson(r, a, b);
    mean += m1;
    second += simpson((x) => 2 * x * r(x), a, b);
    return m1;
  };
  for (let i = 0; i + 1 < points.length; i++) add(points[i]!, points[i + 1]!);
  if (Number.isFinite(c.end)) {
    if (c.end > w) add(points[points.length - 1]!, c.end - w);
  } else {
    let a = points[points.length - 1]!;
    let h = 1e-6 * (w + c.dist.mean);
    for (let i = 0; i < 400; i++, a += h, h *= 2) {
      const part = add(a, a + h);
      if (part < 1e-14 * mean && r(a + h) * (a + h) < 1e-14 * mean) break;
    }
  }
  return { mean, second };
}

/** P(sqrt(N) D > t) for the Kolmogorov distribution (asymptotic). */
function kolmogorovPValue(t: number): number {
  let p = 0;
  for (let k = 1; k <= 100; k++) p += 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * t * t);
  return Math.min(1, Math.max(0, p));
}

/** The KS distance between sorted draws and the conditional CDF (ties taken together). */
function ksDistance(c: Case, w: number, draws: Float64Array): number {
  const sorted = Float64Array.from(draws).sort();
  const lnSw = c.lnSurvival(w);
  const from = c.lnSurvivalFrom ?? c.lnSurvival;
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; ) {
    const x = sorted[i]!;
    let j = i + 1;
    while (j < n && sorted[j] === x) j++;
    const cdf = -Math.expm1(c.lnSurvival(w + x) - lnSw);
    const below = -Math.expm1(Math.min(0, from(w + x) - lnSw));
    d = Math.max(d, Math.abs(j / n - cdf), Math.abs(i / n - below));
    i = j;
  }
  return d;
}

/** Figures observed, printed for the record when CCSIM_REPORT is set. */
const observed: string[] = [];
afterAll(() => {
  if (process.env.CCSIM_REPORT) console.log(observed.join('\n'));
});

describe(`sampleRemaining against P(X > w + x | X > w) (seed ${SEED}, N = ${N})`, () => {
  for (const c of CASES) {
    const elapsed: { label: string; w: number }[] = [
      { label: 'w = 0', w: 0 },
      { label: 'w = median', w: elapsedAt(c, Math.log(0.5)) },
      { label: 'w = 90th percentile', w: elapsedAt(c, Math.log(0.1)) },
      ...(c.farTail ?? []).map((lnS) => ({ label: `w with S(w) = e^${+lnS.toFixed(2)}`, w: elapsedAt(c, lnS) })),
    ];
    describe(c.title, () => {
      for (const { label, w } of elapsed) {
        const name = `${c.title}, ${label}`;
        const draws = new Float64Array(N);
        const stream = createStream(SEED, 0, name);
        for (let i = 0; i < N; i++) c.dist.sampleRemainingInto(stream, w, draws, i);
        const critical = KS / Math.sqrt(N);

        it(`${label} (${+w.toPrecision(6)} s): KS distance below its 0.1 % critical value`, () => {
          const d = ksDistance(c, w, draws);
          observed.push(`${name}: w ${w.toPrecision(6)} D ${d.toFixed(5)} p ${kolmogorovPValue(d * Math.sqrt(N)).toFixed(3)}`);
          expect(draws.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
          expect(d).toBeLessThan(critical);
        });

        it(`${label}: the mean matches the integral of the conditional survival function`, () => {
          const { mean, second } = conditionalMoments(c, w);
          let sum = 0;
          for (const x of draws) sum += x;
          const band = Z * Math.sqrt((second - mean * mean) / N);
          observed.push(`${name}: mean ${(sum / N).toPrecision(6)} exact ${mean.toPrecision(6)} ± ${band.toPrecision(3)}`);
          expect(band).toBeLessThan(0.06 * mean);
          expect(Math.abs(sum / N - mean)).toBeLessThan(band);
        });

        if (w > 0 && !c.memoryless) {
          it(`${label}: the check rejects a draw that ignores the elapsed time`, () => {
            const naive = new Float64Array(N);
            const other = createStream(SEED, 0, name);
            for (let i = 0; i < N; i++) naive[i] = Math.max(0, c.dist.sample(other) - w);
            expect(ksDistance(c, w, naive)).toBeGreaterThan(critical);
          });
        }
      }
    });
  }
});
