/**
 * The simulated stationary queue against exact Erlang C / Erlang A.
 *
 * Each case runs a long day (8 h after a 1 h warm-up, started empty) over R replications with
 * seed 20261122, and requires the exact value inside the simulation's 99.9% confidence band
 * (the 95% half-width scaled by t(0.9995)/t(0.975)). The band must itself be narrow: a test with a
 * wide band could not fail. Bounds on the 99.9% half-width: service level <= 0.02 (absolute),
 * ASA <= 15% of the exact value or 1 s, abandonment <= 0.01, occupancy <= 0.01.
 */
import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, type QueueMetrics } from '../../src/analytic/index.js';
import { simulateInThread } from '../../src/experiment/index.js';
import { singleQueue } from '../support/scenarios.js';
import { expectInBand } from '../support/bands.js';

const SEED = 20261122;

interface Case {
  agents: number;
  load: number;
  aht: number;
  patience?: number;
  slSeconds: number;
  replications: number;
}

const CASES: Case[] = [
  { agents: 1, load: 0.6, aht: 60, slSeconds: 30, replications: 300 },
  { agents: 5, load: 4, aht: 120, slSeconds: 20, replications: 200 },
  { agents: 20, load: 17, aht: 180, slSeconds: 20, replications: 300 },
  { agents: 50, load: 48, aht: 240, patience: 180, slSeconds: 30, replications: 60 },
  { agents: 100, load: 92, aht: 300, slSeconds: 20, replications: 200 },
  { agents: 370, load: 360, aht: 180, patience: 120, slSeconds: 20, replications: 20 },
  // Overloaded Erlang A: 30% more work than agents; abandonment keeps it stable.
  { agents: 30, load: 39, aht: 200, patience: 60, slSeconds: 20, replications: 60 },
];



describe('simulated stationary queue vs exact Erlang C / A', () => {
  for (const c of CASES) {
    const label = `${c.patience ? 'M/M/c+M' : 'M/M/c'} c=${c.agents} load=${c.load}${c.patience ? ` patience=${c.patience}` : ''}`;
    it(`${label} matches its exact values inside a narrow 99.9% band`, () => {
      const scenario = singleQueue(c);
      const out = simulateInThread(scenario, { replications: c.replications, seed: SEED });
      const rate = c.load / c.aht;
      const exact: QueueMetrics = c.patience
        ? erlangA({ agents: c.agents, arrivalRate: rate, aht: c.aht, patience: c.patience, slSeconds: c.slSeconds })
        : erlangC({ agents: c.agents, arrivalRate: rate, aht: c.aht, slSeconds: c.slSeconds });
      const s = out.summary;
      expectInBand('serviceLevel', s.serviceLevel, exact.serviceLevel, 0.02);
      expectInBand('asa', s.asa, exact.asa ?? NaN, Math.max(1, 0.15 * (exact.asa ?? 0)));
      expectInBand('occupancy', s.occupancy, exact.occupancy, 0.01);
      if (c.patience) expectInBand('abandonRate', s.abandonRate, exact.pAbandon ?? NaN, 0.01);
      else expect(s.abandoned.mean).toBe(0);
    });
  }

  it('two voice types pooled in one group match Erlang C for the summed load', () => {
    // Same exponential handle mean for both types, so the pooled FCFS queue is exactly M/M/c.
    const aht = 200;
    const out = simulateInThread(
      {
        ...singleQueue({ agents: 40, load: 36, aht, slSeconds: 20 }),
        contactTypes: [
          { id: 'a', channel: 'voice', volume: (14 / aht) * 3600, handleTime: { dist: 'exponential', mean: aht }, serviceLevel: { seconds: 20, target: 0.8 } },
          { id: 'b', channel: 'voice', volume: (22 / aht) * 3600, handleTime: { dist: 'exponential', mean: aht }, serviceLevel: { seconds: 20, target: 0.8 } },
        ],
        agentGroups: [{ id: 'pool', skills: ['a', 'b'], staff: 40 }],
      },
      { replications: 300, seed: SEED },
    );
    const exact = erlangC({ agents: 40, arrivalRate: 36 / aht, aht, slSeconds: 20 });
    expectInBand('pooled serviceLevel', out.summary.serviceLevel, exact.serviceLevel, 0.02);
    expectInBand('pooled asa', out.summary.asa, exact.asa ?? NaN, Math.max(1, 0.15 * (exact.asa ?? 0)));
    expectInBand('pooled occupancy', out.summary.occupancy, exact.occupancy, 0.01);
    // FCFS across types: each type sees the same waiting-time distribution.
    expectInBand('type a serviceLevel', out.byType.a!.serviceLevel, exact.serviceLevel, 0.04);
    expectInBand('type b serviceLevel', out.byType.b!.serviceLevel, exact.serviceLevel, 0.04);
  });
});
