import { describe, expect, it } from 'vitest';
import { grossRequirement, solveSchedule, templatesFromScenario, type ScenarioShiftTemplate } from '../../src/optimize/schedule.js';
import { slotMinutesOf } from '../../src/optimize/scheduleTemplates.js';

const context = { start: '08:00', intervalMinutes: 30, days: 2, costPerHour: 20 };

describe('templatesFromScenario(templates, {start, intervalMinutes, days, costPerHour})', () => {
  it('converts clock times and minutes to slots (here one per interval) from the scenario start', () => {
    const out = templatesFromScenario(
      [
        { id: 'day', start: '08:00', minutes: 480, breaks: [{ offsetMinutes: 240, minutes: 30 }] },
        { id: 'early', start: '06:00', minutes: 240, cost: 70, days: [1] },
        { id: 'night', start: '22:30', minutes: 540 },
      ],
      context,
    );
    expect(out).toEqual([
      { id: 'day', start: 0, length: 16, breaks: [{ earliest: 8, latest: 8, length: 1 }], cost: 160, days: [0, 1] },
      { id: 'early', start: -4, length: 8, breaks: [], cost: 70, days: [1] },
      { id: 'night', start: 29, length: 18, breaks: [], cost: 180, days: [0, 1] },
    ]);
  });

  it('a 15-minute break window in 30-minute intervals: 15-minute slots, the window as earliest/latest starts', () => {
    const list: ScenarioShiftTemplate[] = [
      { id: 'day', start: '08:00', minutes: 480, breaks: [{ earliestOffsetMinutes: 90, latestOffsetMinutes: 150, minutes: 15 }, { offsetMinutes: 240, minutes: 30 }] },
      { id: 'late', start: '12:30', minutes: 270, min: 1, max: 4, partTime: true },
    ];
    expect(slotMinutesOf(list, 30, '08:00')).toBe(15);
    expect(templatesFromScenario(list, context)).toEqual([
      { id: 'day', start: 0, length: 32, breaks: [{ earliest: 6, latest: 10, length: 1 }, { earliest: 16, latest: 16, length: 2 }], cost: 160, days: [0, 1] },
      { id: 'late', start: 18, length: 18, breaks: [], cost: 90, days: [0, 1], min: 1, max: 4, partTime: true },
    ]);
    // Everything on the hour: one slot per interval, as before.
    expect(slotMinutesOf([{ id: 'a', start: '09:00', minutes: 240, breaks: [{ earliestOffsetMinutes: 60, latestOffsetMinutes: 120, minutes: 60 }] }], 60, '08:00')).toBe(60);
  });

  it('defaults cost to 0 without costPerHour, and accepts an off-the-hour scenario start', () => {
    const out = templatesFromScenario([{ id: 'a', start: '08:15', minutes: 60 }], { start: '07:45', intervalMinutes: 15, days: 1 });
    expect(out[0]).toMatchObject({ start: 2, length: 4, cost: 0, days: [0] });
  });

  const bad: [string, ScenarioShiftTemplate, string][] = [
    ['start off the grid', { id: 'x', start: '08:12', minutes: 240 }, 'shiftTemplates[2].start: 08:12 is not on the 5-minute grid of shift starts'],
    ['not a clock time', { id: 'x', start: '8:00', minutes: 240 }, 'shiftTemplates[2].start: must be a time "HH:MM" from 00:00 to 23:59, got "8:00"'],
    ['length off the grid', { id: 'x', start: '09:00', minutes: 251 }, 'shiftTemplates[2].minutes: 251 minutes is not a multiple of 5 minutes'],
    ['length 0', { id: 'x', start: '09:00', minutes: 0 }, 'shiftTemplates[2].minutes: must be a number > 0, got 0'],
    ['break offset off the grid', { id: 'x', start: '09:00', minutes: 480, breaks: [{ offsetMinutes: 243, minutes: 30 }] },
      'shiftTemplates[2].breaks[0].offsetMinutes: 243 minutes is not a multiple of 5 minutes'],
    ['break length off the grid', { id: 'x', start: '09:00', minutes: 480, breaks: [{ offsetMinutes: 240, minutes: 22 }] },
      'shiftTemplates[2].breaks[0].minutes: 22 minutes is not a multiple of 5 minutes'],
    ['break outside the shift', { id: 'x', start: '09:00', minutes: 240, breaks: [{ offsetMinutes: 240, minutes: 30 }] },
      'shiftTemplates[2].breaks[0]: break from minute 240 to 270 ends after the 240-minute shift'],
    ['duplicate id', { id: 'a', start: '09:00', minutes: 240 }, 'shiftTemplates[2].id: duplicate id "a"'],
    ['negative cost', { id: 'x', start: '09:00', minutes: 240, cost: -5 }, 'shiftTemplates[2].cost: must be a finite number >= 0, got -5'],
    ['bad day', { id: 'x', start: '09:00', minutes: 240, days: [0, 1.5] }, 'shiftTemplates[2].days[1]: must be an integer >= 0, got 1.5'],
  ];
  it.each(bad)('%s -> RangeError with the field path', (_name, third, message) => {
    const list: ScenarioShiftTemplate[] = [{ id: 'a', start: '08:00', minutes: 240 }, { id: 'b', start: '12:00', minutes: 240 }, third];
    expect(() => templatesFromScenario(list, context)).toThrow(RangeError);
    expect(() => templatesFromScenario(list, context)).toThrow(message);
  });

  it('feeds solveSchedule: a 12-hour day covered by two 6-hour shifts', async () => {
    const templates = templatesFromScenario(
      [{ id: 'am', start: '08:00', minutes: 360 }, { id: 'pm', start: '14:00', minutes: 360 }, { id: 'full', start: '08:00', minutes: 720, cost: 300 }],
      { ...context, days: 1 },
    );
    const required = [...new Array<number>(24).fill(2), ...new Array<number>(24).fill(0)];
    const s = await solveSchedule({ intervalsPerDay: 48, days: 1, required, templates });
    expect(s.shifts).toEqual([{ template: 'am', day: 0, count: 2 }, { template: 'pm', day: 0, count: 2 }]);
    expect(s.cost).toBe(480);
  });
});

describe('grossRequirement(net, shrinkage)', () => {
  it('is ceil(net / (1 - shrinkage)) without float noise', () => {
    expect(grossRequirement([7, 8, 0, 10.5, 14], 0.3)).toEqual([10, 12, 0, 15, 20]);
    expect(grossRequirement([8, 3], 0.2)).toEqual([10, 4]);
    expect(grossRequirement([5], 0)).toEqual([5]);
  });
  it('rejects shrinkage outside [0, 1) and negative net values', () => {
    expect(() => grossRequirement([1], 1)).toThrow(RangeError);
    expect(() => grossRequirement([1], -0.1)).toThrow('shrinkage: must be in [0, 1), got -0.1');
    expect(() => grossRequirement([1, -2], 0.1)).toThrow('net[1]: must be a finite number >= 0, got -2');
  });
});
