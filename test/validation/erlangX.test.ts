/**
 * The simulation against exact Erlang X and Erlang B with retrials (src/analytic/erlangX.ts,
 * itself checked against an independent reference in test/analytic/erlangX.test.ts).
 *
 * Stationary days (8 h after a 1 h warm-up) with exponential times and phone lines; blocked and
 * abandoned callers redial with the type's `retrial` rule, as Erlang X assumes. Per attempt, as
 * Erlang X reports: pBlock = blocked / (arrivals + retrials); service level, ASA and abandonment
 * over the attempts that got a line (the run's own KPIs). Each exact value must lie in the
 * simulation's 99.9% band, and the band must be narrow.
 */
import { describe, it } from 'vitest';
import { erlangBRetrial, erlangX } from '../../src/analytic/index.js';
import { buildModel, runReplication, simulateInThread, TYPE_MEASURES, TypeMeasure } from '../../src/experiment/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { PairedMoments, ratioMetric, type Metric } from '../../src/stats/index.js';
import { singleQueue } from '../support/scenarios.js';
import { expectInBand } from '../support/bands.js';

const SEED = 20261203;



interface Case {
  agents: number;
  lines: number;
  load: number;
  aht: number;
  patience?: number;
  r: number;
  delay: number;
  replications: number;
}

/** Blocked share per attempt, as a ratio of means over replications. */
function pBlockPerAttempt(scenario: ReturnType<typeof parseScenario>, replications: number): Metric {
  const config = buildModel(scenario);
  const m = new PairedMoments(1);
  for (let r = 0; r < replications; r++) {
    const { types } = runReplication(config, SEED, r);
    let blocked = 0;
    let attempts = 0;
    for (let at = 0; at < types.length; at += TYPE_MEASURES) {
      blocked += types[at + TypeMeasure.blocked]!;
      attempts += types[at + TypeMeasure.arrivals]! + types[at + TypeMeasure.retrials]!;
    }
    m.nextObservation();
    m.add(0, blocked, attempts);
  }
  return ratioMetric(m.sums(0));
}

const CASES: Case[] = [
  { agents: 10, lines: 14, load: 8.33, aht: 120, patience: 90, r: 0.5, delay: 300, replications: 120 },
  { agents: 20, lines: 25, load: 21, aht: 180, patience: 120, r: 0.3, delay: 600, replications: 80 },
];

describe('simulation vs exact Erlang X (lines, patience, retrials)', () => {
  for (const c of CASES) {
    it(`c=${c.agents} N=${c.lines} load=${c.load} patience=${c.patience} r=${c.r}`, () => {
      const base = singleQueue({ agents: c.agents, load: c.load, aht: c.aht, patience: c.patience, slSeconds: 20 });
      const scenario = parseScenario({
        ...base,
        lines: c.lines,
        contactTypes: base.contactTypes.map((t) => ({ ...t, retrial: { probability: c.r, delay: { dist: 'exponential', mean: c.delay } } })),
      });
      const exact = erlangX({
        agents: c.agents, lines: c.lines, arrivalRate: c.load / c.aht, aht: c.aht, patience: c.patience,
        retrialProbability: c.r, retrialDelay: c.delay, slSeconds: 20,
      });
      const out = simulateInThread(scenario, { replications: c.replications, seed: SEED });
      expectInBand('pBlock per attempt', pBlockPerAttempt(scenario, c.replications), exact.pBlock, 0.01);
      expectInBand('serviceLevel', out.summary.serviceLevel, exact.serviceLevel, 0.02);
      expectInBand('abandonRate', out.summary.abandonRate, exact.pAbandon ?? NaN, 0.01);
      expectInBand('asa', out.summary.asa, exact.asa ?? NaN, Math.max(1, 0.15 * (exact.asa ?? 0)));
      expectInBand('occupancy', out.summary.occupancy, exact.occupancy, 0.01);
    });
  }

  it('Erlang B with retrials (8 lines = 8 agents, r = 0.7) by `lines` and by `maxQueue: 0`', () => {
    const exact = erlangBRetrial({ agents: 8, arrivalRate: 7 / 120, aht: 120, retrialProbability: 0.7, retrialDelay: 120 });
    const base = singleQueue({ agents: 8, load: 7, aht: 120, slSeconds: 20 });
    const retrial = { probability: 0.7, delay: { dist: 'exponential' as const, mean: 120 } };
    for (const extra of [{ lines: 8 }, {}]) {
      const scenario = parseScenario({
        ...base,
        ...extra,
        contactTypes: base.contactTypes.map((t) => ({ ...t, retrial, ...('lines' in extra ? {} : { maxQueue: 0 }) })),
      });
      expectInBand(`pBlock per attempt ${JSON.stringify(extra)}`, pBlockPerAttempt(scenario, 150), exact.pBlock, 0.01);
    }
  });
});
