import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';
import { dayNumber } from '../../src/history/calendar.js';
import { synthesizeTables } from '../../src/history/synthesize.js';
import { reforecast, reforecastScenario, ReforecastError, DEFAULT_PRIOR_CV } from '../../src/intraday/reforecast.js';

const plan = (volume: number, cv?: number): Scenario =>
  parseScenario({
    name: 'plan',
    intervalMinutes: 30,
    intervals: 8,
    start: '08:00',
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume,
        handleTime: { dist: 'exponential', mean: 180 },
        serviceLevel: { seconds: 20, target: 0.8 },
        ...(cv === undefined ? {} : { volumeUncertainty: { cv } }),
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: 40 }],
  });
const today = dayNumber('2026-12-03')!;
/** Today's actuals: a day of `truth` simulated, as an ACD would have recorded it. */
const actualsOf = (truth: Scenario, seed = 5) => synthesizeTables(truth, { fromDay: today, days: 1, seed }).history;

describe('reforecast from today\'s actuals (Poisson-gamma update)', () => {
  it('is the posterior mean (a + O) / (a + E), a = 1/cv^2, over the intervals before now', () => {
    const actuals = actualsOf(plan(100));
    const out = reforecast(plan(100, 0.2), actuals, 4);
    const r = out.byType['calls']!;
    // Offered in the four intervals before now, counted from the table directly.
    let offered = 0;
    for (let s = 16; s < 20; s++) offered += actuals.offered[s]!;
    expect(r.offered).toBe(offered);
    expect(r.expected).toBe(400);
    expect(r.factor).toBeCloseTo((25 + offered) / (25 + 400), 12);
    expect(r.weight).toBeCloseTo(400 / 425, 12);
    expect(r.priorFrom).toBe('volumeUncertainty');
    // The intervals from now on (recorded too) are left out, and said.
    expect(out.notes.join('\n')).toMatch(/calls: \d+ contacts in actuals rows from --now on/);
  });

  it('a busy morning (30% over forecast, 1,800 contacts) moves the factor to about 1.3; a quiet one with few contacts barely moves it', () => {
    const busy = reforecast(plan(400), actualsOf(plan(520)), 4).byType['calls']!;
    // 1,600 expected: the Poisson noise of O is 2.5% and the prior weighs 44 against 1,600.
    expect(busy.factor).toBeGreaterThan(1.22);
    expect(busy.factor).toBeLessThan(1.36);
    // 2 contacts expected an interval, twice as many arrived: shrunk most of the way to 1.
    const few = reforecast(plan(2), actualsOf(plan(4), 11), 2).byType['calls']!;
    expect(few.expected).toBe(4);
    expect(few.factor).toBeCloseTo((1 / DEFAULT_PRIOR_CV ** 2 + few.offered) / (1 / DEFAULT_PRIOR_CV ** 2 + 4), 12);
    expect(Math.abs(few.factor - 1)).toBeLessThan(0.2);
  });

  it('reforecastScenario scales only the intervals from now on; cv 0 keeps the forecast', () => {
    const scenario = plan(100, 0.2);
    const out = reforecast(scenario, actualsOf(plan(150)), 4);
    const f = out.byType['calls']!.factor;
    const next = reforecastScenario(scenario, out, 4);
    expect(next.contactTypes[0]!.volume).toEqual([100, 100, 100, 100, 100 * f, 100 * f, 100 * f, 100 * f]);
    const certain = reforecast(plan(100, 0), actualsOf(plan(150)), 4);
    expect(certain.byType['calls']!.factor).toBe(1);
    expect(certain.notes.join('\n')).toMatch(/cv is 0/);
  });

  it('refuses actuals of several dates or an interval length that does not add up', () => {
    const twoDays = synthesizeTables(plan(50), { fromDay: today, days: 2, seed: 1 }).history;
    expect(() => reforecast(plan(50), twoDays, 2)).toThrow(ReforecastError);
    expect(() => reforecast(plan(50), twoDays, 2)).toThrow(/one date \(today\), found 2 dates \(2026-12-03 to 2026-12-04\)/);
    const hourly = parseScenario({ ...plan(50), intervalMinutes: 45, intervals: 4 });
    expect(() => reforecast(hourly, actualsOf(plan(50)), 2)).toThrow(/30-minute intervals, which do not add up into the scenario's 45-minute/);
  });
});
