import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.js';

// The widely reproduced Call Centre Helper example ("Erlang C formula - example",
// callcentrehelper.com): 100 calls per 30 minutes, AHT 180 s, 20 s threshold, 80% target, i.e.
// 10 Erlangs. The pyworkforce test suite (tests of ErlangC, scenario "test_scenario 1") gives,
// rounded to 3 decimals: 14 agents, service level 0.888, occupancy 0.714, P(wait) 0.174.
const example = { arrivalRate: 100 / 1800, aht: 180, slSeconds: 20 };

describe('erlangC({agents, arrivalRate, aht, slSeconds})', () => {
  it('matches the published Call Centre Helper / pyworkforce example at 14 agents', () => {
    const m = erlangC({ ...example, agents: 14 });
    expect(m.model).toBe('erlang-c');
    expect(m.load).toBeCloseTo(10, 12);
    expect(m.serviceLevel).toBeCloseTo(0.888, 3);
    expect(m.occupancy).toBeCloseTo(0.714, 3);
    expect(m.pWait).toBeCloseTo(0.174, 3);
    expect(m.pAbandon).toBeUndefined();
  });

  it('matches the closed form C(3 agents, 2 Erlangs) = 4/9 with exact SL and ASA', () => {
    const m = erlangC({ agents: 3, arrivalRate: 2 / 100, aht: 100, slSeconds: 30 });
    expect(m.pWait).toBeCloseTo(4 / 9, 14);
    const drain = (3 - 2) / 100; // cμ − λ per second
    expect(m.serviceLevel).toBeCloseTo(1 - (4 / 9) * Math.exp(-drain * 30), 14);
    expect(m.asa).toBeCloseTo(4 / 9 / drain, 11);
    expect(m.occupancy).toBeCloseTo(2 / 3, 14);
  });

  it('with load >= agents is unstable: pWait 1, serviceLevel 0, occupancy 1, asa null', () => {
    for (const agents of [9, 10]) {
      const m = erlangC({ ...example, agents });
      expect(m).toEqual({ model: 'erlang-c', agents, load: m.load, pWait: 1, serviceLevel: 0, asa: null, occupancy: 1 });
    }
  });

  it('with slSeconds 0 gives serviceLevel = 1 − pWait', () => {
    const m = erlangC({ ...example, agents: 12, slSeconds: 0 });
    expect(m.serviceLevel).toBeCloseTo(1 - m.pWait, 15);
  });

  it('works at 5,000 agents with 4,900 Erlangs', () => {
    const m = erlangC({ agents: 5000, arrivalRate: 4900 / 180, aht: 180, slSeconds: 20 });
    for (const x of [m.pWait, m.serviceLevel, m.occupancy]) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(m.pWait).toBeGreaterThan(0.05);
    expect(m.asa).toBeGreaterThan(0);
  });

  it('rejects bad input with RangeError', () => {
    expect(() => erlangC({ ...example, agents: 0 })).toThrow(RangeError);
    expect(() => erlangC({ ...example, agents: 12, aht: 0 })).toThrow(RangeError);
    expect(() => erlangC({ ...example, agents: 12, slSeconds: -1 })).toThrow(RangeError);
  });
});
