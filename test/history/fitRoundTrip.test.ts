import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';
import { makeDistribution } from '../../src/random/index.js';
import { dayNumber } from '../../src/history/calendar.js';
import { synthesizeHistory, synthesizeTables } from '../../src/history/synthesize.js';
import { ContactLogSummary } from '../../src/history/contactLogSummary.js';
import { fitPatience } from '../../src/history/patienceFit.js';
import { fitHandleTime } from '../../src/history/handleTimeFit.js';
import { erlangABiasFactor, erlangAPatience } from '../../src/history/erlangAPatience.js';
import { WaitHistogram } from '../../src/history/waitHistogram.js';

/**
 * Round trip with known truth: weeks of history simulated by ccsim from a scenario whose patience
 * and handle time we chose, then fitted from the contact log alone.
 */
function center(patience: Record<string, unknown>): Scenario {
  return parseScenario({
    name: 'truth',
    intervalMinutes: 60,
    intervals: 8,
    start: '09:00',
    warmupMinutes: 30,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: [60, 90, 100, 90, 80, 90, 80, 60],
        handleTime: { dist: 'lognormal', mean: 240, cv: 0.8 },
        patience,
        serviceLevel: { seconds: 20, target: 0.8 },
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: [5, 6, 6, 6, 5, 6, 5, 4] }],
  });
}
const monday = dayNumber('2026-03-02')!;
const WEEKDAYS = [1, 1, 1, 1, 1, 0, 0];

function logOf(scenario: Scenario, seed: number, days: number): ContactLogSummary {
  const log = new ContactLogSummary();
  synthesizeHistory(scenario, { fromDay: monday, days, seed, weekdayFactors: WEEKDAYS }, { contact: (r) => log.add(r) });
  return log;
}

describe('fit round trip: synthesizeHistory from a known scenario, then fit the contact log', () => {
  it('Weibull patience (shape 1.4, scale 150) and lognormal AHT 240: the truth inside the 99 % intervals in >= 9 of 10 seeds', () => {
    const patience = { dist: 'weibull', shape: 1.4, scale: 150 };
    const truthMean = makeDistribution(patience as never).mean;
    const scenario = center(patience);
    let patienceHits = 0;
    let ahtHits = 0;
    let weibullChosen = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const log = logOf(scenario, seed, 21);
      const p = fitPatience(log.waits[0]!);
      const h = fitHandleTime(log.handleTimes[0]!);
      // Enough data to mean something: thousands answered, hundreds abandoned.
      expect(p.censored).toBeGreaterThan(5_000);
      expect(p.observed).toBeGreaterThan(300);
      if (p.chosen!.family === "weibull") weibullChosen++;
      if (p.chosen!.mean.lo < truthMean && truthMean < p.chosen!.mean.hi) patienceHits++;
      if (h.aht.lo < 240 && 240 < h.aht.hi) ahtHits++;
      expect(h.chosen!.family).toBe('lognormal');
      expect(p.chosen!.mean.hi - p.chosen!.mean.lo).toBeLessThan(0.4 * truthMean);
    }
    expect(patienceHits).toBeGreaterThanOrEqual(9);
    expect(ahtHits).toBeGreaterThanOrEqual(9);
    expect(weibullChosen).toBeGreaterThanOrEqual(8);
  });

  it('censoring is what makes it right: the same log without the answered (censored) waits gives a patience far too short', () => {
    const patience = { dist: 'exponential', mean: 150 };
    const scenario = center(patience);
    const all = new WaitHistogram();
    const abandonedOnly = new WaitHistogram();
    synthesizeHistory(scenario, { fromDay: monday, days: 21, seed: 5, weekdayFactors: WEEKDAYS }, {
      contact(r) {
        if (r.outcome === 'abandoned') {
          all.add(r.ended - r.arrival, true);
          abandonedOnly.add(r.ended - r.arrival, true);
        } else all.add(r.answered - r.arrival, false);
      },
    });
    const fair = fitPatience(all).chosen!;
    const naive = fitPatience(abandonedOnly).chosen!;
    expect(fair.mean.lo).toBeLessThan(150);
    expect(fair.mean.hi).toBeGreaterThan(150);
    // Without the censored waits only the impatient are seen: several times too short, and
    // its own 99 % interval far below the truth.
    expect(naive.mean.value).toBeLessThan(150 / 2);
    expect(naive.mean.hi).toBeLessThan(0.6 * 150);
  });

  it('from the interval history alone (Erlang-A), the estimate is the truth times its stated bias factor, within 3 SE', () => {
    const scenario = center({ dist: 'exponential', mean: 150 });
    const options = { fromDay: monday, days: 28, seed: 11, weekdayFactors: WEEKDAYS };
    const { history } = synthesizeTables(scenario, options);
    const fit = erlangAPatience(history, 0);
    const mean = fit.mean!;
    // The bias factor (A + B) / (A + r B) with r = the abandoned's true mean wait / ASA, read
    // from the contact log of the same days (what the interval history does not tell).
    let abandonedWait = 0;
    let abandoned = 0;
    synthesizeHistory(scenario, options, {
      contact(r) {
        if (r.outcome === 'abandoned') {
          abandonedWait += r.ended - r.arrival;
          abandoned++;
        }
      },
    });
    expect(abandoned).toBe(fit.abandoned);
    const r = abandonedWait / abandoned / (fit.answeredWait / fit.answered);
    expect(r).toBeGreaterThan(1); // the abandoned waited longer than the answered, as stated
    const factor = erlangABiasFactor(fit.answered, fit.abandoned, r);
    expect(factor).toBeLessThan(1);
    expect(Math.abs(mean.value - 150 * factor)).toBeLessThan(3 * mean.se);
    // Low, as the notes say, and the notes give the size of the bias.
    expect(mean.value).toBeLessThan(150);
    expect(fit.notes.join()).toMatch(/biased low/);
  });
});
