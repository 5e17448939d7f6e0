import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';
import { simulateInThread } from '../../src/experiment/simulate.js';
import { dateText, dayNumber, weekday } from '../../src/history/calendar.js';
import { synthesizeHistory, synthesizeTables } from '../../src/history/synthesize.js';
import { ContactLogSummary } from '../../src/history/contactLogSummary.js';
import { fitScenario, FitError } from '../../src/history/fitScenario.js';

const monday = dayNumber('2026-03-02')!;
const WEEKDAYS = [1, 1, 1, 1, 1, 0, 0];
const voice = (id: string, volume: number[], intervals: number) => ({
  id,
  channel: 'voice',
  volume: volume.slice(0, intervals),
  handleTime: { dist: 'lognormal', mean: 240, cv: 0.8 },
  wrapUp: { dist: 'constant', value: 10 },
  patience: { dist: 'exponential', mean: 150 },
  serviceLevel: { seconds: 20, target: 0.8 },
});

/** The center that made the history: calls and sales, 09:00-13:00. */
function truth(intervalMinutes: number): Scenario {
  const intervals = 240 / intervalMinutes;
  const per = intervalMinutes / 60;
  return parseScenario({
    name: 'truth',
    intervalMinutes,
    intervals,
    start: '09:00',
    contactTypes: [voice('calls', Array.from({ length: intervals }, (_, i) => (70 + 10 * (i * per)) * per), intervals), voice('sales', Array(intervals).fill(20 * per), intervals)],
    agentGroups: [{ id: 'team', skills: ['calls', 'sales'], staff: 8 }],
  });
}

/** The planner's scenario to fit: calls and an email type the history does not have, 09:00-12:00. */
function planned(intervalMinutes = 30): Scenario {
  const intervals = 180 / intervalMinutes;
  return parseScenario({
    name: 'plan',
    intervalMinutes,
    intervals,
    start: '09:00',
    contactTypes: [
      { id: 'calls', channel: 'voice', volume: 10, handleTime: { dist: 'exponential', mean: 100 }, wrapUp: { dist: 'constant', value: 30 }, serviceLevel: { seconds: 20, target: 0.8 } },
      { id: 'email', channel: 'email', volume: 5, handleTime: { dist: 'exponential', mean: 400 }, serviceLevel: { seconds: 86_400, target: 0.9 } },
    ],
    agentGroups: [{ id: 'team', skills: ['calls', 'email'], staff: 7 }],
  });
}

const options = { fromDay: monday, days: 42, seed: 4, weekdayFactors: WEEKDAYS };

function historyOf(intervalMinutes: number, withLog: boolean) {
  const scenario = truth(intervalMinutes);
  const { history } = synthesizeTables(scenario, options);
  if (!withLog) return { history };
  const contacts = new ContactLogSummary();
  synthesizeHistory(scenario, options, { contact: (r) => contacts.add(r) });
  return { history, contacts };
}

