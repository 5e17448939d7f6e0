import { describe, expect, it } from 'vitest';
import { simulateInThread } from '../../src/experiment/index.js';
import { meanLevel } from '../../src/model/index.js';
import { parseScenario, type ScenarioInput } from '../../src/scenario/index.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });

function day(p: { volume: number | number[]; handle: number; group: Record<string, unknown>; intervals?: number; warmupMinutes?: number }): ScenarioInput {
  return {
    name: 'staffed',
    intervalMinutes: 30,
    intervals: p.intervals ?? 2,
    start: '08:00',
    warmupMinutes: p.warmupMinutes ?? 0,
    contactTypes: [{ id: 'calls', channel: 'voice', volume: p.volume, handleTime: constant(p.handle), serviceLevel: sl }],
    agentGroups: [{ id: 'team', skills: ['calls'], ...p.group }],
  };
}

const run = (input: ScenarioInput, replications = 3) => simulateInThread(parseScenario(input), { replications, seed: 1 });

describe('meanLevel(plan, from, to)', () => {
  it('is the time-weighted level over the window, 0 before the plan starts', () => {
    const plan = { times: [0, 100, 250], levels: [4, 10, 2] };
    expect(meanLevel(plan, 0, 100)).toBe(4);
    expect(meanLevel(plan, 50, 150)).toBe((50 * 4 + 50 * 10) / 100);
    expect(meanLevel(plan, 200, 400)).toBe((50 * 10 + 150 * 2) / 200);
    expect(meanLevel({ times: [10], levels: [6] }, 0, 20)).toBe(3);
    expect(meanLevel(plan, 5, 5)).toBe(0);
  });
});

describe('intervals[].byGroup[id]: staffed (mean agents present) and scheduled (the plan)', () => {
  it('staff arrays: scheduled is the interval staff, staffed equals it when staff only rises (warm-up not counted)', () => {
    const out = run(day({ volume: [20, 30, 25], handle: 120, intervals: 3, warmupMinutes: 30, group: { staff: [5, 7, 9] } }));
    expect(out.intervals.map((iv) => iv.byGroup.team!.scheduled)).toEqual([5, 7, 9]);
    const staffed = out.intervals.map((iv) => iv.byGroup.team!.staffed);
    expect(staffed.map((m) => m.mean)).toEqual([5, 7, 9]);
    for (const m of staffed) {
      expect(m.n).toBe(3);
      expect(m.ci95).toBeCloseTo(0, 9);
    }
  });

  it('a staff drop with busy agents: staffed stays above scheduled while agents owed finish their contacts', () => {
    // 10 agents on 20-minute calls, constantly busy; at 08:30 staff drops to 2.
    const out = run(day({ volume: [200, 200], handle: 1200, group: { staff: [10, 2] } }));
    const second = out.intervals[1]!.byGroup.team!;
    expect(second.scheduled).toBe(2);
    expect(second.staffed.mean!).toBeGreaterThan(2.5);
    expect(second.staffed.mean!).toBeLessThan(10);
  });

  it('shifts: scheduled is the time-weighted plan (shrinkage applied, breaks inside an interval count partly)', () => {
    // 10 x (1 - 0.2) = 8 agents from 08:00 for 60 min with a 15-minute break at 08:30; 4 more from 08:15.
    const group = {
      shrinkage: 0.2,
      shifts: [
        { start: '08:00', minutes: 60, count: 10, breaks: [{ offsetMinutes: 30, minutes: 15 }] },
        { start: '08:15', minutes: 45, count: 5 },
      ],
    };
    const out = run(day({ volume: 0.0001, handle: 60, group }));
    const [first, second] = out.intervals.map((iv) => iv.byGroup.team!);
    expect(first!.scheduled).toBe(8 + 4 / 2);
    expect(second!.scheduled).toBe(8 / 2 + 4);
    // Nobody is busy, so agents leave exactly when the plan says.
    expect(first!.staffed.mean).toBeCloseTo(10, 9);
    expect(second!.staffed.mean).toBeCloseTo(8, 9);
  });

  it('the day-level byGroup keeps exactly its contract fields', () => {
    const out = run(day({ volume: 10, handle: 100, group: { staff: 3 } }), 2);
    expect(Object.keys(out.byGroup.team!).sort()).toEqual(['busyHours', 'occupancy', 'slotUtilization', 'staffedHours']);
    expect(Object.keys(out.intervals[0]!.byGroup.team!).sort()).toEqual(['busyHours', 'occupancy', 'scheduled', 'slotUtilization', 'staffed', 'staffedHours']);
  });
});
