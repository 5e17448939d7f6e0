import { describe, expect, it } from 'vitest';
import {
  constant,
  createStream,
  empirical,
  exponential,
  gamma,
  lognormal,
  uniform,
  weibull,
  type Distribution,
} from '../../src/random/index.js';
import { inverseLnRegularizedGammaQ, lnRegularizedGammaQ, regularizedGammaP } from '../../src/random/incompleteGamma.js';
import { lnNormalSurvival, normalUpperQuantileLn } from '../../src/random/normal.js';

/*
 * The exact, non-statistical properties of Distribution.sampleRemaining (the statistical ones
 * are in conditional.test.ts): the closed forms, what happens at and past the end of the support,
 * one uniform per call, the same draw as `sample` at w = 0, and the special functions under the
 * inversions against values computed with mpmath at 30 digits.
 */
const SEED = 7;

/** The uniforms a call consumed: how far `stream` is ahead of a fresh copy. */
function uniformsUsed(name: string, draw: (stream: ReturnType<typeof createStream>) => void): number {
  const used = createStream(SEED, 0, name);
  draw(used);
  const next = used.next();
  const fresh = createStream(SEED, 0, name);
  for (let k = 0; k < 10; k++) if (fresh.next() === next) return k;
  return -1;
}

describe('sampleRemaining: closed forms and the end of the support', () => {
  it('constant: value - w, 0 once reached or passed, and no uniform drawn', () => {
    const c = constant(100);
    const s = createStream(SEED, 0, 'c');
    expect([0, 40, 100, 250].map((w) => c.sampleRemaining(s, w))).toEqual([100, 60, 0, 0]);
    expect(uniformsUsed('c', (st) => c.sampleRemaining(st, 40))).toBe(0);
  });

  it('exponential: the very draw of sample, whatever the elapsed time (memoryless)', () => {
    const e = exponential(180);
    const a = createStream(SEED, 0, 'e');
    const b = createStream(SEED, 0, 'e');
    for (const w of [0, 1, 500, 1e6]) expect(e.sampleRemaining(a, w)).toBe(e.sample(b));
  });

  it('uniform: uniform on (max(min, w), max) minus w, 0 at or past max', () => {
    const u = uniform(60, 240);
    const value = (w: number) => u.sampleRemaining(createStream(SEED, 0, 'u'), w);
    const first = createStream(SEED, 0, 'u').next();
    expect(value(20)).toBeCloseTo(40 + 180 * first, 12);
    expect(value(200)).toBeCloseTo(40 * first, 12);
    expect([value(240), value(1000)]).toEqual([0, 0]);
  });

  it('empirical: uniform among the values above w (repeats counted), 0 when none is above', () => {
    const e = empirical([10, 50, 50, 80]);
    const s = createStream(SEED, 0, 'emp');
    const seen = new Map<number, number>();
    for (let i = 0; i < 30_000; i++) {
      const r = e.sampleRemaining(s, 30);
      seen.set(r, (seen.get(r) ?? 0) + 1);
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([20, 50]);
    // P(50 - 30 = 20) = 2/3: binomial sd sqrt(30000 * 2/9) = 82, band 4 sd.
    expect(Math.abs(seen.get(20)! - 20_000)).toBeLessThan(330);
    expect([e.sampleRemaining(s, 80), e.sampleRemaining(s, 1e9)]).toEqual([0, 0]);
    expect(e.sampleRemaining(s, 79.5)).toBe(0.5);
  });

  it('weibull: the closed form scale ((w/scale)^k + E)^(1/k) - w, and a short remainder keeps its digits', () => {
    const k = 2;
    const scale = 200;
    const wb = weibull(k, scale);
    const e = -Math.log(createStream(SEED, 0, 'wb').next());
    const w = 300;
    expect(wb.sampleRemaining(createStream(SEED, 0, 'wb'), w)).toBeCloseTo(scale * Math.sqrt((w / scale) ** 2 + e) - w, 9);
    // Far out the remainder is about scale^k E / (k w): 1e-7 s after 1e9 s, still to 12 digits.
    const far = 1e9;
    const exact = far * Math.expm1(0.5 * Math.log1p(e / (far / scale) ** 2));
    expect(wb.sampleRemaining(createStream(SEED, 0, 'wb'), far)).toBe(exact);
    expect(exact).toBeCloseTo((scale * scale * e) / (2 * far), 18);
  });

  it('at w = 0 lognormal, weibull, uniform, empirical and exponential give the very draw of sample', () => {
    const dists: Distribution[] = [lognormal(300, 2), weibull(0.7, 200), uniform(60, 240), empirical([5, 9, 12]), exponential(50)];
    for (const d of dists) {
      const a = createStream(SEED, 0, d.kind);
      const b = createStream(SEED, 0, d.kind);
      for (let i = 0; i < 100; i++) expect(d.sampleRemaining(a, 0)).toBe(d.sample(b));
    }
  });

  it('every kind but constant draws exactly one uniform per call, past the support too', () => {
    const cases: [Distribution, number][] = [
      [exponential(50), 10],
      [uniform(60, 240), 1000],
      [empirical([5, 9, 12]), 100],
      [lognormal(300, 0.5), 1e6],
      [gamma(300, 2), 5e5],
      [gamma(300, 0.5), 0],
      [weibull(2, 200), 1e5],
    ];
    for (const [d, w] of cases) expect(uniformsUsed(d.kind, (s) => d.sampleRemaining(s, w))).toBe(1);
  });

  it('sampleRemainingInto writes the value sampleRemaining returns', () => {
    const out = new Float64Array(2);
    const d = gamma(300, 0.5);
    d.sampleRemainingInto(createStream(SEED, 0, 'g'), 400, out, 1);
    expect(out[1]).toBe(d.sampleRemaining(createStream(SEED, 0, 'g'), 400));
  });

  it('a negative, NaN or infinite elapsed time is a RangeError naming it', () => {
    const s = createStream(SEED, 0, 'bad');
    for (const d of [constant(1), exponential(1), lognormal(1, 1), gamma(1, 1), uniform(0, 1), empirical([1]), weibull(1, 1)]) {
      for (const w of [-1, Number.NaN, Infinity]) expect(() => d.sampleRemaining(s, w)).toThrow(/elapsed time must be a finite number/);
    }
  });
});

describe('the special functions under the inversions (against mpmath, 30 digits)', () => {
  const REFERENCE: [a: number, x: number, p: number, lnQ: number][] = [
    [0.25, 0.01, 0.34818645276048404, -0.4279967284443822],
    [0.25, 3, 0.9949891040512917, -5.296140547796407],
    [4, 2, 0.14287653950145296, -0.15417330950166924],
    [4, 30, 0.9999999995338968, -21.486614046926718],
    [4, 1000, 1, -981.0654921352839],
    [0.5, 800, 1, -803.9152948331938],
  ];
  it('P(a, x) and ln Q(a, x) to 1e-13 relative, ln Q far below the smallest double', () => {
    for (const [a, x, p, lnQ] of REFERENCE) {
      expect(Math.abs(regularizedGammaP(a, x) - p)).toBeLessThan(1e-13 * p);
      expect(Math.abs(lnRegularizedGammaQ(a, x) - lnQ)).toBeLessThan(1e-13 * Math.abs(lnQ));
    }
  });

  it('the inverse of ln Q returns x to 1e-12 on both sides of the median and in the far tail', () => {
    for (const [a, x, , lnQ] of REFERENCE) expect(Math.abs(inverseLnRegularizedGammaQ(a, lnQ, 0) - x)).toBeLessThan(1e-12 * x);
    // With a lower bound at or above the answer, the bound itself.
    expect(inverseLnRegularizedGammaQ(4, -0.1, 5)).toBe(5);
  });

  it('ln P(Z > z) and its inverse, up to z = 40 (P = e^-804.6)', () => {
    const ref: [number, number][] = [
      [-3, -0.0013508099647481938],
      [1, -1.8410216450092636],
      [10, -53.23128515051247],
      [40, -804.6084420137538],
    ];
    for (const [z, ln] of ref) {
      expect(Math.abs(lnNormalSurvival(z) - ln)).toBeLessThan(1e-13 * Math.abs(ln));
      expect(Math.abs(normalUpperQuantileLn(ln) - z)).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
    }
  });
});
