import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, type QueueMetrics } from '../../src/analytic/index.js';

function expectSane(m: QueueMetrics): void {
  for (const x of [m.pWait, m.serviceLevel, m.occupancy, m.pAbandon ?? 0]) {
    expect(Number.isFinite(x)).toBe(true);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(1);
  }
  expect(m.asa === null || (Number.isFinite(m.asa) && m.asa >= 0)).toBe(true);
}

describe('erlangA(params) at 5,000 agents', () => {
  const aht = 180;
  it.each([
    [4900, 180],
    [4900, 1e6],
    [6000, 180],
    [6000, 20],
    [7500, 600],
    [100, 60],
  ])('load %f Erlangs, patience %f s: finite values in [0, 1]', (load, patience) => {
    const m = erlangA({ agents: 5000, arrivalRate: load / aht, aht, patience, slSeconds: 20 });
    expectSane(m);
    if (load > 5000) {
      // Overload: carried load cannot exceed the agents, so at least 1 − c/A abandon.
      expect(m.pAbandon ?? 0).toBeGreaterThanOrEqual(1 - 5000 / load - 1e-9);
      expect(m.occupancy).toBeGreaterThan(0.99);
    }
  });

  it('at 4,900 Erlangs with long patience is close to Erlang C', () => {
    const params = { agents: 5000, arrivalRate: 4900 / aht, aht, slSeconds: 20 };
    const a = erlangA({ ...params, patience: 1e9 });
    const c = erlangC(params);
    expectSane(c);
    expect(a.pWait).toBeCloseTo(c.pWait, 6);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
  });

  it('takes milliseconds, not seconds', () => {
    const start = performance.now();
    for (const load of [4900, 5000, 6000]) erlangA({ agents: 5000, arrivalRate: load / aht, aht, patience: 180, slSeconds: 20 });
    expect(performance.now() - start).toBeLessThan(500);
  });
});
