/**
 * `scheduleScenario` with break windows finer than the interval and the scheduling rules
 * (template groups, min/max, partTime share, opening hours, cyclic), end to end: from scenario
 * JSON to the schedule, and from the schedule back to a scenario whose simulated staff plan keeps
 * the optimizer's break placements.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/experiment/index.js';
import { scheduledScenario, scheduleProblems, scheduleScenario, ScheduleInputError } from '../../src/optimize/scheduleScenario.js';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';

const calls = { id: 'calls', channel: 'voice', volume: 20, handleTime: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 } };

/** 30-minute intervals from 08:00 for `intervals`, groups and templates as given. */
function scenario(over: Record<string, unknown>): Scenario {
  return parseScenario({
    name: 'rules',
    intervalMinutes: 30,
    intervals: 16,
    start: '08:00',
    contactTypes: [calls],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: 4, costPerHour: 20 }],
    ...over,
  });
}

/** Agents the simulator has at work at each minute of [from, to) of the horizon (no warm-up). */
function levels(s: Scenario, group: number, from: number, to: number): number[] {
  const plan = buildModel(s).groups[group]!.staffPlan;
  return Array.from({ length: to - from }, (_, m) => plan.levels[plan.times.findLastIndex((t) => t <= (from + m) * 60)] ?? 0);
}

describe('scheduleScenario with 15-minute break windows in 30-minute intervals', () => {
  const windows = {
    shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480, breaks: [{ earliestOffsetMinutes: 90, latestOffsetMinutes: 180, minutes: 15 }] }],
  };

  it('places the breaks apart: 4 agents at work in every quarter hour with 5 hired (a fixed break leaves a quarter hour empty)', async () => {
    const s = scenario(windows);
    expect(scheduleProblems(s).horizon.slotMinutes).toBe(15);
    const out = (await scheduleScenario(s)).byGroup['team']!;
    expect(out.shifts.map((h) => [h.template, h.count])).toEqual([['day', 5]]);
    expect(out.coverage.every((c, i) => c >= (out.required[i] ?? 0))).toBe(true);
    expect(out.shortfall.every((x) => x === 0)).toBe(true);
    const groups = out.shifts[0]?.breakGroups ?? [];
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(5);
    for (const g of groups) {
      expect(g.breaks).toHaveLength(1);
      expect(g.breaks[0]?.minutes).toBe(15);
      expect(g.breaks[0]?.offsetMinutes).toBeGreaterThanOrEqual(90);
      expect(g.breaks[0]?.offsetMinutes).toBeLessThanOrEqual(180);
      expect((g.breaks[0]?.offsetMinutes ?? 0) % 15).toBe(0);
    }
    // The simulated plan keeps those placements: at every minute of the day, at least 4 at work.
    const simulated = parseScenario(scheduledScenario(s, { horizon: scheduleProblems(s).horizon, byGroup: { team: out } }));
    expect(Math.min(...levels(simulated, 0, 0, 480))).toBeGreaterThanOrEqual(4);
    // A fixed break (all at once) empties 09:30-09:45 whatever the count: half of interval 3 short.
    const fixed = (await scheduleScenario(scenario({
      shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480, breaks: [{ offsetMinutes: 90, minutes: 15 }] }],
    }))).byGroup['team']!;
    expect(fixed.shifts.reduce((a, h) => a + h.count, 0)).toBe(4);
    expect(fixed.coverage[3]).toBe(2);
    expect(fixed.shortfall[3]).toBe(2);
  });

  it('with shrinkage, present agents are split over the break groups as the simulator does', async () => {
    const s = scenario({ ...windows, agentGroups: [{ id: 'team', skills: ['calls'], staff: 4, shrinkage: 0.3, costPerHour: 20 }] });
    const out = (await scheduleScenario(s)).byGroup['team']!;
    const simulated = parseScenario(scheduledScenario(s, { horizon: scheduleProblems(s).horizon, byGroup: { team: out } }));
    const perMinute = levels(simulated, 0, 0, 480);
    out.present.forEach((p, i) => {
      const minutes = perMinute.slice(i * 30, i * 30 + 30);
      expect(p).toBeCloseTo(minutes.reduce((a, b) => a + b, 0) / 30, 9);
    });
  });
});

