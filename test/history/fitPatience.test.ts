import { describe, expect, it } from 'vitest';
import { createStream, exponential, lognormal, makeDistribution, weibull, type Distribution } from '../../src/random/index.js';
import { fitPatience, type PatienceFamily } from '../../src/history/patienceFit.js';
import { kaplanMeier } from '../../src/history/kaplanMeier.js';
import { WaitHistogram } from '../../src/history/waitHistogram.js';

/**
 * Censored patience: n contacts, each with a patience τ from `truth` and an independent offered
 * wait V (exponential, mean `waitMean`, or 0 with probability `answeredAtOnce`); the contact
 * abandons (observes τ) when τ < V, else is answered after V (patience censored at V).
 */
function sample(truth: Distribution, n: number, waitMean: number, seed: string, answeredAtOnce = 0.3): WaitHistogram {
  const h = new WaitHistogram();
  const s = createStream(20_260_301, 0, seed);
  const wait = exponential(waitMean);
  for (let i = 0; i < n; i++) {
    const tau = truth.sample(s);
    const v = s.next() < answeredAtOnce ? 0 : wait.sample(s);
    h.add(Math.min(tau, v), tau < v);
  }
  return h;
}

const CASES: readonly { family: PatienceFamily; truth: Distribution; params: Record<string, number> }[] = [
  { family: 'exponential', truth: exponential(120), params: { mean: 120 } },
  { family: 'weibull', truth: weibull(0.7, 90), params: { shape: 0.7, scale: 90 } },
  { family: 'weibull', truth: weibull(2, 150), params: { shape: 2, scale: 150 } },
  { family: 'lognormal', truth: lognormal(150, 1.2), params: { mean: 150, cv: 1.2 } },
];

describe('fitPatience(waits) on censored draws from known distributions', () => {
  for (const c of CASES) {
    const label = `${c.family} ${JSON.stringify(c.params)}`;
    it(`${label}: heavily censored (most answered), AIC picks the family, the truth is inside every 99 % interval`, () => {
      const h = sample(c.truth, 40_000, 40, label);
      // Heavy censoring: fewer than a third of the contacts abandon.
      expect(h.observed / (h.observed + h.censored)).toBeLessThan(0.35);
      const fit = fitPatience(h);
      expect(fit.chosen?.family).toBe(c.family);
      const chosen = fit.chosen!;
      expect(chosen.converged).toBe(true);
      for (const [name, value] of Object.entries(c.params)) {
        const e = chosen.parameters[name]!;
        expect(e.lo, name).toBeLessThan(value);
        expect(e.hi, name).toBeGreaterThan(value);
        // A narrow interval: the check has teeth.
        expect((e.hi - e.lo) / value, name).toBeLessThan(0.25);
      }
      expect(chosen.mean.lo).toBeLessThan(c.truth.mean);
      expect(chosen.mean.hi).toBeGreaterThan(c.truth.mean);
    });
  }

  it('the 99 % intervals cover: of 40 exponential samples, at most 3 miss (about 0.4 expected)', () => {
    let missed = 0;
    for (let k = 0; k < 40; k++) {
      const fit = fitPatience(sample(exponential(120), 2_000, 40, `cover ${k}`));
      const w = fit.fits.find((f) => f.family === 'weibull')!;
      if (!(w.mean.lo < 120 && w.mean.hi > 120)) missed++;
    }
    expect(missed).toBeLessThanOrEqual(3);
  });

  it('dropping the censored waits (answered contacts) makes the estimate clearly wrong', () => {
    const truth = exponential(120);
    const h = sample(truth, 40_000, 40, 'drop');
    const fair = fitPatience(h).fits.find((f) => f.family === 'exponential')!;
    expect(Math.abs(fair.mean.value / 120 - 1)).toBeLessThan(0.05);
    const abandonedOnly = new WaitHistogram();
    const s = createStream(20_260_301, 0, 'drop');
    const wait = exponential(40);
    for (let i = 0; i < 40_000; i++) {
      const tau = truth.sample(s);
      const v = s.next() < 0.3 ? 0 : wait.sample(s);
      if (tau < v) abandonedOnly.add(tau, true);
    }
    const naive = fitPatience(abandonedOnly).chosen!;
    // The impatient alone: patience looks several times shorter than it is, far outside any interval.
    expect(naive.mean.value).toBeLessThan(0.4 * 120);
    expect(naive.mean.hi).toBeLessThan(120);
  });

  it('no abandoned contact: no estimate, said in a note', () => {
    const h = new WaitHistogram();
    for (let i = 0; i < 100; i++) h.add(i, false);
    const fit = fitPatience(h);
    expect(fit.chosen).toBeUndefined();
    expect(fit.notes.join()).toMatch(/no abandoned contact/);
  });
});

describe('kaplanMeier(waits)', () => {
  it('with no censoring it is the empirical survival function, median included', () => {
    const h = new WaitHistogram();
    for (let i = 1; i <= 1000; i++) h.add(i * 0.3, true); // uniform on (0, 300]
    const km = kaplanMeier(h, [30, 60, 150]);
    expect(km.points.map((p) => p.survival)).toEqual([expect.closeTo(0.9, 2), expect.closeTo(0.8, 2), expect.closeTo(0.5, 2)]);
    expect(km.median).toBeCloseTo(150, -0.5);
  });
  it('under heavy censoring it follows the true survival within Greenwood bands', () => {
    const truth = makeDistribution({ dist: 'weibull', shape: 1.5, scale: 100 });
    const h = sample(truth, 50_000, 60, 'km');
    const km = kaplanMeier(h);
    for (const p of km.points) {
      const exact = Math.exp(-((p.t / 100) ** 1.5));
      expect(Math.abs(p.survival - exact)).toBeLessThan(3.3 * p.se + 1e-9);
    }
    expect(km.median).toBeCloseTo(100 * Math.log(2) ** (1 / 1.5), -1);
  });
});
