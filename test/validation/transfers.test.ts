/**
 * Transfers in random runs: the transfer rate against its probability, and conservation
 * (arrivals + retrials + repeats + transfers = outcomes) with every other feature around it.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, runReplication, simulateInThread, TypeMeasure } from '../../src/experiment/index.js';
import { typeRow } from '../../src/experiment/kpiReaders.js';
import { parseScenario } from '../../src/scenario/index.js';
import { studentTQuantile } from '../../src/stats/index.js';
import { expectConservation } from '../support/conservation.js';

const SEED = 20261204;
const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
const sl = { seconds: 20, target: 0.8 };

describe('transfer rate', () => {
  it('B offered = B arrivals + 0.3 x A answered, inside a narrow 99.9% band', () => {
    const scenario = parseScenario({
      name: 'transfer rate',
      intervalMinutes: 60,
      intervals: 4,
      contactTypes: [
        { id: 'a', channel: 'voice', volume: 300, handleTime: exp(120), serviceLevel: sl, transfer: { probability: 0.3, to: 'b' } },
        { id: 'b', channel: 'voice', volume: 100, handleTime: exp(180), serviceLevel: sl },
      ],
      agentGroups: [
        { id: 'front', skills: ['a'], staff: 14 },
        { id: 'back', skills: ['b'], staff: 10 },
      ],
    });
    const config = buildModel(scenario);
    // Per replication, d = B offered - B arrivals - 0.3 A answered: mean 0 when each answered A
    // contact is transferred with probability 0.3 (and every transferred one joins B's queue).
    const replications = 200;
    const d: number[] = [];
    let answeredA = 0;
    for (let r = 0; r < replications; r++) {
      const result = runReplication(config, SEED, r);
      const a = typeRow(result, 0, config.intervalSeconds, config.intervals);
      const b = typeRow(result, 1, config.intervalSeconds, config.intervals);
      d.push(b[TypeMeasure.offered]! - b[TypeMeasure.arrivals]! - 0.3 * a[TypeMeasure.answered]!);
      answeredA += a[TypeMeasure.answered]!;
    }
    const mean = d.reduce((s, x) => s + x, 0) / replications;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (replications - 1));
    const half = (studentTQuantile(0.9995, replications - 1) * sd) / Math.sqrt(replications);
    // Binomial spread: sd about sqrt(0.3 x 0.7 x 1200) = 16 per day, so the band is about 4 contacts
    // against 360 transfers a day: narrow enough to see a wrong probability of 0.29 or 0.31.
    expect(half).toBeLessThan(0.01 * (answeredA / replications));
    expect(Math.abs(mean), `mean ${mean}, band ±${half}`).toBeLessThanOrEqual(half);
  });

  it('the `transfers` KPI is output only when some type transfers with probability > 0', () => {
    const scenario = (probability: number) =>
      parseScenario({
        name: 'kpi',
        intervalMinutes: 30,
        intervals: 2,
        contactTypes: [
          { id: 'a', channel: 'voice', volume: 50, handleTime: exp(120), serviceLevel: sl, transfer: { probability, to: 'b' } },
          { id: 'b', channel: 'voice', volume: 10, handleTime: exp(180), serviceLevel: sl },
        ],
        agentGroups: [{ id: 'all', skills: ['a', 'b'], staff: 6 }],
      });
    const on = simulateInThread(scenario(0.5), { replications: 4, seed: SEED });
    expect(on.summary.transfers?.mean).toBeGreaterThan(0);
    expect(on.byType['a']!.transfers?.mean).toBe(0);
    expect(on.byType['b']!.transfers?.mean).toBeGreaterThan(0);
    expect(on.intervals[0]!.byType['b']!.transfers).toBeDefined();
    const off = simulateInThread(scenario(0), { replications: 4, seed: SEED });
    expect('transfers' in off.summary).toBe(false);
  });
});

describe('conservation with transfers, conferences, bots, follow-ups and lines', () => {
  it('every contact ends in exactly one outcome of each type it becomes, in every replication', () => {
    const scenario = parseScenario({
      name: 'transfers everywhere',
      intervalMinutes: 30,
      intervals: 8,
      start: '08:00',
      warmupMinutes: 30,
      lines: 16,
      closeQueueAt: ['10:00'],
      contactTypes: [
        {
          id: 'sales', channel: 'voice', volume: [80, 120, 160, 160, 120, 100, 80, 60], handleTime: exp(180), patience: exp(90), serviceLevel: sl,
          retrial: { probability: 0.6, delay: exp(120) }, repeat: { probability: 0.1, delay: exp(600) },
          bot: { share: 0.5, containment: 0.3, dropout: 0.1, falseContainment: 0.2, duration: exp(60) },
          transfer: { probability: 0.3, to: 'care', conferenceSeconds: 20 },
        },
        {
          id: 'care', channel: 'voice', volume: 60, handleTime: exp(240), patience: exp(200), maxQueue: 4, serviceLevel: sl,
          retrial: { probability: 0.5, delay: exp(300) }, repeat: { probability: 0.2, delay: exp(900) },
          transfer: { probability: 0.2, to: 'billing', handleTime: exp(120) },
        },
        { id: 'billing', channel: 'voice', volume: 20, handleTime: exp(300), patience: exp(150), serviceLevel: sl },
        { id: 'mail', channel: 'email', volume: 20, handleTime: exp(300), serviceLevel: { seconds: 3600, target: 0.8 } },
      ],
      agentGroups: [
        { id: 'front', skills: ['sales', 'care'], staff: 8 },
        { id: 'back', skills: ['care', 'billing', 'mail'], staff: 3 },
      ],
    });
    const sum = expectConservation(scenario, 40);
    for (const m of ['transfers', 'blocked', 'disconnected', 'retrials', 'repeats', 'contained', 'abandoned'] as const) {
      expect(sum[TypeMeasure[m]], `${m} happened`).toBeGreaterThan(0);
    }
  });
});
