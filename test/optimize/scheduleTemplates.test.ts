import { describe, expect, it } from 'vitest';
import { grossRequirement, solveSchedule, templatesFromScenario, type ScenarioShiftTemplate } from '../../src/optimize/schedule.js';

const context = { start: '08:00', intervalMinutes: 30, days: 2, costPerHour: 20 };

describe('templatesFromScenario(templates, {start, intervalMinutes, days, costPerHour})', () => {
  it('converts clock times and minutes to intervals from the scenario start', () => {
    const out = templatesFromScenario(
      [
        { id: 'day', start: '08:00', minutes: 480, breaks: [{ offsetMinutes: 240, minutes: 30 }] },
        { id: 'early', start: '06:00', minutes: 240, cost: 70, days: [1] },
        { id: 'night', start: '22:30', minutes: 540 },
      ],
      context,
    );
    expect(out).toEqual([
      { id: 'day', startInterval: 0, lengthIntervals: 16, breaks: [{ offsetIntervals: 8, lengthIntervals: 1 }], cost: 160, days: [0, 1] },
      { id: 'early', startInterval: -4, lengthIntervals: 8, breaks: [], cost: 70, days: [1] },
      { id: 'night', startInterval: 29, lengthIntervals: 18, breaks: [], cost: 180, days: [0, 1] },
    ]);
  });

  it('defaults cost to 0 without costPerHour, and accepts an off-the-hour scenario start', () => {
    const out = templatesFromScenario([{ id: 'a', start: '08:15', minutes: 60 }], { start: '07:45', intervalMinutes: 15, days: 1 });
    expect(out[0]).toMatchObject({ startInterval: 2, lengthIntervals: 4, cost: 0, days: [0] });
  });

  const bad: [string, ScenarioShiftTemplate, string][] = [
    ['start off the grid', { id: 'x', start: '08:10', minutes: 240 }, 'shiftTemplates[2].start: 08:10 is not on a 30-minute interval boundary'],
    ['not a clock time', { id: 'x', start: '8:00', minutes: 240 }, 'shiftTemplates[2].start: must be a time "HH:MM" from 00:00 to 23:59, got "8:00"'],
    ['length off the grid', { id: 'x', start: '09:00', minutes: 250 }, 'shiftTemplates[2].minutes: 250 minutes is not a whole number of 30-minute intervals'],
    ['length 0', { id: 'x', start: '09:00', minutes: 0 }, 'shiftTemplates[2].minutes: must be a number > 0, got 0'],
    ['break offset off the grid', { id: 'x', start: '09:00', minutes: 480, breaks: [{ offsetMinutes: 245, minutes: 30 }] },
      'shiftTemplates[2].breaks[0].offsetMinutes: 245 minutes is not on a 30-minute interval boundary'],
    ['break length off the grid', { id: 'x', start: '09:00', minutes: 480, breaks: [{ offsetMinutes: 240, minutes: 20 }] },
      'shiftTemplates[2].breaks[0].minutes: 20 minutes is not a whole number of 30-minute intervals'],
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
