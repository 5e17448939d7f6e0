/**
 * Break windows with `stagger`, and `breakGroups`: the staff plan a shift becomes, and the staffed
 * time a run measures.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, simulateInThread } from '../../src/experiment/index.js';
import { meanLevel, type StaffPlan } from '../../src/model/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';

const constant = (value: number) => ({ dist: 'constant' as const, value });

/** 08:00-12:00 in hours, one voice type, one group `team` with the given fields (no warm-up). */
function day(group: Record<string, unknown>, volume = 10): ScenarioInput {
  return {
    name: 'breaks',
    intervalMinutes: 60,
    intervals: 4,
    start: '08:00',
    contactTypes: [{ id: 'calls', channel: 'voice', volume, handleTime: constant(60), serviceLevel: { seconds: 20, target: 0.8 } }],
    agentGroups: [{ id: 'team', skills: ['calls'], ...group }],
  };
}

const planOf = (group: Record<string, unknown>): StaffPlan => buildModel(parseScenario(day(group))).groups[0]!.staffPlan;
const minute = (m: number) => m * 60;
/** The plan's level at minute m (simulation clock: no warm-up, so minute 0 is 08:00). */
const levelAt = (plan: StaffPlan, m: number) => plan.levels[plan.times.findLastIndex((t) => t <= minute(m))]!;
/** Agent-minutes the plan leaves out of [from, to) minutes, against `full` agents. */
const away = (plan: StaffPlan, full: number, from: number, to: number) => (full - meanLevel(plan, minute(from), minute(to))) * (to - from);

const windowShift = (stagger?: string) => ({
  shifts: [{ start: '08:00', minutes: 240, count: 4, ...(stagger === undefined ? {} : { stagger }), breaks: [{ earliestOffsetMinutes: 60, latestOffsetMinutes: 105, minutes: 15 }] }],
});

describe('break windows: the staff plan', () => {
  it('"even" (the default): agent k of P = 4 leaves at 60 + round(45 x k / 3) minutes = 60, 75, 90, 105, back 15 minutes later', () => {
    const plan = planOf(windowShift('even'));
    expect(planOf(windowShift())).toEqual(plan);
    const starts = [0, 1, 2, 3].map((k) => 60 + Math.round((45 * k) / 3));
    expect(starts).toEqual([60, 75, 90, 105]);
    // Each agent leaves as the previous one returns: one agent away from 60 to 120, never more.
    expect(plan).toEqual({ times: [0, 60, 120].map(minute), levels: [4, 3, 4] });
    for (let m = 0; m < 240; m++) expect(levelAt(plan, m)).toBeGreaterThanOrEqual(3);
    // Break minutes: 4 agents x 15, all inside [60, 120).
    expect(away(plan, 4, 0, 240)).toBeCloseTo(4 * 15, 9);
    expect(away(plan, 4, 60, 120)).toBeCloseTo(4 * 15, 9);
  });

  it('"even" with one agent present: the middle of the window', () => {
    const plan = planOf({ shifts: [{ start: '08:00', minutes: 240, count: 1, breaks: [{ earliestOffsetMinutes: 60, latestOffsetMinutes: 105, minutes: 15 }] }] });
    expect(plan).toEqual({ times: [0, 83, 98].map(minute), levels: [1, 0, 1] }); // 60 + round(22.5) = 83
  });

  it('"earliest" and "latest": the whole shift leaves at once (0 agents), at a or at b', () => {
    expect(planOf(windowShift('earliest'))).toEqual({ times: [0, 60, 75].map(minute), levels: [4, 0, 4] });
    expect(planOf(windowShift('latest'))).toEqual({ times: [0, 105, 120].map(minute), levels: [4, 0, 4] });
  });

  it('two windows: agent k keeps its k (no agent\'s breaks overlap); fixed breaks are taken by everyone; shrinkage sets P', () => {
    // round(5 x 0.8) = 4 present. Windows [30, 60] and [120, 150] of 10 minutes: agent k at
    // 30 + 10k = 30, 40, 50, 60 and 120, 130, 140, 150 (one agent away at a time);
    // everyone at the fixed break 200-210.
    const plan = planOf({
      shrinkage: 0.2,
      shifts: [{ start: '08:00', minutes: 240, count: 5, breaks: [{ earliestOffsetMinutes: 30, latestOffsetMinutes: 60, minutes: 10 }, { offsetMinutes: 200, minutes: 10 }, { earliestOffsetMinutes: 120, latestOffsetMinutes: 150, minutes: 10 }] }],
    });
    expect(plan).toEqual({
      times: [0, 30, 70, 120, 160, 200, 210].map(minute),
      levels: [4, 3, 4, 3, 4, 0, 4],
    });
  });

  it('fixed breaks only: the stagger changes nothing (the plan of old)', () => {
    const shift = { start: '08:00', minutes: 240, count: 4, breaks: [{ offsetMinutes: 60, minutes: 15 }] };
    const old = { times: [0, 60, 75].map(minute), levels: [4, 0, 4] };
    expect(planOf({ shifts: [shift] })).toEqual(old);
    expect(planOf({ shifts: [{ ...shift, stagger: 'even' }] })).toEqual(old);
  });
});

