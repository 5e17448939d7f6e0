/**
 * Section-4 routing, staffing and demand features against what they must produce. Seeds are
 * written down; bands are 99.9% unless stated.
 */
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/analytic/index.js';
import { buildModel, GROUP_MEASURES, GroupMeasure, runReplication, simulateInThread, TraceRecorder, TYPE_MEASURES, TypeMeasure } from '../../src/experiment/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';
import { band999 } from '../support/bands.js';

const SEED = 777;
const Z999 = 3.2905;
const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
const constant = (value: number) => ({ dist: 'constant' as const, value });
const sl = { seconds: 20, target: 0.8 };

const run = (s: ScenarioInput, replications: number) => simulateInThread(parseScenario(s), { replications, seed: SEED });

describe('contact-type priority', () => {
  const twoTypes = (goldPriority: number): ScenarioInput => ({
    name: 'priority', intervalMinutes: 60, intervals: 6, warmupMinutes: 60,
    contactTypes: ['gold', 'std'].map((id) => ({
      id, channel: 'voice' as const, volume: 190, handleTime: exp(180), patience: exp(120), serviceLevel: sl,
      ...(id === 'gold' ? { priority: goldPriority } : {}),
    })),
    agentGroups: [{ id: 'agents', skills: ['std', 'gold'], staff: 20 }],
  });

  it('a higher-priority type gets a higher service level than an identical lower-priority one', () => {
    const out = run(twoTypes(1), 20);
    const gold = out.byType.gold!.serviceLevel;
    const std = out.byType.std!.serviceLevel;
    expect(gold.mean! - band999(gold)).toBeGreaterThan(std.mean! + band999(std));
    expect(gold.mean! - std.mean!).toBeGreaterThan(0.08);
  });

  it('without the priority the two identical types get the same service level (within the band)', () => {
    const out = run(twoTypes(0), 20);
    const gold = out.byType.gold!.serviceLevel;
    const std = out.byType.std!.serviceLevel;
    expect(Math.abs(gold.mean! - std.mean!)).toBeLessThan(band999(gold) + band999(std));
  });
});

describe('proficiency (handleTimeFactor)', () => {
  it('a group with handleTimeFactor 1.5 shows 1.5x the mean handle time (busy time / answered)', () => {
    // Two identical types, each with its own group; 4 h of arrivals then 1 h with none, so every
    // handle time falls inside the day.
    const volume = [400, 400, 400, 400, 0];
    const scenario: ScenarioInput = {
      name: 'proficiency', intervalMinutes: 60, intervals: 5,
      contactTypes: ['a', 'b'].map((id) => ({ id, channel: 'voice' as const, volume, handleTime: exp(200), serviceLevel: sl })),
      agentGroups: [
        { id: 'normal', skills: ['a'], staff: 40 },
        { id: 'slow', skills: [{ type: 'b', handleTimeFactor: 1.5 }], staff: 40 },
      ],
    };
    const config = buildModel(parseScenario(scenario));
    const busy = [0, 0];
    const answered = [0, 0];
    for (let r = 0; r < 10; r++) {
      const res = runReplication(config, SEED, r);
      for (let i = 0; i < 5; i++) {
        for (const g of [0, 1]) {
          busy[g]! += res.groups[(g * 5 + i) * GROUP_MEASURES + GroupMeasure.busy]!;
          answered[g]! += res.types[(g * 5 + i) * TYPE_MEASURES + TypeMeasure.answered]!;
        }
      }
    }
    for (const [g, mean] of [[0, 200], [1, 300]] as const) {
      const half = (Z999 * mean) / Math.sqrt(answered[g]!); // exponential: sd = mean
      expect(half / mean).toBeLessThan(0.03);
      expect(Math.abs(busy[g]! / answered[g]! - mean), `group ${g}: ${busy[g]! / answered[g]!} vs ${mean} ±${half}`).toBeLessThanOrEqual(half);
    }
  });
});