describe('scheduleScenario rules', () => {
  it('groups: a template only for its groups; each group is covered by its own', async () => {
    const s = scenario({
      agentGroups: [
        { id: 'a', skills: ['calls'], staff: 2, costPerHour: 20 },
        { id: 'b', skills: ['calls'], staff: 1, costPerHour: 20 },
      ],
      shiftTemplates: [
        { id: 'cheap', start: '08:00', minutes: 480, cost: 10, groups: ['a'] },
        { id: 'dear', start: '08:00', minutes: 480, cost: 50 },
      ],
    });
    const out = await scheduleScenario(s);
    expect(out.byGroup['a']?.shifts).toEqual([{ template: 'cheap', day: 0, count: 2 }]);
    expect(out.byGroup['b']?.shifts).toEqual([{ template: 'dear', day: 0, count: 1 }]);
  });

  it('an unknown group in a template, or max below min, is a path-named scenario error', () => {
    expect(() => scenario({ shiftTemplates: [{ id: 'x', start: '08:00', minutes: 480, groups: ['nobody'] }] }))
      .toThrow(/shiftTemplates\[0\]\.groups\[0\]: no agent group "nobody" in the scenario/);
    expect(() => scenario({ shiftTemplates: [{ id: 'x', start: '08:00', minutes: 480, min: 3, max: 2 }] }))
      .toThrow(/shiftTemplates\[0\]\.max: is 2, below min 3/);
  });

  it('max caps a template per day; min forces hires; maxPartTimeShare caps part-time paid time', async () => {
    const templates = [
      { id: 'pt', start: '08:00', minutes: 240, cost: 30, partTime: true },
      { id: 'pt2', start: '12:00', minutes: 240, cost: 30, partTime: true },
      { id: 'ft', start: '08:00', minutes: 480, cost: 100 },
    ];
    const free = (await scheduleScenario(scenario({ shiftTemplates: templates }))).byGroup['team']!;
    expect(free.shifts.map((h) => [h.template, h.count])).toEqual([['pt', 4], ['pt2', 4]]);
    const capped = (await scheduleScenario(scenario({ shiftTemplates: [{ ...templates[0], max: 1 }, templates[1], templates[2]] }))).byGroup['team']!;
    expect(capped.shifts.map((h) => [h.template, h.count])).toEqual([['pt', 1], ['pt2', 1], ['ft', 3]]);
    const share = (await scheduleScenario(scenario({ shiftTemplates: templates, scheduling: { maxPartTimeShare: 0.25 } }))).byGroup['team']!;
    // 4 agents all day: part-time pairs (8 h) at most 25% of paid hours: 1 pair (8 h of 32).
    expect(share.shifts.map((h) => [h.template, h.count])).toEqual([['pt', 1], ['pt2', 1], ['ft', 3]]);
    const forced = (await scheduleScenario(scenario({ shiftTemplates: [templates[0], templates[1], { ...templates[2], min: 4 }] }))).byGroup['team']!;
    expect(forced.shifts.map((h) => [h.template, h.count])).toEqual([['ft', 4]]);
  });

  it('contradicting rules name the group and the rules', async () => {
    const s = scenario({
      shiftTemplates: [{ id: 'pt', start: '08:00', minutes: 480, cost: 30, partTime: true, min: 1 }],
      scheduling: { maxPartTimeShare: 0 },
    });
    await expect(scheduleScenario(s)).rejects.toThrow(ScheduleInputError);
    await expect(scheduleScenario(s)).rejects.toThrow(/^agentGroups\[0\] \(team\): templates: the rules cannot all hold/);
  });

  it('openingHours: no shift outside them; what only such shifts could cover is shortfall', async () => {
    const s = scenario({
      shiftTemplates: [{ id: 'early', start: '07:00', minutes: 480 }, { id: 'day', start: '08:00', minutes: 480 }],
      scheduling: { openingHours: ['08:00', '20:00'] },
    });
    const out = (await scheduleScenario(s)).byGroup['team']!;
    expect(out.shifts.map((h) => h.template)).toEqual(['day']);
    const closedAfterFour = scenario({
      shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480 }, { id: 'short', start: '08:00', minutes: 240 }],
      scheduling: { openingHours: ['08:00', '12:00'] },
    });
    const short = (await scheduleScenario(closedAfterFour)).byGroup['team']!;
    expect(short.shifts.map((h) => h.template)).toEqual(['short']);
    expect(short.shortfall.slice(8)).toEqual(new Array<number>(8).fill(4));
  });

  it('openingHours per weekday: null closes a day', async () => {
    const s = scenario({
      intervals: 144,
      shiftTemplates: [{ id: 'day', start: '08:00', minutes: 480 }],
      scheduling: { openingHours: [['08:00', '16:00'], null, ['08:00', '16:00'], null, null, null, null] },
    });
    const out = (await scheduleScenario(s)).byGroup['team']!;
    expect(out.shifts.map((h) => h.day)).toEqual([0, 2]);
  });

  it('cyclic: the last day\'s night shift covers the first morning', async () => {
    const twoDays = (scheduling?: Record<string, unknown>) => scenario({
      intervals: 96,
      start: '00:00',
      agentGroups: [{ id: 'team', skills: ['calls'], staff: [...new Array<number>(8).fill(2), ...new Array<number>(80).fill(0), ...new Array<number>(8).fill(2)], costPerHour: 20 }],
      shiftTemplates: [{ id: 'night', start: '20:00', minutes: 480 }, { id: 'dawn', start: '00:00', minutes: 240 }],
      ...(scheduling === undefined ? {} : { scheduling }),
    });
    const flat = (await scheduleScenario(twoDays())).byGroup['team']!;
    expect(flat.shifts.map((h) => [h.template, h.day, h.count])).toEqual([['dawn', 0, 2], ['night', 1, 2]]);
    const cyclic = (await scheduleScenario(twoDays({ cyclic: true }))).byGroup['team']!;
    expect(cyclic.shifts.map((h) => [h.template, h.day, h.count])).toEqual([['night', 1, 2]]);
    expect(cyclic.coverage.slice(0, 8)).toEqual(new Array<number>(8).fill(2));
  });
});
