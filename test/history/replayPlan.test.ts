import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/history/calendar.js';
import { oneDayBand, quantile } from '../../src/history/oneDayBand.js';
import { planReplay, ReplayInputError } from '../../src/history/replayPlan.js';
import { worstReplayRows, type ReplayOutput, type ReplayRow, type ReplayValue } from '../../src/history/replay.js';
import { synthesizeTables } from '../../src/history/synthesize.js';
import { cellIndex, type IntervalHistory, type StaffHistory } from '../../src/history/types.js';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';

const scenario: Scenario = parseScenario({
  name: 'plan',
  intervalMinutes: 60,
  intervals: 3,
  start: '09:00',
  contactTypes: [
    {
      id: 'calls',
      channel: 'voice',
      volume: [40, 60, 50],
      handleTime: { dist: 'exponential', mean: 200 },
      patience: { dist: 'exponential', mean: 100 },
      serviceLevel: { seconds: 20, target: 0.8 },
      retrial: { probability: 0.3, delay: { dist: 'constant', value: 60 } },
    },
  ],
  agentGroups: [{ id: 'team', skills: ['calls'], shifts: [{ start: '09:00', minutes: 180, count: 6 }], shrinkage: 0.1 }],
});
const monday = dayNumber('2026-03-02')!;
const tables = () => synthesizeTables(scenario, { fromDay: monday, days: 3, seed: 2 });

describe('quantile(sorted, n, p): type 7 (linear interpolation, as R and PERCENTILE.INC)', () => {
  it('matches R: quantile(1:10, c(.05, .5, .95)) = 1.45, 5.5, 9.55', () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantile(x, 10, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantile(x, 10, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(x, 10, 0.95)).toBeCloseTo(9.55, 12);
    expect(quantile(x, 1, 0.95)).toBe(1);
  });
  it('oneDayBand leaves undefined replications (NaN) out, and gives none when fewer than half define the value', () => {
    const scratch = new Float64Array(6);
    expect(oneDayBand([3, NaN, 1, 2, NaN, 4], scratch)).toEqual({ lo: quantile([1, 2, 3, 4], 4, 0.05), hi: quantile([1, 2, 3, 4], 4, 0.95) });
    expect(oneDayBand([3, NaN, NaN, 2, NaN, NaN], scratch)).toBeNull();
  });
});

describe('planReplay(scenario, history, staff)', () => {
  it("gives each open date a scenario of its recorded counts (exact arrivals) and staff, without the bot and follow-ups", () => {
    const { history, staff } = tables();
    const plan = planReplay(scenario, history, staff);
    expect(plan.dates.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    const first = plan.dates[0]!.scenario;
    const type = first.contactTypes[0]!;
    expect(type.arrivals).toBe('exact');
    expect(type.retrial).toBeUndefined();
    const recorded = [9, 10, 11].map((h) => history.offered[cellIndex(24, 1, 0, 0, h)]);
    expect(type.volume).toEqual(recorded);
    const group = first.agentGroups[0]!;
    expect(group.shifts).toBeUndefined();
    expect(group.shrinkage).toBeUndefined();
    expect(group.staff).toEqual([9, 10, 11].map((h) => staff.staff[cellIndex(24, 1, 0, 0, h)]));
    expect(plan.labels).toEqual(['09:00', '10:00', '11:00']);
    expect(plan.notes).toContain('contact type "calls": retrial left out (the recorded offered count already includes the contacts they bring to the queue)');
  });

  it('skips a date with no staff rows, saying so, and reports what lies outside the scenario', () => {
    const { history, staff } = tables();
    const noTuesday: StaffHistory = { ...staff, open: Uint8Array.from(staff.open, (o, d) => (d === 1 ? 0 : o)) };
    const offered = history.offered.slice();
    offered[cellIndex(24, 1, 2, 0, 14)] = 7; // 14:00 on Wednesday: after the scenario's hours
    const withExtra: IntervalHistory = { ...history, offered };
    const plan = planReplay(scenario, withExtra, noTuesday);
    expect(plan.dates.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-04']);
    expect(plan.skipped).toEqual([{ date: '2026-03-03', reason: 'no rows in the staff history' }]);
    expect(plan.notes).toContain(`contact type "calls": 7 contacts offered in 1 intervals outside the scenario's hours (09:00-12:00) are not replayed`);
  });

  it('keeps to --from/--to and counts the closed dates of the range', () => {
    const { history, staff } = tables();
    const closed: IntervalHistory = { ...history, open: Uint8Array.from([1, 0, 1]) };
    const plan = planReplay(scenario, closed, staff, { fromDay: monday + 1, toDay: monday + 2 });
    expect(plan.dates.map((d) => d.date)).toEqual(['2026-03-04']);
    expect(plan.notes).toContain('1 date of the range has no rows in the interval history (closed) and is not replayed');
  });

  it('refuses files that cannot describe the scenario, naming why', () => {
    const { history, staff } = tables();
    const fifteen = { ...history, intervalMinutes: 15, slots: 96 };
    expect(() => planReplay(scenario, fifteen, staff)).toThrow(ReplayInputError);
    expect(() => planReplay(scenario, fifteen, staff)).toThrow('the interval history has 15-minute intervals, the scenario "plan" 60-minute ones: they must match');
    expect(() => planReplay(scenario, history, { ...staff, groups: ['other'] })).toThrow('agent group "team" of the scenario has no rows in the staff history (its groups: other)');
    expect(() => planReplay(scenario, history, staff, { fromDay: monday + 10, toDay: monday + 12 })).toThrow(/^nothing to replay from 2026-03-12 to 2026-03-14/);
    expect(() => planReplay(scenario, history, staff, { fromDay: monday + 1, toDay: monday })).toThrow('the range ends (2026-03-02) before it starts (2026-03-03)');
  });
});

describe('worstReplayRows(output, limit)', () => {
  const v = (recorded: number, mean: number, lo: number, hi: number): ReplayValue => ({ recorded, mean, lo, hi, inside: recorded >= lo && recorded <= hi });
  const row = (interval: string, sl: ReplayValue, offered = 50): ReplayRow => ({
    date: '2026-03-02', interval, type: 'calls', offered, simulatedOffered: offered, counted: offered >= 20,
    serviceLevel: sl, asa: v(10, 10, 5, 15), abandonRate: v(0.05, 0.05, 0, 0.1),
  });
  it('orders the counted rows outside their band by distance from the mean in band widths', () => {
    const rows = [row('09:00', v(0.5, 0.8, 0.7, 0.9)), row('10:00', v(0.85, 0.8, 0.7, 0.9)), row('11:00', v(0.3, 0.8, 0.6, 1)), row('12:00', v(0, 0.8, 0.7, 0.9), 10)];
    const worst = worstReplayRows({ rows } as unknown as ReplayOutput, 5);
    expect(worst.map((m) => [m.row.interval, m.kpi, m.score])).toEqual([
      ['09:00', 'serviceLevel', expect.closeTo(1.5, 9)],
      ['11:00', 'serviceLevel', expect.closeTo(1.25, 9)],
    ]);
  });
});
