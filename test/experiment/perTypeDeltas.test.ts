/**
 * Per-type paired deltas (compare and sweep) and the per-type precision target: each checked
 * against figures computed here by hand from the replications themselves.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildModel,
  compareScenarios,
  inThreadRunner,
  ReplicationPool,
  runReplication,
  simulateScenario,
  sweepScenario,
  TYPE_MEASURES,
  TypeMeasure,
  type ReplicationResult,
} from '../../src/experiment/index.js';
import { parseScenario, parseScenarioText, type Scenario } from '../../src/scenario/index.js';
import type { Metric } from '../../src/stats/index.js';

const pool = new ReplicationPool(() => inThreadRunner(), 1);
afterAll(() => pool.close());

const SEED = 3;
const N = 6;
/** Student t 0.975 quantile with N - 1 = 5 degrees of freedom (mpmath: 2.57058183563631546895). */
const T_975_5 = 2.5705818356363155;

/** Calls (20 s) on their own team, email (4 h) on a back office; `phones` agents on the calls. */
function twoTypes(phones: number, name = `phones ${phones}`, extra: Record<string, unknown>[] = []): Scenario {
  return parseScenario({
    name,
    intervalMinutes: 30,
    intervals: 4,
    warmupMinutes: 30,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: [90, 120, 110, 80],
        handleTime: { dist: 'exponential', mean: 240 },
        patience: { dist: 'exponential', mean: 90 },
        serviceLevel: { seconds: 20, target: 0.8 },
      },
      {
        id: 'email',
        channel: 'email',
        volume: 40,
        handleTime: { dist: 'exponential', mean: 400 },
        serviceLevel: { seconds: 14400, target: 0.9 },
      },
      ...extra,
    ],
    agentGroups: [
      { id: 'phones', skills: ['calls'], staff: phones },
      { id: 'back', skills: ['email', ...extra.map((t) => t['id'] as string)], staff: 4 },
    ],
  });
}

