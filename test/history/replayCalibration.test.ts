import { describe, expect, it } from 'vitest';
import { inThreadRunner, ReplicationPool, simulateInThread } from '../../src/experiment/index.js';
import { dayNumber } from '../../src/history/calendar.js';
import { replayHistory, runReplay, type ReplayOutput } from '../../src/history/replay.js';
import { planReplay } from '../../src/history/replayPlan.js';
import { synthesizeTables } from '../../src/history/synthesize.js';
import { cellIndex } from '../../src/history/types.js';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';

/**
 * Replay against histories with a known truth (synthesizeTables): a center that runs exactly as
 * the scenario says, and one whose customers have half the patience. The center is loaded (9
 * agents for 10 Erlangs, so waits build up and patience matters), open Monday to Saturday for
 * three weeks: 18 dates x 12 intervals = 216 counted intervals (all have >= 20 offered).
 *
 * Seeds: history 1, replay 3, 100 replications per date (the default).
 */
function center(patienceMean: number): Scenario {
  return parseScenario({
    name: `center, patience ${patienceMean} s`,
    intervalMinutes: 30,
    intervals: 12,
    start: '08:00',
    warmupMinutes: 30,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: 100,
        handleTime: { dist: 'exponential', mean: 180 },
        patience: { dist: 'exponential', mean: patienceMean },
        serviceLevel: { seconds: 20, target: 0.8 },
        // Day-to-day overdispersion in the history; replay uses the recorded counts instead.
        volumeUncertainty: { cv: 0.1 },
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: 9 }],
  });
}
const model = center(120);
const monday = dayNumber('2026-03-02')!;
const synth = { fromDay: monday, days: 21, seed: 1, weekdayFactors: [1, 1, 1, 1, 1, 0.8, 0] };

async function replay(truth: Scenario): Promise<ReplayOutput> {
  const { history, staff } = synthesizeTables(truth, synth);
  const pool = new ReplicationPool(() => inThreadRunner(), 1);
  try {
    return await replayHistory(model, history, staff, pool, { seed: 3 });
  } finally {
    await pool.close();
  }
}

describe('replayHistory against a history with a known truth', () => {
  let same: ReplayOutput;
  let impatient: ReplayOutput;

  it('a history made by the same scenario: every KPI covered close to 90 %, no bias', async () => {
    same = await replay(model);
    const calls = same.byType['calls']!;
    expect(same.dates).toHaveLength(18);
    expect(calls.intervals).toBe(216);
    // Expected coverage: about 88 % for a continuous KPI (type-7 percentiles of 100 values put
    // the edges near the 6th and 95th of 101 gaps), a little more for SL and abandonment, whose
    // discrete values sit on the inclusive edges. One binomial sd over 216 intervals is 0.022,
    // so [0.80, 0.97] is about 3.5 sd wide each way; the half-patience center below falls out.
    for (const kpi of ['serviceLevel', 'asa', 'abandonRate'] as const) {
      expect(calls.counted[kpi]).toBe(216);
      expect(calls.coverage[kpi]).toBeGreaterThanOrEqual(0.8);
      expect(calls.coverage[kpi]).toBeLessThanOrEqual(0.97);
    }
    expect(Math.abs(calls.slBiasPts!)).toBeLessThan(3);
    expect(Math.abs(calls.asaBiasSeconds!)).toBeLessThan(3);
    expect(Math.abs(calls.abandonRateBiasPts!)).toBeLessThan(1);
  });

  it('a history of customers with half the patience: ASA coverage falls clearly, biases show a pessimistic model', async () => {
    impatient = await replay(center(60));
    const calls = impatient.byType['calls']!;
    const truth = same.byType['calls']!;
    // Shorter patience empties the queue: the center answered faster than the model says.
    expect(calls.coverage.asa!).toBeLessThan(0.78);
    expect(calls.coverage.asa!).toBeLessThan(truth.coverage.asa! - 0.12);
    expect(calls.asaBiasSeconds!).toBeGreaterThan(4);
    expect(calls.slBiasPts!).toBeLessThan(-4);
    expect(calls.abandonRateBiasPts!).toBeLessThan(0);
  });

  it('replays the recorded offered counts exactly (exact arrivals)', () => {
    const { history } = synthesizeTables(model, synth);
    for (const row of same.rows) {
      expect(row.simulatedOffered).toBe(row.offered);
      const d = dayNumber(row.date)! - history.firstDay;
      const slot = (Number(row.interval.slice(0, 2)) * 60 + Number(row.interval.slice(3))) / 30;
      expect(row.offered).toBe(history.offered[cellIndex(history.slots, 1, d, 0, slot)]);
    }
    expect(same.rows).toHaveLength(18 * 12);
  });

  it("the band is one day's spread, many times the confidence interval of the simulated mean", () => {
    const { history, staff } = synthesizeTables(model, synth);
    const plan = planReplay(model, history, staff);
    const ratios: number[] = [];
    for (const date of plan.dates.slice(0, 3)) {
      const run = simulateInThread(date.scenario, { replications: 100, seed: 3 });
      same.rows
        .filter((r) => r.date === date.date)
        .forEach((row, i) => {
          const ci = run.intervals[i]!.byType['calls']!.serviceLevel.ci95!;
          ratios.push((row.serviceLevel.hi! - row.serviceLevel.lo!) / (2 * ci));
        });
    }
    ratios.sort((a, b) => a - b);
    // One day's 90% band is about 3.3 sd wide; the CI of a mean of 100 about 0.39 sd: ratio ~8.
    expect(ratios[Math.floor(ratios.length / 2)]!).toBeGreaterThan(5);
  });

  it('a date gives the same rows whatever range it is replayed in', async () => {
    const { history, staff } = synthesizeTables(model, synth);
    const pool = new ReplicationPool(() => inThreadRunner(), 1);
    const day = monday + 8;
    const alone = await runReplay(planReplay(model, history, staff, { fromDay: day, toDay: day }), pool, { seed: 3 });
    await pool.close();
    expect(alone.dates).toEqual(['2026-03-10']);
    expect(alone.rows).toEqual(same.rows.filter((r) => r.date === '2026-03-10'));
  });
});
