import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/index.js';
import { referenceMetrics, type ReferenceCase } from './birthDeathReference.js';

// erlangA gets SL and ASA from the Beta / negative-binomial identities of the tagged customer;
// the reference gets them by uniformization and first-step analysis of the tagged customer's
// own death chain (see birthDeathReference.ts), so the two share no formula.
const cases: [string, ReferenceCase, number][] = [
  ['10 agents, 9 Erlangs, patience 120 s, T 20 s', { agents: 10, arrivalRate: 9 / 180, aht: 180, patience: 120, slSeconds: 20 }, 200],
  ['20 agents overloaded 1.3x, patience 90 s, T 30 s', { agents: 20, arrivalRate: 26 / 240, aht: 240, patience: 90, slSeconds: 30 }, 250],
  ['1 agent, patience 10x aht, T 60 s', { agents: 1, arrivalRate: 0.8 / 60, aht: 60, patience: 600, slSeconds: 60 }, 400],
  ['120 agents, 118 Erlangs, patience 300 s, T 45 s', { agents: 120, arrivalRate: 118 / 240, aht: 240, patience: 300, slSeconds: 45 }, 500],
];

describe('erlangA({..., slSeconds}) service level and ASA', () => {
  it.each(cases)('%s: match uniformization and first-step analysis', (_name, k, maxState) => {
    const ref = referenceMetrics(k, maxState);
    const m = erlangA(k);
    expect(Math.abs(m.serviceLevel - ref.serviceLevel)).toBeLessThan(1e-9);
    expect(Math.abs((m.asa ?? Number.NaN) - ref.asa)).toBeLessThan(1e-8 * ref.asa);
    // The tagged-customer abandonment agrees with Little's law on the same chain.
    expect(Math.abs(ref.pAbandonTagged - ref.pAbandonLittle)).toBeLessThan(1e-10);
  });

  it('serviceLevel rises with T toward P(answered) = 1 − pAbandon', () => {
    const base = { agents: 10, arrivalRate: 9 / 180, aht: 180, patience: 120 };
    const levels = [0, 5, 20, 60, 300, 3000].map((slSeconds) => erlangA({ ...base, slSeconds }).serviceLevel);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1] ?? 1);
    const all = erlangA({ ...base, slSeconds: 1e5 });
    expect(all.serviceLevel).toBeCloseTo(1 - (all.pAbandon ?? 0), 12);
  });
});
