import { describe, expect, it } from 'vitest';
import { simulateInThread } from '../../src/experiment/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { expectConservation } from '../support/conservation.js';
import { quiet, story } from '../support/story.js';
import { band999 } from '../support/bands.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });
const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
type Dist = { dist: 'constant'; value: number } | { dist: 'exponential'; mean: number };
type Outbound = { whenIdleAbove?: number; dialRate?: number; connectRate: number; dialSeconds?: number; handleTime: Dist };
const day = (outbound: Outbound, staff: number, minutes: number): ScenarioInput => ({
  name: 'blend',
  intervalMinutes: minutes,
  intervals: 1,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, serviceLevel: sl, handleTime: constant(100) }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff, outbound }],
});

describe('outbound blending (event-log stories, constant times)', () => {
  it('an idle agent dials while more than whenIdleAbove agents are idle; the one kept free takes the inbound call', () => {
    // 2 agents, 1 kept free: a0 dials at 0 (ring 20 s, connects, talks 50 s). At 70 a0 is free
    // again but a1 is busy with the inbound call, so only 1 is idle: no dial. At 130 the day is over.
    const { lines, result } = story(day({ whenIdleAbove: 1, connectRate: 1, dialSeconds: 20, handleTime: constant(50) }, 2, 2), { calls: [30] });
    expect(quiet(lines)).toEqual(['0 dial a0 team', '20 connect a0 team', '30 arrive c0', '30 queue c0', '30 answer c0 a1 team w0', '130 end c0 a1']);
    // Group table, one interval: busy = 70 (outbound) + 90 (inbound, 30..120) agent-seconds.
    expect([result.groups[4], result.groups[5], result.groups[6], result.groups[0]]).toEqual([1, 1, 70, 160]);
  });

  it('failed attempts keep the agent for dialSeconds, and inbound work goes before the next attempt', () => {
    const { lines } = story(day({ connectRate: 1e-12, dialSeconds: 20, handleTime: constant(50) }, 1, 2), { calls: [30] });
    expect(quiet(lines)).toEqual(['0 dial a0 team', '20 dial a0 team', '30 arrive c0', '30 queue c0', '40 answer c0 a0 team w10', '140 end c0 a0']);
  });
});

describe('outbound blending: rates and the inbound trade-off', () => {

  it('with no inbound work each agent makes 3600 / (dialSeconds + connectRate x talk) attempts an hour', () => {
    const scenario = parseScenario({
      ...day({ connectRate: 0.25, dialSeconds: 20, handleTime: constant(60) }, 5, 60),
      intervals: 8,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 0, serviceLevel: sl, handleTime: constant(100) }],
    });
    const out = simulateInThread(scenario, { replications: 30, seed: 11 });
    const attempts = out.byGroup.team!.outboundAttempts!;
    const expected = (5 * 8 * 3600) / (20 + 0.25 * 60);
    // A renewal count over 8 h: within the 99.9% band plus one cycle per agent of edge effect.
    expect(Math.abs(attempts.mean! - expected)).toBeLessThanOrEqual(band999(attempts) + 5);
    expect(out.byGroup.team!.occupancy.mean).toBeGreaterThan(0.99);
    expect(out.byGroup.team!.outboundConnects!.mean! / attempts.mean!).toBeCloseTo(0.25, 1);
  });

  it('paced dialing makes dialRate attempts an hour while agents are free', () => {
    const scenario = parseScenario({
      ...day({ dialRate: 120, connectRate: 0.5, handleTime: exp(60) }, 10, 60),
      intervals: 8,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 0, serviceLevel: sl, handleTime: constant(100) }],
    });
    const out = simulateInThread(scenario, { replications: 30, seed: 12 });
    const attempts = out.byGroup.team!.outboundAttempts!;
    expect(Math.abs(attempts.mean! - 960)).toBeLessThanOrEqual(band999(attempts));
  });

  it('keeping more agents free for inbound raises inbound SL and lowers outbound volume; every inbound contact is conserved', () => {
    const center = (k: number) =>
      parseScenario({
        name: 'blend',
        intervalMinutes: 60,
        intervals: 6,
        warmupMinutes: 30,
        contactTypes: [{ id: 'calls', channel: 'voice', volume: 250, handleTime: exp(180), patience: exp(120), serviceLevel: sl, retrial: { probability: 0.3, delay: exp(300) } }],
        agentGroups: [{ id: 'team', skills: ['calls'], staff: 16, outbound: { whenIdleAbove: k, connectRate: 0.3, handleTime: exp(240) } }],
      });
    const runs = [0, 2, 4].map((k) => simulateInThread(center(k), { replications: 20, seed: 13 }));
    const sls = runs.map((o) => o.summary.serviceLevel.mean!);
    const dialed = runs.map((o) => o.summary.outboundAttempts!.mean!);
    expect(sls[1]!).toBeGreaterThan(sls[0]! + 0.02);
    expect(sls[2]!).toBeGreaterThan(sls[1]!);
    expect(dialed[1]!).toBeLessThan(dialed[0]!);
    expect(dialed[2]!).toBeLessThan(dialed[1]!);
    for (const o of runs) {
      const s = o.summary;
      expect(s.inboundHours!.mean! + s.outboundHours!.mean!).toBeCloseTo(s.busyHours.mean!, 6);
    }
    expectConservation(center(1), 20);
  });
});
