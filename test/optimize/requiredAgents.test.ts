import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.js';
import { requiredAgents } from '../../src/optimize/requiredAgents.js';

// The textbook case (Call Centre Helper's Erlang C worked example): 100 calls per 30 minutes,
// 180 s handle time, 80% answered within 20 s needs 14 agents; 13 miss.
const textbook = { arrivalRate: 100 / 1800, aht: 180, patience: null, slSeconds: 20, slTarget: 0.8 };

describe('requiredAgents(question, method)', () => {
  it('erlang-c: the textbook case needs 14 agents and 13 miss', () => {
    const answer = requiredAgents(textbook, 'erlang-c');
    expect(answer.agents).toBe(14);
    expect(erlangC({ agents: 13, arrivalRate: 100 / 1800, aht: 180, slSeconds: 20 }).serviceLevel).toBeLessThan(0.8);
    expect(answer.exact).toBeGreaterThan(13);
    expect(answer.exact).toBeLessThanOrEqual(14);
  });

  it('erlang-a with very long patience equals erlang-c', () => {
    for (const rate of [0.01, 0.05, 0.3, 2]) {
      const q = { ...textbook, arrivalRate: rate };
      expect(requiredAgents({ ...q, patience: 1e9 }, 'erlang-a').agents).toBe(requiredAgents(q, 'erlang-c').agents);
    }
  });

  it('erlang-a with short patience needs fewer agents than erlang-c (abandoners free capacity)', () => {
    const q = { ...textbook, arrivalRate: 1, patience: 60 };
    expect(requiredAgents(q, 'erlang-a').agents).toBeLessThan(requiredAgents(q, 'erlang-c').agents);
  });

  it('every extra target can only raise the requirement, and the binding one is met exactly', () => {
    const base = requiredAgents({ ...textbook, arrivalRate: 0.5 }, 'erlang-c');
    const asa = requiredAgents({ ...textbook, arrivalRate: 0.5, maxAsa: 2 }, 'erlang-c');
    const occ = requiredAgents({ ...textbook, arrivalRate: 0.5, maxOccupancy: 0.8 }, 'erlang-c');
    expect(asa.agents).toBeGreaterThan(base.agents);
    expect(asa.metrics!.asa!).toBeLessThanOrEqual(2);
    expect(occ.agents).toBe(Math.ceil((0.5 * 180) / 0.8));
    expect(occ.exact).toBeCloseTo(112.5, 10);
  });

  it('zero volume needs no one', () => {
    expect(requiredAgents({ ...textbook, arrivalRate: 0 }, 'erlang-c')).toMatchObject({ agents: 0, exact: 0 });
  });
});