describe('forecast error (volumeUncertainty)', () => {
  const hour = (cv: number): ScenarioInput => ({
    name: 'forecast error', intervalMinutes: 60, intervals: 1,
    contactTypes: [{ id: 'calls', channel: 'voice', volume: 2000, handleTime: exp(60), serviceLevel: sl, ...(cv > 0 ? { volumeUncertainty: { cv } } : {}) }],
    agentGroups: [{ id: 'agents', skills: ['calls'], staff: 45 }],
  });
  const spread = (cv: number) => {
    const config = buildModel(parseScenario(hour(cv)));
    const xs = Array.from({ length: 300 }, (_, r) => runReplication(config, SEED, r).types[TypeMeasure.arrivals]!);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { mean, sd: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) };
  };

  it('the across-replication spread of arrivals exceeds the Poisson spread: var = L + cv^2 L^2', () => {
    const poisson = Math.sqrt(2000);
    const mixed = spread(0.2);
    expect(mixed.sd).toBeGreaterThan(5 * poisson);
    const expected = Math.sqrt(2000 + 0.04 * 2000 ** 2);
    expect(mixed.sd / expected).toBeGreaterThan(0.8);
    expect(mixed.sd / expected).toBeLessThan(1.2);
    expect(Math.abs(mixed.mean - 2000)).toBeLessThan((Z999 * expected) / Math.sqrt(300));
    const plain = spread(0);
    expect(plain.sd / poisson).toBeGreaterThan(0.8);
    expect(plain.sd / poisson).toBeLessThan(1.2);
  });
});

describe('chat concurrency factor', () => {
  it('with factors > 1 the same chats keep agents busier: occupancy and slot utilization rise in every replication', () => {
    const chat = (factor?: number[]) => buildModel(parseScenario({
      name: 'concurrency factor', intervalMinutes: 60, intervals: 6, warmupMinutes: 60,
      contactTypes: [{ id: 'web', channel: 'chat', volume: 72, handleTime: exp(600), serviceLevel: { seconds: 60, target: 0.8 }, ...(factor ? { concurrencyFactor: factor } : {}) }],
      agentGroups: [{ id: 'chat', skills: ['web'], staff: 10, concurrency: 3 }],
    }));
    const [plain, slowed] = [chat(), chat([1, 1.3, 1.6])];
    const ratio = (g: Float64Array, x: number, y: number) => {
      let [sx, sy] = [0, 0];
      for (let at = 0; at < g.length; at += GROUP_MEASURES) [sx, sy] = [sx + g[at + x]!, sy + g[at + y]!];
      return sx / sy;
    };
    const rises: number[] = [];
    for (let r = 0; r < 20; r++) {
      const [a, b] = [runReplication(plain, SEED, r), runReplication(slowed, SEED, r)];
      expect(b.types[TypeMeasure.arrivals]).toBe(a.types[TypeMeasure.arrivals]); // the same customers
      rises.push(ratio(b.groups, GroupMeasure.busy, GroupMeasure.staffed) - ratio(a.groups, GroupMeasure.busy, GroupMeasure.staffed));
      expect(ratio(b.groups, GroupMeasure.slotsBusy, GroupMeasure.slotsStaffed)).toBeGreaterThan(ratio(a.groups, GroupMeasure.slotsBusy, GroupMeasure.slotsStaffed) + 0.03);
    }
    expect(Math.min(...rises)).toBeGreaterThan(0); // a sign test: 2^-20 by chance
    expect(rises.reduce((x, y) => x + y, 0) / rises.length).toBeGreaterThan(0.02);
  });
});

