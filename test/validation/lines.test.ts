/**
 * Finite lines and queue caps against exact loss and finite-waiting-room queues.
 *
 * Stationary cases (8 h after a 1 h warm-up) with exponential times: M/M/c/c (Erlang B, by
 * `lines` and by `maxQueue: 0`) and M/M/c/N with and without exponential patience, whose exact
 * blocking and abandonment come from the birth-death chain solved here (independently of the
 * product): pi_n proportional to prod lambda / (min(k, c) mu + max(k - c, 0) theta). By PASTA an
 * arrival is blocked with probability pi_N. The band is the simulation's 99.9% confidence band,
 * required to be narrow.
 */
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/index.js';
import { simulateInThread } from '../../src/experiment/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { singleQueue } from '../support/scenarios.js';
import { expectConservation } from '../support/conservation.js';
import { TypeMeasure } from '../../src/experiment/index.js';
import { expectInBand } from '../support/bands.js';

const SEED = 20261203;



/** Stationary M/M/c/N+M by its birth-death chain: blocking pi_N and abandon share theta E[Q] / admitted rate. */
function birthDeath(c: number, lines: number, lambda: number, mu: number, theta: number): { pBlock: number; abandonRate: number } {
  const weights = [1];
  for (let n = 1; n <= lines; n++) weights.push((weights[n - 1]! * lambda) / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta));
  const total = weights.reduce((a, b) => a + b, 0);
  const pi = weights.map((w) => w / total);
  const queue = pi.reduce((s, p, n) => s + p * Math.max(n - c, 0), 0);
  const admitted = lambda * (1 - pi[lines]!);
  return { pBlock: pi[lines]!, abandonRate: (theta * queue) / admitted };
}

const withLines = (base: ReturnType<typeof singleQueue>, extra: Record<string, unknown>, typeExtra: Record<string, unknown> = {}) =>
  parseScenario({ ...base, ...extra, contactTypes: base.contactTypes.map((t) => ({ ...t, ...typeExtra })) });

describe('blocking: simulation vs exact loss systems', () => {
  it('M/M/10/10 by `lines` matches Erlang B', () => {
    const base = singleQueue({ agents: 10, load: 8, aht: 120, slSeconds: 20 });
    const out = simulateInThread(withLines(base, { lines: 10 }), { replications: 200, seed: SEED });
    expectInBand('blockRate', out.summary.blockRate, erlangB(10, 8), 0.01);
    expect(out.summary.offered.mean! + out.summary.blocked!.mean!).toBeCloseTo(out.summary.arrivals.mean!, 6);
  });

  it('M/M/10/10 by `maxQueue: 0` matches Erlang B', () => {
    const base = singleQueue({ agents: 10, load: 8, aht: 120, slSeconds: 20 });
    const out = simulateInThread(withLines(base, {}, { maxQueue: 0 }), { replications: 200, seed: SEED });
    expectInBand('blockRate', out.summary.blockRate, erlangB(10, 8), 0.01);
    expect(out.summary.waitP90.mean).toBe(0);
  });

  it('M/M/5/12 (a waiting room of 7 by lines) matches its birth-death chain', () => {
    const base = singleQueue({ agents: 5, load: 5.5, aht: 60, slSeconds: 20 });
    const out = simulateInThread(withLines(base, { lines: 12 }), { replications: 200, seed: SEED });
    expectInBand('blockRate', out.summary.blockRate, birthDeath(5, 12, 5.5 / 60, 1 / 60, 0).pBlock, 0.01);
  });

  it('M/M/20/26+M with patience matches its birth-death chain (blocking and abandonment)', () => {
    const base = singleQueue({ agents: 20, load: 22, aht: 180, patience: 120, slSeconds: 20 });
    const out = simulateInThread(withLines(base, { lines: 26 }), { replications: 150, seed: SEED });
    const exact = birthDeath(20, 26, 22 / 180, 1 / 180, 1 / 120);
    expectInBand('blockRate', out.summary.blockRate, exact.pBlock, 0.01);
    expectInBand('abandonRate', out.summary.abandonRate, exact.abandonRate, 0.01);
  });

  it('a queue cap of 6 on one type is the same M/M/5/11 as 11 lines', () => {
    const base = singleQueue({ agents: 5, load: 5.5, aht: 60, slSeconds: 20 });
    const out = simulateInThread(withLines(base, {}, { maxQueue: 6 }), { replications: 200, seed: SEED });
    expectInBand('blockRate', out.summary.blockRate, birthDeath(5, 11, 5.5 / 60, 1 / 60, 0).pBlock, 0.01);
  });
});

describe('conservation with lines, caps, bots, follow-ups and queue closing', () => {
  it('every contact ends in exactly one outcome, in every replication', () => {
    const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
    const scenario = parseScenario({
      name: 'busy day',
      intervalMinutes: 30,
      intervals: 8,
      start: '08:00',
      warmupMinutes: 30,
      lines: 14,
      closeQueueAt: ['10:00', 'end'],
      contactTypes: [
        {
          id: 'sales', channel: 'voice', volume: [80, 120, 160, 160, 120, 100, 80, 60], handleTime: exp(180), patience: exp(90),
          serviceLevel: { seconds: 20, target: 0.8 }, retrial: { probability: 0.6, delay: exp(120) }, repeat: { probability: 0.1, delay: exp(600) },
          bot: { share: 0.5, containment: 0.3, dropout: 0.1, falseContainment: 0.2, duration: exp(60) },
        },
        { id: 'care', channel: 'voice', volume: 60, handleTime: exp(240), patience: exp(200), maxQueue: 3, serviceLevel: { seconds: 30, target: 0.8 }, retrial: { probability: 0.5, delay: exp(300) } },
        { id: 'mail', channel: 'email', volume: 20, handleTime: exp(300), maxQueue: 5, serviceLevel: { seconds: 3600, target: 0.8 } },
      ],
      agentGroups: [
        { id: 'front', skills: ['sales', 'care'], staff: 8 },
        { id: 'back', skills: ['care', 'mail'], staff: 2 },
      ],
    });
    const sum = expectConservation(scenario, 40);
    for (const m of ['blocked', 'disconnected', 'retrials', 'repeats', 'contained', 'abandoned'] as const) {
      expect(sum[TypeMeasure[m]], `${m} happened`).toBeGreaterThan(0);
    }
  });
});
