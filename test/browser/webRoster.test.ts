/** The page's reading of a roster (no browser): who may be rostered, shifts on the time line, the summary. */
import { describe, expect, test } from 'vitest';
import type { ScenarioRoster } from '../../src/optimize/rosterScenario.js';
import { canRoster, rosterSummary, shiftBars, shortfallOf } from '../../web/src/model/roster.js';

const horizon = { intervals: 96, intervalMinutes: 30, start: '06:00', intervalsPerDay: 48, days: 2, slotMinutes: 30 };
const group = { cost: 10, wishCost: 0, solveMs: 5, mipGap: 0, status: 'optimal' as const, agents: 2, objective: 10 };
const roster: ScenarioRoster = {
  horizon,
  shifts: [
    { agent: 'a', day: 0, start: '06:00', end: '14:00', breaks: [['10:00', '10:30']], template: 'early', minutes: 480 },
    // Starts before midnight of day 1 (clock 22:00, 16 h after 06:00), ends on the next clock day.
    { agent: 'b', day: 1, start: '22:00', end: '06:00', breaks: [['23:30', '00:15']], template: 'night', minutes: 480 },
    { agent: 'b', day: 0, start: '05:00', end: '07:00', breaks: [], template: 'dawn', minutes: 120 },
  ],
  cost: 10,
  byGroup: { g: { ...group, required: [2, 1, 0], coverage: [1, 1, 0], shortfall: [1, 0, 0.5] } },
  unassigned: [],
  agents: [
    { agent: 'a', group: 'g', minutesPerWeek: [480], daysOff: [1] },
    { agent: 'b', group: 'g', minutesPerWeek: [600], daysOff: [0] },
    { agent: 'c', group: 'g', minutesPerWeek: [0], daysOff: [2] },
  ],
};

describe('the page’s roster model', () => {
  test('Roster is offered only for scenarios with agents and shift templates', () => {
    expect(canRoster({ agents: [{}], shiftTemplates: [{}] })).toBe(true);
    expect(canRoster({ agents: [], shiftTemplates: [{}] })).toBe(false);
    expect(canRoster({ agents: [{}] })).toBe(false);
    expect(canRoster(null)).toBe(false);
  });

  test('shifts are minutes after interval 0 (day d starts d × 1440 later); past midnight they run on, breaks inside', () => {
    const bars = shiftBars(roster);
    expect(bars.map((b) => [b.from, b.to])).toEqual([[0, 480], [1440 + 960, 1440 + 960 + 480], [1380, 1500]]);
    expect(bars[0]!.breaks).toEqual([{ from: 240, to: 270, label: '10:00–10:30' }]);
    expect(bars[1]!.breaks).toEqual([{ from: 1440 + 960 + 90, to: 1440 + 960 + 135, label: '23:30–00:15' }]);
  });

  test('the summary: cost, agents working, shifts, time, status, shortfall', () => {
    expect(shortfallOf(roster)).toEqual({ hours: 0.75, intervals: 2 });
    expect(rosterSummary(roster, 9.84)).toBe('cost 10 · 2 of 3 agents working · 3 shifts · solved in 9.8 s · optimal · shortfall 0.8 agent-hours in 2 intervals');
  });
});