describe('email backlog across days', () => {
  it('email left at the end of the staffed day is served the next morning; nothing is lost', () => {
    // 00:00 day 0 to 16:00 day 1 in hours; email arrives 08:00-20:00, 4 agents work 08:00-16:00.
    const volume = Array.from({ length: 40 }, (_, i) => (i % 24 >= 8 && i % 24 < 20 ? 30 : 0));
    const shifts = [0, 1].map((day) => ({ start: '08:00', day, minutes: 480, count: 4 }));
    const out = run({
      name: 'backlog', intervalMinutes: 60, intervals: 40,
      contactTypes: [{ id: 'mail', channel: 'email', volume, handleTime: exp(600), serviceLevel: { seconds: 8 * 3600, target: 0.9 } }],
      agentGroups: [{ id: 'back-office', skills: ['mail'], shifts }],
    }, 3);
    for (let i = 16; i < 20; i++) {
      const k = out.intervals[i]!.byType.mail!;
      expect(k.answered.mean, `interval ${i}`).toBe(k.arrivals.mean);
      expect(k.unresolved.mean).toBe(0);
      expect(k.asa.mean!, `interval ${i} waits overnight`).toBeGreaterThan(12 * 3600); // answered from 08:00 next day
    }
    expect(out.intervals[32]!.byGroup['back-office']!.occupancy.mean).toBe(1); // day 1 08:00: working the backlog
    expect(out.intervals[2]!.byGroup['back-office']!.occupancy.mean).toBeNull(); // nobody staffed at night
    expect(out.summary.unresolved.mean).toBe(0);
    expect(out.summary.answered.mean).toBe(out.summary.arrivals.mean);
  });
});

describe('per-interval handle time', () => {
  it('a handle-time array changes the workload of its intervals (by arrival interval)', () => {
    const day = (handleTime: unknown): ScenarioInput => ({
      name: 'aht by interval', intervalMinutes: 60, intervals: 3,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 360, handleTime: handleTime as never, serviceLevel: sl }],
      agentGroups: [{ id: 'agents', skills: ['calls'], staff: 60 }],
    });
    const occ = (s: ScenarioInput) => run(s, 10).intervals.map((iv) => iv.byGroup.agents!.occupancy.mean!);
    const varying = occ(day([constant(100), constant(300), constant(300)]));
    expect(varying[2]! / varying[0]!).toBeGreaterThan(2.8);
    expect(varying[2]! / varying[0]!).toBeLessThan(3.2);
    const flat = occ(day(constant(100)));
    expect(flat[2]! / flat[0]!).toBeGreaterThan(0.9);
    expect(flat[2]! / flat[0]!).toBeLessThan(1.1);
  });
});

describe('cost', () => {
  it('cost = staffed hours x costPerHour + bot sessions x costPerSession; costPerContact = cost / arrivals', () => {
    const out = run({
      name: 'cost', intervalMinutes: 30, intervals: 4,
      contactTypes: [
        { id: 'calls', channel: 'voice', volume: 100, handleTime: exp(200), serviceLevel: sl, bot: { share: 0.5, containment: 0.3, duration: constant(60), costPerSession: 0.4 } },
        { id: 'mail', channel: 'email', volume: 20, handleTime: exp(400), serviceLevel: { seconds: 3600, target: 0.9 } },
      ],
      agentGroups: [
        { id: 'voice', skills: ['calls'], staff: 12, costPerHour: 30 },
        { id: 'office', skills: ['mail', 'calls'], staff: [3, 3, 4, 4], costPerHour: 24 },
      ],
    }, 4);
    const agentCost = 12 * 2 * 30 + (3 + 3 + 4 + 4) * 0.5 * 24;
    const botCost = out.byType.calls!.botSessions.mean! * 0.4;
    expect(out.summary.cost.mean!).toBeCloseTo(agentCost + botCost, 6);
    expect(out.byType.calls!.cost.mean! + out.byType.mail!.cost.mean!).toBeCloseTo(out.summary.cost.mean!, 6);
    expect(out.summary.costPerContact.mean!).toBeCloseTo(out.summary.cost.mean! / out.summary.arrivals.mean!, 9);
  });

  it('a group\'s cost is attributed in proportion to the agent time each contact took', () => {
    const config = buildModel(parseScenario({
      name: 'attribution', intervalMinutes: 60, intervals: 2,
      contactTypes: [
        { id: 'short', channel: 'voice', volume: 50, handleTime: constant(100), serviceLevel: sl },
        { id: 'long', channel: 'voice', volume: 50, handleTime: constant(200), serviceLevel: sl },
      ],
      agentGroups: [{ id: 'team', skills: ['short', 'long'], staff: 8, costPerHour: 36 }],
    }));
    const t = runReplication(config, SEED, 0).types;
    const sum = (type: number, m: number) => t[(type * 2) * TYPE_MEASURES + m]! + t[(type * 2 + 1) * TYPE_MEASURES + m]!;
    expect(sum(0, TypeMeasure.cost) + sum(1, TypeMeasure.cost)).toBeCloseTo(8 * 2 * 36, 9);
    const perAnswer = (type: number) => sum(type, TypeMeasure.cost) / sum(type, TypeMeasure.answered);
    expect(perAnswer(1) / perAnswer(0)).toBeCloseTo(2, 9);
  });
});

