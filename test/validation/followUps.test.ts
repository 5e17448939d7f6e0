/**
 * Retrials, repeats, bot dropout and false containment at their rates; short abandons; the
 * accounting identity with every section-4 feature on. Each decision is an independent Bernoulli
 * draw per contact, so counts are binomial given their base: bands are 99.9% (z = 3.29). Arrivals
 * stop well before the end (zero-volume tail intervals), so no retrial or repeat is cut off.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, runReplication, simulateInThread, TraceRecorder, TYPE_MEASURES, TypeMeasure, type ReplicationResult } from '../../src/experiment/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';

const SEED = 4242;
const Z999 = 3.2905;
const constant = (value: number) => ({ dist: 'constant' as const, value });

/** Every type measure summed over types and intervals, over `replications` replications. */
function totals(scenario: ScenarioInput, replications: number): Float64Array {
  const config = buildModel(parseScenario(scenario));
  const sums = new Float64Array(TYPE_MEASURES);
  for (let r = 0; r < replications; r++) addTotals(sums, runReplication(config, SEED, r));
  return sums;
}
function addTotals(sums: Float64Array, result: ReplicationResult): void {
  for (let at = 0; at < result.types.length; at += TYPE_MEASURES) {
    for (let m = 0; m < TYPE_MEASURES; m++) sums[m]! += result.types[at + m]!;
  }
}
/** |observed - p n| within the 99.9% binomial band, and the band narrow enough to mean something. */
function expectBinomial(observed: number, n: number, p: number, maxRelativeBand: number): void {
  const half = Z999 * Math.sqrt(n * p * (1 - p));
  expect(half / (p * n), 'band width').toBeLessThan(maxRelativeBand);
  expect(Math.abs(observed - p * n), `${observed} vs ${p} x ${n} = ${p * n} ±${half}`).toBeLessThanOrEqual(half);
}

/** One voice type through a morning: 3 h of arrivals then 1.5 h with none. */
function morning(type: Record<string, unknown>, staff: number): ScenarioInput {
  return {
    name: 'follow-ups',
    intervalMinutes: 30,
    intervals: 9,
    contactTypes: [{
      id: 'calls', channel: 'voice', volume: [300, 300, 300, 300, 300, 300, 0, 0, 0],
      handleTime: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 }, ...type,
    }],
    agentGroups: [{ id: 'agents', skills: ['calls'], staff }],
  };
}

describe('repeat contacts', () => {
  it('repeats = probability x answered (binomial band)', () => {
    const p = 0.2;
    const s = totals(morning({ repeat: { probability: p, delay: constant(600) } }, 40), 10);
    expect(s[TypeMeasure.unresolved]).toBe(0);
    expectBinomial(s[TypeMeasure.repeats]!, s[TypeMeasure.answered]!, p, 0.1);
    expect(s[TypeMeasure.offered]).toBe(s[TypeMeasure.arrivals]! + s[TypeMeasure.repeats]!);
  });
});

describe('retrials after abandonment', () => {
  it('offered exceeds fresh arrivals by the retrials, and retrials = probability x abandoned (binomial band)', () => {
    const p = 0.6;
    const type = { patience: { dist: 'exponential', mean: 60 }, retrial: { probability: p, delay: constant(300) } };
    const s = totals(morning(type, 28), 10); // load 30 Erlangs on 28 agents: many abandon
    expect(s[TypeMeasure.offered]).toBe(s[TypeMeasure.arrivals]! + s[TypeMeasure.retrials]!);
    expect(s[TypeMeasure.offered]! / s[TypeMeasure.arrivals]!).toBeGreaterThan(1.05);
    expectBinomial(s[TypeMeasure.retrials]!, s[TypeMeasure.abandoned]!, p, 0.1);
  });

  it('without a retrial rule the same customers are offered exactly once', () => {
    const s = totals(morning({ patience: { dist: 'exponential', mean: 60 } }, 28), 3);
    expect([s[TypeMeasure.retrials], s[TypeMeasure.offered]]).toEqual([0, s[TypeMeasure.arrivals]]);
  });
});

describe('bot realism', () => {
  it('dropout, containment and false containment happen at their rates; falsely contained customers come back as repeats', () => {
    const bot = { share: 1, containment: 0.4, dropout: 0.15, falseContainment: 0.25, duration: constant(60) };
    const s = totals(morning({ bot, repeat: { probability: 0, delay: constant(900) } }, 40), 20);
    const sessions = s[TypeMeasure.botEntered]!;
    expect(sessions).toBe(s[TypeMeasure.arrivals]);
    expectBinomial(s[TypeMeasure.botDropouts]!, sessions, 0.15, 0.05);
    expectBinomial(s[TypeMeasure.contained]!, sessions, 0.4, 0.05);
    expectBinomial(s[TypeMeasure.repeats]!, s[TypeMeasure.contained]!, 0.25, 0.1);
    // Offered: escalations (1 - 0.4 - 0.15 of sessions) plus the returning customers.
    expect(s[TypeMeasure.offered]).toBe(sessions - s[TypeMeasure.contained]! - s[TypeMeasure.botDropouts]! + s[TypeMeasure.repeats]!);
  });
});