/** Type `t`'s measures summed over the day, replication by replication. */
function typeDays(scenario: Scenario, t: number): Float64Array[] {
  const config = buildModel(scenario);
  const days: Float64Array[] = [];
  for (let r = 0; r < N; r++) {
    const result: ReplicationResult = runReplication(config, SEED, r);
    const day = new Float64Array(TYPE_MEASURES);
    for (let i = 0; i < config.intervals; i++) {
      for (let m = 0; m < TYPE_MEASURES; m++) day[m]! += result.types[(t * config.intervals + i) * TYPE_MEASURES + m]!;
    }
    days.push(day);
  }
  return days;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

/** Paired difference of a count: mean of b - a, paired-t half-width. */
function countByHand(a: Float64Array[], b: Float64Array[], m: number): { mean: number; ci95: number } {
  const d = a.map((day, r) => b[r]![m]! - day[m]!);
  return { mean: mean(d), ci95: (T_975_5 * sd(d)) / Math.sqrt(N) };
}

/** Difference of two ratios of means, with the paired delta-method half-width. */
function ratioByHand(a: Float64Array[], b: Float64Array[], x: (d: Float64Array) => number, y: (d: Float64Array) => number): { mean: number; ci95: number } {
  const ya = mean(a.map(y));
  const yb = mean(b.map(y));
  const ra = mean(a.map(x)) / ya;
  const rb = mean(b.map(x)) / yb;
  const z = a.map((day, r) => (x(b[r]!) - rb * y(b[r]!)) / yb - (x(day) - ra * y(day)) / ya);
  return { mean: rb - ra, ci95: (T_975_5 * sd(z)) / Math.sqrt(N) };
}

function expectClose(m: Metric | undefined, byHand: { mean: number; ci95: number }): void {
  expect(m?.n).toBe(N);
  expect(m?.mean).toBeCloseTo(byHand.mean, 9);
  expect(m?.ci95).toBeCloseTo(byHand.ci95, 9);
}

const resolved = (d: Float64Array) => d[TypeMeasure.answered]! + d[TypeMeasure.abandoned]! - d[TypeMeasure.shortAbandoned]!;

describe('per-type paired deltas', () => {
  it('compare: deltas[].byType is each type’s paired difference, computed as the pooled one is', async () => {
    const base = twoTypes(8);
    const more = twoTypes(11);
    const out = await compareScenarios([base, more], pool, { replications: N, seed: SEED });
    const [, delta] = [out.deltas, out.deltas[0]!];
    expect(Object.keys(delta.byType)).toEqual(['calls', 'email']);

    const a = typeDays(base, 0);
    const b = typeDays(more, 0);
    const calls = delta.byType['calls']!;
    expectClose(calls.answered, countByHand(a, b, TypeMeasure.answered));
    expectClose(calls.abandoned, countByHand(a, b, TypeMeasure.abandoned));
    expectClose(calls.serviceLevel, ratioByHand(a, b, (d) => d[TypeMeasure.answeredInTime]!, resolved));
    expectClose(calls.asa, ratioByHand(a, b, (d) => d[TypeMeasure.waitAnswered]!, (d) => d[TypeMeasure.answered]!));
    expectClose(calls.abandonRate, ratioByHand(a, b, (d) => d[TypeMeasure.abandoned]!, (d) => d[TypeMeasure.answered]! + d[TypeMeasure.abandoned]!));

    const ea = typeDays(base, 1);
    const eb = typeDays(more, 1);
    expectClose(delta.byType['email']!.asa, ratioByHand(ea, eb, (d) => d[TypeMeasure.waitAnswered]!, (d) => d[TypeMeasure.answered]!));

    // The point of it: more phone agents cut calls' ASA by some seconds and leave email's alone
    // (a team of its own, the same customers), while the pooled ASA "falls" by minutes: more
    // short-waiting calls are answered, which dilutes the hours-long email waits.
    expect(calls.asa.mean! + calls.asa.ci95!).toBeLessThan(0);
    expect(delta.byType['email']!.asa).toEqual({ mean: 0, ci95: 0, n: N });
    expect(delta.summary.asa.mean!).toBeLessThan(10 * calls.asa.mean!);
    // The per-type means are those of the runs' own byType.
    expect(calls.serviceLevel.mean).toBeCloseTo(out.runs[1]!.byType['calls']!.serviceLevel.mean! - out.runs[0]!.byType['calls']!.serviceLevel.mean!, 12);
  });

  it('a type that only one of the two scenarios has gets no per-type delta', async () => {
    const chat = { id: 'chat', channel: 'chat', volume: 30, handleTime: { dist: 'exponential', mean: 300 }, serviceLevel: { seconds: 60, target: 0.8 } };
    const out = await compareScenarios([twoTypes(8), twoTypes(8, 'with chat', [chat])], pool, { replications: 2, seed: SEED });
    expect(Object.keys(out.deltas[0]!.byType)).toEqual(['calls', 'email']);
    expect(Object.keys(out.runs[1]!.byType)).toEqual(['calls', 'email', 'chat']);
  });

  it('sweep: points[].byType are the runs’ per-type KPIs, points[i].delta the paired change against the first point', async () => {
    const base = twoTypes(8);
    const out = await sweepScenario(base, 'agentGroups[0].staff', ['8', '11'], pool, { replications: N, seed: SEED });
    const compared = await compareScenarios([base, twoTypes(11)], pool, { replications: N, seed: SEED });
    expect(out.points[0]!.delta).toBeUndefined();
    expect(out.points[0]!.byType).toEqual(compared.runs[0]!.byType);
    expect(out.points[1]!.byType).toEqual(compared.runs[1]!.byType);
    expect(out.points[1]!.delta).toEqual({ summary: compared.deltas[0]!.summary, byType: compared.deltas[0]!.byType });
    expectClose(out.points[1]!.delta!.byType['calls']!.serviceLevel, ratioByHand(typeDays(base, 0), typeDays(twoTypes(11), 0), (d) => d[TypeMeasure.answeredInTime]!, resolved));
  });
});

describe('precision per contact type', () => {
  const retail = parseScenarioText(readFileSync(new URL('../../scenarios/retail-day.json', import.meta.url), 'utf8'));

  it('by default stops only when the type with the widest service-level interval meets the target, and names it', async () => {
    const halfWidth = 0.015;
    const run = await simulateScenario(retail, pool, { replications: 4, precision: { halfWidth, maxReplications: 80 } });
    const widths = Object.entries(run.byType).map(([type, k]) => [type, k.serviceLevel.ci95!] as const);
    const widest = widths.reduce((w, x) => (x[1] > w[1] ? x : w));
    expect(run.precision).toMatchObject({ stoppedBy: 'precision', type: widest[0], typeChosenBy: 'widest', achieved: widest[1] });
    // Every type is known to the target, not only the pooled figure (which calls and chat outweigh).
    for (const [type, half] of widths) expect(half, type).toBeLessThanOrEqual(halfWidth);
    // Stopping on the pooled half-width would have stopped a batch earlier with calls still short of it.
    const before = await simulateScenario(retail, pool, { replications: run.replications - 4 });
    expect(before.summary.serviceLevel.ci95!).toBeLessThanOrEqual(halfWidth);
    expect(before.byType['calls']!.serviceLevel.ci95!).toBeGreaterThan(halfWidth);
  });

  it('precision.type picks the type; an unknown id is refused with the valid ids', async () => {
    const run = await simulateScenario(retail, pool, { replications: 4, precision: { halfWidth: 0.03, maxReplications: 40, type: 'chat' } });
    expect(run.precision).toMatchObject({ type: 'chat', typeChosenBy: 'given', achieved: run.byType['chat']!.serviceLevel.ci95 });
    expect(run.precision!.achieved!).toBeLessThanOrEqual(0.03);
    await expect(simulateScenario(retail, pool, { precision: { halfWidth: 0.03, type: 'voice' } })).rejects.toThrow(
      'no contact type "voice" in "Retail day"; its types are calls, chat, email',
    );
  });
});