describe('fitScenario(scenario, { history, contacts })', () => {
  const withLog = historyOf(30, true);
  const fitted = fitScenario(planned(), withLog);

  it('the written scenario parses as is (through JSON) and runs', () => {
    const text = JSON.stringify(fitted.scenario);
    const again = parseScenario(JSON.parse(text));
    const run = simulateInThread(again, { replications: 2, seed: 1 });
    expect(run.byType['calls']!.offered.mean).toBeGreaterThan(100);
  });

  it('fits the target date, the first open weekday after the history', () => {
    // 42 days from a Monday end on a Sunday; the next day is a Monday (open).
    expect(fitted.estimates.date).toBe(dateText(monday + 42));
    expect(weekday(monday + 42)).toBe(0);
  });

  it('volume from the forecast over the scenario hours; handle time and patience from the log; wrapUp not counted twice', () => {
    const calls = fitted.scenario.contactTypes.find((t) => t.id === 'calls')!;
    const volume = calls.volume as number[];
    expect(volume).toHaveLength(6);
    // The truth for 09:00-12:00 in 30-minute intervals: 35, 37.5, 40, 42.5, 45, 47.5.
    const expected = [35, 37.5, 40, 42.5, 45, 47.5];
    volume.forEach((v, i) => expect(Math.abs(v / expected[i]! - 1)).toBeLessThan(0.2));
    const report = fitted.estimates.byType['calls']!;
    // Handle = lognormal 240 + wrap-up 10 s: an AHT of 250.
    expect(report.handleTime.source).toBe('contact log');
    // Coverage of the 99 % intervals is test/history/fitRoundTrip.test.ts's business; here the
    // plumbing: the estimates reach the scenario, near the truth.
    expect(Math.abs(report.handleTime.aht!.value / 250 - 1)).toBeLessThan(0.05);
    expect(calls.wrapUp).toBeUndefined();
    expect(fitted.notes.join('\n')).toMatch(/calls: wrapUp removed/);
    expect(report.patience.source).toBe('contact log');
    expect(Math.abs(report.patience.mean!.value / 150 - 1)).toBeLessThan(0.12);
    expect(report.patience.mean!.se).toBeGreaterThan(0);
    expect(calls.patience).toEqual(report.patience.family === 'exponential' ? { dist: 'exponential', mean: report.patience.mean!.value } : expect.objectContaining({ dist: report.patience.family }));
    expect(report.volumeUncertainty.cv).toBeDefined();
    expect(calls.volumeUncertainty?.cv).toBe(report.volumeUncertainty.cv!.value);
  });

  it('types on one side only are reported, not dropped; the other fields are kept', () => {
    const notes = fitted.notes.join('\n');
    expect(notes).toMatch(/history type "sales" \(\d+\.\d % of the history's volume\) is not in the scenario/);
    expect(notes).toMatch(/contact log type "sales" is not in the scenario/);
    expect(notes).toMatch(/scenario type "email" is not in the history: kept as it is/);
    const email = fitted.scenario.contactTypes.find((t) => t.id === 'email')!;
    expect(email).toEqual(planned().contactTypes[1]);
    expect(fitted.scenario.agentGroups).toEqual(planned().agentGroups);
    // 12:00-13:00 of the history is outside the scenario's hours: its share is said.
    expect(notes).toMatch(/calls: \d+\.\d % of the history's volume arrived outside the scenario's hours/);
  });

  it('without a log: exponential handle times with the per-interval AHT means, Erlang-A patience, and it runs', () => {
    const out = fitScenario(planned(), historyOf(30, false));
    const calls = out.scenario.contactTypes.find((t) => t.id === 'calls')!;
    expect(Array.isArray(calls.handleTime)).toBe(true);
    for (const d of calls.handleTime as { dist: string; mean: number }[]) {
      expect(d.dist).toBe('exponential');
      expect(Math.abs(d.mean / 250 - 1)).toBeLessThan(0.15);
    }
    expect(out.estimates.byType['calls']!.patience.source).toBe('interval history');
    expect(out.notes.join('\n')).toMatch(/biased low/);
    simulateInThread(parseScenario(JSON.parse(JSON.stringify(out.scenario))), { replications: 1, seed: 1 });
  });

  it('a 15-minute history fills a 30-minute scenario by adding intervals up; 45 minutes is refused', () => {
    const quarter = historyOf(15, false);
    const into30 = fitScenario(planned(30), quarter);
    const into15 = fitScenario(planned(15), quarter);
    const v30 = into30.scenario.contactTypes[0]!.volume as number[];
    const v15 = into15.scenario.contactTypes[0]!.volume as number[];
    v30.forEach((v, i) => expect(v).toBeCloseTo(v15[2 * i]! + v15[2 * i + 1]!, 9));
    expect(() => fitScenario(planned(45), withLog)).toThrow(FitError);
    expect(() => fitScenario(planned(45), withLog)).toThrow(/30-minute intervals and the scenario 45-minute ones: 45 is not a multiple of 30/);
  });

  it('a date inside the history is refused, naming the date', () => {
    expect(() => fitScenario(planned(), { ...withLog, day: monday + 3 })).toThrow(/is not after the history/);
  });

  it('AHT per interval is kept as an array when it varies beyond noise, one distribution when it does not', () => {
    // The truth has one handle time all day: one distribution, the log's mean.
    const flat = fitted.scenario.contactTypes.find((t) => t.id === 'calls')!;
    expect(Array.isArray(flat.handleTime)).toBe(false);
    expect(fitted.estimates.byType['calls']!.handleTime.perInterval).toBe(false);
    // A center whose calls take 150 s in the morning and 350 s from 10:30.
    const base = truth(30);
    const varying: Scenario = {
      ...base,
      contactTypes: base.contactTypes.map((t) => ({
        ...t,
        handleTime: Array.from({ length: base.intervals }, (_, i) => ({ dist: 'lognormal' as const, mean: i < 3 ? 150 : 350, cv: 0.8 })),
      })),
    };
    const { history } = synthesizeTables(varying, options);
    const contacts = new ContactLogSummary();
    synthesizeHistory(varying, options, { contact: (r) => contacts.add(r) });
    const out = fitScenario(planned(), { history, contacts });
    const calls = out.scenario.contactTypes.find((t) => t.id === 'calls')!;
    expect(out.estimates.byType['calls']!.handleTime.perInterval).toBe(true);
    const means = (calls.handleTime as { dist: string; mean: number; cv: number }[]).map((d) => d.mean);
    expect(means).toHaveLength(6);
    // Wrap-up of 10 s included: about 160 s to 10:30, 360 s after.
    means.forEach((m, i) => expect(Math.abs(m / (i < 3 ? 160 : 360) - 1)).toBeLessThan(0.15));
  });
});
