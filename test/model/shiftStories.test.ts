import { describe, expect, it } from 'vitest';
import { GROUP_MEASURES, GroupMeasure } from '../../src/experiment/index.js';
import type { ScenarioInput } from '../../src/scenario/index.js';
import { story } from '../support/story.js';

const sl = { seconds: 20, target: 0.8 };
const constant = (value: number) => ({ dist: 'constant' as const, value });

function shiftDay(p: { start: string; intervals: number; minutes: number; group: Record<string, unknown>; handle?: number }): ScenarioInput {
  return {
    name: 'shifts',
    intervalMinutes: p.minutes,
    intervals: p.intervals,
    start: p.start,
    contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, handleTime: constant(p.handle ?? 100), serviceLevel: sl }],
    agentGroups: [{ id: 'team', skills: ['calls'], ...p.group }],
  };
}

const staffed = (groups: Float64Array, intervals: number) =>
  Array.from({ length: intervals }, (_, i) => groups[i * GROUP_MEASURES + GroupMeasure.staffed]);

describe('shifts, breaks and shrinkage (measured staffed time)', () => {
  it('staffed agent time equals the shift plan minus breaks minus shrinkage, exactly', () => {
    // 08:00-12:00 in hours. Shift A 08:00 for 3 h, 5 agents, break 09:00-09:15; shift B 09:00 for
    // 2 h, 3 agents. Shrinkage 0.2: A keeps round(4) = 4, B round(2.4) = 2.
    const group = {
      shrinkage: 0.2,
      shifts: [
        { start: '08:00', minutes: 180, count: 5, breaks: [{ offsetMinutes: 60, minutes: 15 }] },
        { start: '09:00', minutes: 120, count: 3 },
      ],
    };
    const { result } = story(shiftDay({ start: '08:00', intervals: 4, minutes: 60, group }), {});
    expect(staffed(result.groups, 4)).toEqual([4 * 3600, 4 * 2700 + 2 * 3600, 6 * 3600, 0]);
  });

  it('shift days count from the day the scenario starts; a horizon may cross midnight', () => {
    const group = { shifts: [{ start: '00:00', day: 1, minutes: 60, count: 2 }, { start: '22:30', minutes: 30, count: 1 }] };
    const { result } = story(shiftDay({ start: '22:00', intervals: 4, minutes: 60, group }), {});
    expect(staffed(result.groups, 4)).toEqual([1800, 0, 2 * 3600, 0]);
  });

  it('an agent finishes the contact in hand before its break and before the end of its shift', () => {
    // One agent 00:00-00:05 with a break at 00:02 for 1 min, on a 10-minute horizon. A call at
    // 60 s (100 s long) runs past the break start (120 s): the agent leaves at 160 and is back at
    // 180 (the break is shortened, not postponed). The call it takes at 280 runs past the shift
    // end (300): the agent finishes it and leaves at 380.
    const group = { shifts: [{ start: '00:00', minutes: 5, count: 1, breaks: [{ offsetMinutes: 2, minutes: 1 }] }] };
    const { lines } = story(shiftDay({ start: '00:00', intervals: 10, minutes: 1, group }), { calls: [60, 170, 250] });
    expect(lines.filter((l) => !l.includes('interval'))).toEqual([
      '0 staff team =1',
      '60 arrive c0',
      '60 queue c0',
      '60 answer c0 a0 team w0',
      '160 end c0 a0',
      '160 staff team =0', // the break starts once the call ends
      '170 arrive c0',
      '170 queue c0',
      '180 answer c0 a0 team w10', // back from the break
      '180 staff team =1',
      '250 arrive c1',
      '250 queue c1',
      '280 end c0 a0',
      '280 answer c1 a0 team w30',
      '380 end c1 a0', // past the shift end (300): finishes the call, then leaves
      '380 staff team =0',
    ]);
  });
});