describe('shortAbandonSeconds', () => {
  it('abandons within the threshold leave the service-level denominator; the abandon rate keeps them', () => {
    const base = morning({ patience: { dist: 'exponential', mean: 60 } }, 29);
    const withShort = morning({ patience: { dist: 'exponential', mean: 60 }, serviceLevel: { seconds: 20, target: 0.8, shortAbandonSeconds: 5 } }, 29);
    const a = simulateInThread(parseScenario(base), { replications: 4, seed: SEED }).summary;
    const b = simulateInThread(parseScenario(withShort), { replications: 4, seed: SEED }).summary;
    expect(b.abandonRate).toEqual(a.abandonRate); // same customers, same abandons
    // Recount from the event log: the denominator loses exactly the abandons with wait <= 5 s.
    const config = buildModel(parseScenario(withShort));
    let inTime = 0, resolved = 0, short = 0;
    for (let r = 0; r < 4; r++) {
      const trace = new TraceRecorder(config);
      runReplication(config, SEED, r, { observer: trace });
      for (const e of trace.events) {
        if (e.t < 0) continue;
        if (e.kind === 'answer') {
          resolved++;
          if (e.wait! <= 20) inTime++;
        } else if (e.kind === 'abandon') {
          resolved++;
          if (e.wait! <= 5) short++;
        }
      }
    }
    expect(short).toBeGreaterThan(100);
    expect(b.serviceLevel.mean!).toBeCloseTo(inTime / (resolved - short), 12);
    expect(a.serviceLevel.mean!).toBeCloseTo(inTime / resolved, 12);
    expect(b.serviceLevel.mean! - a.serviceLevel.mean!).toBeGreaterThan(0.01);
  });
});

describe('accounting identity with every section-4 feature', () => {
  it('arrivals + retrials + repeats = contained + botDropouts + answered + abandoned + unresolved in every replication', () => {
    const scenario: ScenarioInput = {
      name: 'everything',
      intervalMinutes: 30,
      intervals: 8,
      start: '08:00',
      warmupMinutes: 30,
      contactTypes: [
        { id: 'calls', channel: 'voice', volume: [200, 260, 300, 280, 240, 200, 160, 120], priority: 1,
          handleTime: [{ dist: 'lognormal', mean: 240, cv: 0.9 }, { dist: 'lognormal', mean: 260, cv: 0.9 }, { dist: 'lognormal', mean: 280, cv: 0.9 },
            { dist: 'lognormal', mean: 280, cv: 0.9 }, { dist: 'lognormal', mean: 260, cv: 0.9 }, { dist: 'lognormal', mean: 240, cv: 0.9 },
            { dist: 'lognormal', mean: 240, cv: 0.9 }, { dist: 'lognormal', mean: 240, cv: 0.9 }],
          patience: { dist: 'gamma', mean: 120, cv: 0.8 }, serviceLevel: { seconds: 20, target: 0.8, shortAbandonSeconds: 5 },
          retrial: { probability: 0.5, delay: { dist: 'exponential', mean: 600 } }, repeat: { probability: 0.15, delay: { dist: 'exponential', mean: 3600 } },
          volumeUncertainty: { cv: 0.1 },
          bot: { share: 0.5, containment: 0.3, dropout: 0.1, falseContainment: 0.2, duration: { dist: 'lognormal', mean: 90, cv: 1 },
            escalatedHandleTime: { dist: 'lognormal', mean: 330, cv: 0.8 }, costPerSession: 0.5 } },
        { id: 'web', channel: 'chat', volume: 120, handleTime: { dist: 'gamma', mean: 500, cv: 0.7 }, concurrencyFactor: [1, 1.3, 1.6],
          patience: { dist: 'exponential', mean: 300 }, serviceLevel: { seconds: 60, target: 0.8 },
          retrial: { probability: 0.3, delay: constant(120) } },
      ],
      agentGroups: [
        { id: 'voice', skills: ['calls'], costPerHour: 30, shrinkage: 0.1,
          shifts: [{ start: '07:30', minutes: 240, count: 30, breaks: [{ offsetMinutes: 120, minutes: 15 }] }, { start: '10:00', minutes: 240, count: 28 }] },
        { id: 'chat', skills: ['web', { type: 'calls', afterSeconds: 60, handleTimeFactor: 1.3, priority: -1 }], staff: 12, concurrency: 3, costPerHour: 25 },
      ],
    };
    const config = buildModel(parseScenario(scenario));
    for (let r = 0; r < 6; r++) {
      const s = new Float64Array(TYPE_MEASURES);
      addTotals(s, runReplication(config, SEED, r));
      const entries = s[TypeMeasure.arrivals]! + s[TypeMeasure.retrials]! + s[TypeMeasure.repeats]!;
      const outcomes = s[TypeMeasure.contained]! + s[TypeMeasure.botDropouts]! + s[TypeMeasure.answered]! + s[TypeMeasure.abandoned]! + s[TypeMeasure.unresolved]!;
      expect(outcomes, `replication ${r}`).toBe(entries);
      for (const m of [TypeMeasure.retrials, TypeMeasure.repeats, TypeMeasure.botDropouts, TypeMeasure.shortAbandoned]) expect(s[m]).toBeGreaterThan(0);
    }
  });
});