describe('break groups: the staff plan', () => {
  const groups = [
    { count: 3, breaks: [{ offsetMinutes: 60, minutes: 15 }] },
    { count: 2, breaks: [{ offsetMinutes: 90, minutes: 15 }] },
    { count: 2, breaks: [{ offsetMinutes: 120, minutes: 15 }, { offsetMinutes: 180, minutes: 30 }] },
  ];
  const shifts = [{ start: '08:00', minutes: 240, count: 7, breakGroups: groups }];

  it('shrinkage 0: each group is away exactly with its own count', () => {
    expect(planOf({ shifts })).toEqual({
      times: [0, 60, 75, 90, 105, 120, 135, 180, 210].map(minute),
      levels: [7, 4, 7, 5, 7, 5, 7, 5, 7],
    });
  });

  it('shrinkage 0.3: round(7 x 0.7) = 5 present, split [2, 2, 1] by largest remainder (15/7, 10/7, 10/7: the tie goes to the earlier group)', () => {
    expect(Math.round(7 * 0.7)).toBe(5);
    expect(planOf({ shrinkage: 0.3, shifts })).toEqual({
      times: [0, 60, 75, 90, 105, 120, 135, 180, 210].map(minute),
      levels: [5, 3, 5, 3, 5, 4, 5, 4, 5],
    });
  });
});

describe('staggered breaks in a run: staffed hours', () => {
  it('equal the agent-hours of the plan exactly, per interval and for the day (nobody busy)', () => {
    // 4 agents 08:00-12:00, a 20-minute window [90, 150], "even": starts 90, 110, 130, 150
    // (90 + 20k), so one agent is away from 90 to 170: 30 agent-minutes in 09:00-10:00, 50 in 10:00-11:00.
    const group = { shifts: [{ start: '08:00', minutes: 240, count: 4, breaks: [{ earliestOffsetMinutes: 90, latestOffsetMinutes: 150, minutes: 20 }] }] };
    const out = simulateInThread(parseScenario(day(group, 0.0001)), { replications: 2, seed: 1 });
    const staffed = out.intervals.map((iv) => iv.byGroup.team!.staffed.mean!);
    const expected = [4, 4 - 30 / 60, 4 - 50 / 60, 4];
    staffed.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 9));
    expect(out.intervals.map((iv) => iv.byGroup.team!.scheduled)).toEqual(expected.map((x) => expect.closeTo(x, 9)));
    expect(out.byGroup.team!.staffedHours.mean!).toBeCloseTo(4 * 4 - (4 * 20) / 60, 9);
    // All at once ("earliest", 90-110) takes the same agent-hours, but all of it out of 09:00-10:00.
    const early = simulateInThread(parseScenario(day({ shifts: [{ ...group.shifts[0]!, stagger: 'earliest' }] }, 0.0001)), { replications: 2, seed: 1 });
    expect(early.intervals.map((iv) => iv.byGroup.team!.staffed.mean!)).toEqual([4, 4 - 80 / 60, 4, 4].map((x) => expect.closeTo(x, 9)));
    expect(early.byGroup.team!.staffedHours.mean!).toBeCloseTo(4 * 4 - (4 * 20) / 60, 9);
  });
});
