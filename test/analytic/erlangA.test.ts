import { describe, expect, it } from 'vitest';
import { erlangA, erlangAChain, erlangC } from '../../src/analytic/index.js';
import { referenceMetrics, type ReferenceCase } from './birthDeathReference.js';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

// Truncation far beyond any state with visible probability: π(maxState) is checked to be at the
// solver's noise floor (< 1e-15), and the exact tail decays geometrically beyond it.
const matrixCases: [string, ReferenceCase, number][] = [
  ['10 agents, 9 Erlangs, patience 120 s', { agents: 10, arrivalRate: 9 / 180, aht: 180, patience: 120, slSeconds: 20 }, 200],
  ['3 agents, light load, long patience', { agents: 3, arrivalRate: 1 / 60, aht: 100, patience: 900, slSeconds: 15 }, 300],
  ['20 agents overloaded 1.3x, patience 90 s', { agents: 20, arrivalRate: 26 / 240, aht: 240, patience: 90, slSeconds: 30 }, 250],
  ['50 agents overloaded 1.3x, impatient (patience < aht)', { agents: 50, arrivalRate: 65 / 300, aht: 300, patience: 60, slSeconds: 10 }, 300],
  ['300 agents, 290 Erlangs, patience 180 s', { agents: 300, arrivalRate: 290 / 200, aht: 200, patience: 180, slSeconds: 20 }, 700],
];

describe('erlangA({agents, arrivalRate, aht, patience, slSeconds}) against an ml-matrix solve', () => {
  it.each(matrixCases)('%s: pWait, pAbandon, occupancy to 1e-8', (_name, k, maxState) => {
    const ref = referenceMetrics(k, maxState);
    expect(Math.abs(ref.lastState)).toBeLessThan(1e-15);
    const m = erlangA(k);
    expect(m.model).toBe('erlang-a');
    expectRelative(m.pWait, ref.pWait, 1e-8);
    expectRelative(m.pAbandon ?? Number.NaN, ref.pAbandonLittle, 1e-8);
    expectRelative(m.occupancy, ref.occupancy, 1e-8);
  });
});

describe('erlangAChain(params)', () => {
  it.each(matrixCases)('%s: pAbandon = θ·E[Lq]/λ = 1 − pAnswered', (_name, k) => {
    const chain = erlangAChain(k);
    expectRelative(chain.pAbandon, chain.meanQueueLength / k.patience / k.arrivalRate, 1e-12);
    expect(chain.pAbandon + chain.pAnswered).toBeCloseTo(1, 14);
  });

  it('stops the tail early when the queue is short', () => {
    expect(erlangAChain({ agents: 10, arrivalRate: 9 / 180, aht: 180, patience: 120, slSeconds: 20 }).terms).toBeLessThan(100);
  });
});

describe('erlangA(params) with huge patience', () => {
  it.each([
    [12, 10, 180, 20],
    [14, 10, 180, 20],
    [55, 48, 240, 15],
    [3, 2, 100, 30],
    [500, 480, 300, 60],
  ])('equals erlangC at %i agents, %f Erlangs, aht %f s, T %f s', (agents, load, aht, slSeconds) => {
    const params = { agents, arrivalRate: load / aht, aht, slSeconds };
    const c = erlangC(params);
    const a = erlangA({ ...params, patience: 1e12 });
    expect(a.pWait).toBeCloseTo(c.pWait, 8);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 8);
    expectRelative(a.asa ?? Number.NaN, c.asa ?? Number.NaN, 1e-7);
    expect(a.occupancy).toBeCloseTo(c.occupancy, 8);
    expect(a.pAbandon).toBeLessThan(1e-8);
  });

  it('converges to erlangC as patience grows (error shrinks with 1/patience)', () => {
    const params = { agents: 12, arrivalRate: 10 / 180, aht: 180, slSeconds: 20 };
    const c = erlangC(params);
    const gap = (patience: number): number => Math.abs(erlangA({ ...params, patience }).pWait - c.pWait);
    expect(gap(1e6)).toBeGreaterThan(gap(1e8) * 50);
    expect(gap(1e8)).toBeLessThan(1e-5);
  });

  it('patience Infinity is exactly Erlang C, labelled erlang-a with pAbandon 0', () => {
    const params = { agents: 12, arrivalRate: 10 / 180, aht: 180, slSeconds: 20 };
    expect(erlangA({ ...params, patience: Number.POSITIVE_INFINITY })).toEqual({ ...erlangC(params), model: 'erlang-a', pAbandon: 0 });
  });
});

describe('erlangA(params) edge cases', () => {
  it('with no arrivals answers everyone at once', () => {
    const m = erlangA({ agents: 2, arrivalRate: 0, aht: 100, patience: 60, slSeconds: 20 });
    expect(m).toMatchObject({ pWait: 0, serviceLevel: 1, asa: 0, occupancy: 0, pAbandon: 0 });
  });

  it('with slSeconds 0 gives serviceLevel = 1 − pWait', () => {
    const m = erlangA({ agents: 10, arrivalRate: 9 / 180, aht: 180, patience: 120, slSeconds: 0 });
    expect(m.serviceLevel).toBeCloseTo(1 - m.pWait, 14);
  });

  it('rejects bad input with RangeError', () => {
    const ok = { agents: 10, arrivalRate: 0.05, aht: 180, patience: 120, slSeconds: 20 };
    expect(() => erlangA({ ...ok, patience: 0 })).toThrow(RangeError);
    expect(() => erlangA({ ...ok, agents: 1.5 })).toThrow(RangeError);
    expect(() => erlangA({ ...ok, arrivalRate: Number.NaN })).toThrow(RangeError);
  });
});
