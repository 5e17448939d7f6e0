import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, minAgents, squareRootStaffing } from '../../src/analytic/index.js';

describe('minAgents({arrivalRate, aht, slSeconds, target})', () => {
  it('finds 14 agents for the Call Centre Helper example (10 Erlangs, 80% in 20 s)', () => {
    const m = minAgents({ arrivalRate: 100 / 1800, aht: 180, slSeconds: 20, target: 0.8 });
    expect(m.model).toBe('erlang-c');
    expect(m.agents).toBe(14);
  });

  it.each([
    [0.5, 300, 20, 0.8],
    [10 / 180, 180, 20, 0.95],
    [4900 / 180, 180, 20, 0.9],
    [3, 600, 10, 0.99],
    [0.001, 60, 0, 0.5],
  ])('Erlang C at %f /s, aht %f s, T %f s, target %f: meets it and one fewer misses', (arrivalRate, aht, slSeconds, target) => {
    const m = minAgents({ arrivalRate, aht, slSeconds, target });
    expect(m.serviceLevel).toBeGreaterThanOrEqual(target);
    expect(m).toEqual(erlangC({ agents: m.agents, arrivalRate, aht, slSeconds }));
    if (m.agents - 1 > arrivalRate * aht) {
      expect(erlangC({ agents: m.agents - 1, arrivalRate, aht, slSeconds }).serviceLevel).toBeLessThan(target);
    } else {
      expect(m.agents).toBe(Math.floor(arrivalRate * aht) + 1);
    }
  });
});

describe('minAgents({arrivalRate, aht, slSeconds, target, patience})', () => {
  it.each([
    [10 / 180, 180, 20, 0.8, 120],
    [26 / 240, 240, 30, 0.9, 90],
    [6000 / 180, 180, 20, 0.8, 180],
    [0.01, 300, 20, 0.3, 30],
  ])('Erlang A at %f /s, aht %f s, T %f s, target %f, patience %f s: meets it and one fewer misses', (arrivalRate, aht, slSeconds, target, patience) => {
    const m = minAgents({ arrivalRate, aht, slSeconds, target, patience });
    expect(m.model).toBe('erlang-a');
    expect(m.serviceLevel).toBeGreaterThanOrEqual(target);
    if (m.agents > 1) {
      expect(erlangA({ agents: m.agents - 1, arrivalRate, aht, slSeconds, patience }).serviceLevel).toBeLessThan(target);
    }
  });

  it('needs no more agents than Erlang C (abandonment only helps those who stay)', () => {
    const base = { arrivalRate: 200 / 1800, aht: 240, slSeconds: 20, target: 0.8 };
    expect(minAgents({ ...base, patience: 60 }).agents).toBeLessThanOrEqual(minAgents(base).agents);
  });

  it('is fast for thousands of agents', () => {
    const start = performance.now();
    const m = minAgents({ arrivalRate: 8000 / 180, aht: 180, slSeconds: 20, target: 0.9, patience: 200 });
    expect(m.agents).toBeGreaterThan(7000);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('rejects a target of 1 or more', () => {
    expect(() => minAgents({ arrivalRate: 0.1, aht: 100, slSeconds: 20, target: 1 })).toThrow(RangeError);
  });
});

describe('squareRootStaffing(loadErlangs, beta)', () => {
  it('is ceil(A + β√A), at least 1', () => {
    expect(squareRootStaffing(100, 1)).toBe(110);
    expect(squareRootStaffing(10, 0.5)).toBe(12);
    expect(squareRootStaffing(0, 2)).toBe(1);
  });
});

describe('minAgents({arrivalRate, aht, slSeconds, maxAsa, maxOccupancy})', () => {
  const textbook = { arrivalRate: 100 / 1800, aht: 180, slSeconds: 20 };

  it.each([undefined, 120])('maxAsa (patience %s): ASA at most it, one fewer exceeds it', (patience) => {
    const p = { ...textbook, ...(patience === undefined ? {} : { patience }) };
    const evaluate = (agents: number) => (patience === undefined ? erlangC({ ...textbook, agents }) : erlangA({ ...textbook, agents, patience }));
    const m = minAgents({ ...p, maxAsa: 3 });
    expect(m.asa).not.toBeNull();
    expect(m.asa!).toBeLessThanOrEqual(3);
    expect(evaluate(m.agents - 1).asa ?? Infinity).toBeGreaterThan(3);
  });

  it('maxOccupancy under Erlang C is ceil(A / F) once stable', () => {
    expect(minAgents({ ...textbook, maxOccupancy: 0.8 }).agents).toBe(13); // 10 / 0.8 = 12.5
    expect(minAgents({ ...textbook, maxOccupancy: 0.5 }).agents).toBe(20);
    expect(minAgents({ ...textbook, maxOccupancy: 1 }).agents).toBe(11); // the first stable staffing
  });

  it('every requirement given must hold: the answer is the largest of the single answers', () => {
    const sl = minAgents({ ...textbook, target: 0.8 }).agents;
    const asa = minAgents({ ...textbook, maxAsa: 1 }).agents;
    const occ = minAgents({ ...textbook, maxOccupancy: 0.6 }).agents;
    expect(minAgents({ ...textbook, target: 0.8, maxAsa: 1, maxOccupancy: 0.6 }).agents).toBe(Math.max(sl, asa, occ));
    expect(new Set([sl, asa, occ]).size).toBeGreaterThan(1); // the case tells them apart
  });

  it('no requirement at all is a RangeError', () => {
    expect(() => minAgents(textbook)).toThrow(/needs a requirement/);
  });

  it('no arrivals need 0 agents, with the zero-volume limits as metrics', () => {
    expect(minAgents({ ...textbook, arrivalRate: 0, target: 0.8 })).toEqual({
      model: 'erlang-c', agents: 0, load: 0, pWait: 0, serviceLevel: 1, asa: 0, occupancy: 0,
    });
    expect(minAgents({ ...textbook, arrivalRate: 0, maxAsa: 5, patience: 60 })).toMatchObject({ model: 'erlang-a', agents: 0, pAbandon: 0 });
  });
});
