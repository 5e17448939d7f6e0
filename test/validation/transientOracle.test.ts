import { describe, expect, it } from 'vitest';
import { erlangAChain } from '../../src/analytic/erlangA.js';
import { transientErlangA } from '../support/transient.js';

/*
 * The exact transient M/M/c+M oracle (test/support/transient.ts, for the intraday transient
 * tests) against closed forms: a pure death process, abandonment alone, the infinite-server
 * queue, the flow balance, and for a long horizon the stationary Erlang A chain of src/analytic.
 */
const MU = 1 / 300;
const THETA = 1 / 120;

/** C(n, k) p^k (1-p)^(n-k). */
function binomial(n: number, k: number, p: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
  return c * p ** k * (1 - p) ** (n - k);
}

describe('transientErlangA, the exact transient M/M/c+M oracle', () => {
  it('no arrivals, c busy, none waiting: completions c(1 - e^{-μT}), N(T) binomial', () => {
    const c = 10;
    const t = 600;
    const r = transientErlangA({ arrivalRate: 0, servers: c, serviceRate: MU, abandonRate: THETA, initial: c, horizon: t });
    const stay = Math.exp(-MU * t);
    expect(r.completions).toBeCloseTo(c * (1 - stay), 12);
    expect(r.abandonments).toBe(0);
    expect(Math.abs(r.answered)).toBeLessThan(1e-12);
    for (let k = 0; k <= c; k++) expect(r.distribution[k]).toBeCloseTo(binomial(c, k, stay), 14);
  });

  it('no servers, k waiting: k e^{-θT} remain, k(1 - e^{-θT}) abandon, none answered', () => {
    const k = 25;
    const t = 300;
    const r = transientErlangA({ arrivalRate: 0, servers: 0, serviceRate: MU, abandonRate: THETA, initial: k, horizon: t });
    expect(r.meanWaiting).toBeCloseTo(k * Math.exp(-THETA * t), 12);
    expect(r.abandonments).toBeCloseTo(k * (1 - Math.exp(-THETA * t)), 12);
    expect(r.completions).toBe(0);
    expect(r.answered).toBe(0);
  });

  it('servers never all busy (M/M/∞): E[N(t)] and completions in closed form, every arrival answered', () => {
    const lambda = 0.05; // λ/μ = 15, far below the 200 servers
    const n0 = 5;
    const t = 1800;
    const r = transientErlangA({ arrivalRate: lambda, servers: 200, serviceRate: MU, abandonRate: THETA, initial: n0, horizon: t });
    const decay = Math.exp(-MU * t);
    const load = lambda / MU;
    expect(r.meanInSystem).toBeCloseTo(n0 * decay + load * (1 - decay), 10);
    expect(r.completions).toBeCloseTo(n0 * (1 - decay) + lambda * t - load * (1 - decay), 10);
    expect(r.answered).toBeCloseTo(lambda * t, 10);
    expect(r.abandonments).toBeLessThan(1e-12);
  });

  it('balances its flows: E[N(T)] - N(0) = arrivals - completions - abandonments', () => {
    const c = 10;
    for (const t of [1800, 3600]) {
      const r = transientErlangA({ arrivalRate: 0.04, servers: c, serviceRate: MU, abandonRate: THETA, initial: c + 15, horizon: t });
      let mass = 0;
      for (const p of r.distribution) mass += p;
      expect(mass).toBeCloseTo(1, 13);
      expect(r.meanInSystem - (c + 15)).toBeCloseTo(r.arrivals - r.completions - r.abandonments, 9);
      // Everyone answered was waiting at 0 or arrived: answered <= 15 + arrivals.
      expect(r.answered).toBeLessThan(15 + r.arrivals);
      expect(r.blockedBound).toBeLessThan(1e-20);
    }
  });

  it('for a long horizon, tends to the stationary Erlang A chain (P(wait), E[Lq], abandonment rate)', () => {
    const c = 10;
    const lambda = (1.1 * c) / 300; // 10 % overloaded: only abandonment keeps it stable
    const stationary = erlangAChain({ agents: c, arrivalRate: lambda, aht: 1 / MU, patience: 180, slSeconds: 20 });
    const run = (t: number) =>
      transientErlangA({ arrivalRate: lambda, servers: c, serviceRate: MU, abandonRate: 1 / 180, initial: 0, horizon: t });
    const r = run(40_000);
    let pWait = 0;
    for (let n = c; n < r.distribution.length; n++) pWait += r.distribution[n]!;
    expect(pWait).toBeCloseTo(stationary.pWait, 10);
    expect(r.meanWaiting).toBeCloseTo(stationary.meanQueueLength, 9);
    // The abandonment rate θ E[Lq] = λ P(abandon): over a window once stationary.
    const later = run(44_000);
    expect((later.abandonments - r.abandonments) / 4000).toBeCloseTo(lambda * stationary.pAbandon, 10);
  });
});