describe('waitP90', () => {
  it('matches the Erlang C waiting-time quantile: P(W > t) = C e^{-(c mu - lambda) t}', () => {
    const [agents, load, aht] = [10, 8.5, 180];
    const out = run({
      name: 'M/M/10', intervalMinutes: 60, intervals: 8, warmupMinutes: 120,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: (load / aht) * 3600, handleTime: exp(aht), serviceLevel: sl }],
      agentGroups: [{ id: 'agents', skills: ['calls'], staff: agents }],
    }, 300);
    const c = erlangC({ agents, arrivalRate: load / aht, aht, slSeconds: 20 });
    const exact = Math.log(c.pWait / 0.1) / ((agents - load) / aht);
    const m = out.summary.waitP90;
    const half = band999(m) + 5; // plus the 5 s bin width there
    expect(half / exact).toBeLessThan(0.15);
    expect(Math.abs(m.mean! - exact), `${m.mean} vs ${exact} ±${half}`).toBeLessThanOrEqual(half);
  });

  it('a replication\'s p90 is the order statistic of its answered waits to within the bin width', () => {
    const scenario = parseScenario({
      name: 'p90', intervalMinutes: 60, intervals: 2,
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 200, handleTime: exp(180), serviceLevel: sl }],
      agentGroups: [{ id: 'agents', skills: ['calls'], staff: 10 }],
    });
    const config = buildModel(scenario);
    const trace = new TraceRecorder(config);
    runReplication(config, SEED, 0, { observer: trace });
    const waits = trace.events.filter((e) => e.kind === 'answer').map((e) => e.wait!).sort((a, b) => a - b);
    const p90 = waits[Math.ceil(0.9 * waits.length) - 1]!;
    const out = simulateInThread(scenario, { replications: 1, seed: SEED });
    expect(p90).toBeGreaterThan(60); // in the 5 s bins
    expect(Math.abs(out.summary.waitP90.mean! - p90)).toBeLessThanOrEqual(5);
  });
});

describe('overflow', () => {
  it('over a random day, the backup group answers the overflowing type only after afterSeconds', () => {
    const config = buildModel(parseScenario({
      name: 'overflow', intervalMinutes: 60, intervals: 4,
      contactTypes: [
        { id: 'calls', channel: 'voice', volume: 400, handleTime: exp(180), patience: exp(200), serviceLevel: sl },
        { id: 'sales', channel: 'voice', volume: 60, handleTime: exp(240), serviceLevel: sl },
      ],
      agentGroups: [
        { id: 'primary', skills: ['calls'], staff: 19 },
        { id: 'backup', skills: ['sales', { type: 'calls', afterSeconds: 20 }], staff: 8 },
      ],
    }));
    const trace = new TraceRecorder(config);
    runReplication(config, SEED, 0, { observer: trace });
    const backupCalls = trace.events.filter((e) => e.kind === 'answer' && e.group === 'backup' && e.type === 'calls');
    expect(backupCalls.length).toBeGreaterThan(50);
    expect(Math.min(...backupCalls.map((e) => e.wait!))).toBeGreaterThanOrEqual(20);
  });
});
