import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import { dayNumber, weekday } from '../../src/history/calendar.js';
import { synthesizeHistory, synthesizeTables, type SynthIntervalRow } from '../../src/history/synthesize.js';
import { cellIndex } from '../../src/history/types.js';

const scenario = parseScenario({
  name: 'synth',
  intervalMinutes: 30,
  intervals: 4,
  start: '09:00',
  warmupMinutes: 30,
  contactTypes: [
    {
      id: 'calls',
      channel: 'voice',
      volume: [60, 90, 90, 60],
      handleTime: { dist: 'exponential', mean: 120 },
      wrapUp: { dist: 'constant', value: 15 },
      patience: { dist: 'exponential', mean: 90 },
      serviceLevel: { seconds: 20, target: 0.8 },
    },
  ],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: [5, 7, 7, 5] }],
});
const monday = dayNumber('2026-03-02')!;

describe('synthesizeHistory: what an ACD would record of a simulated day', () => {
  it('the contact log and the interval rows tell the same story, day by day', () => {
    const rows: SynthIntervalRow[] = [];
    const log = new Map<string, { answered: number; abandoned: number; work: number; wait: number }>();
    synthesizeHistory(scenario, { fromDay: monday, days: 3, seed: 7 }, {
      interval: (r) => rows.push(r),
      contact(c) {
        const day = Math.floor(c.arrival / 86_400);
        const slot = Math.floor((c.arrival % 86_400) / 1800);
        const key = `${day}:${slot}`;
        const cell = log.get(key) ?? { answered: 0, abandoned: 0, work: 0, wait: 0 };
        if (c.outcome === 'answered') {
          cell.answered++;
          cell.work += c.ended - c.answered;
          cell.wait += c.answered - c.arrival;
          expect(c.acw).toBeCloseTo(15, 9);
          expect(c.group).toBe('team');
        } else cell.abandoned++;
        log.set(key, cell);
      },
    });
    expect(rows).toHaveLength(3 * 4);
    let answered = 0;
    for (const r of rows) {
      expect(r.minute).toBeGreaterThanOrEqual(9 * 60);
      const cell = log.get(`${r.day}:${r.minute / 30}`);
      expect(cell?.answered ?? 0).toBe(r.answered);
      expect(cell?.abandoned ?? 0).toBe(r.abandoned);
      // Without retrials or bots every offered contact is answered, abandoned or unresolved.
      expect(r.answered + r.abandoned).toBeLessThanOrEqual(r.offered);
      if (cell !== undefined && cell.answered > 0) {
        expect(r.aht).toBeCloseTo(cell.work / cell.answered, 6);
        expect(r.asa).toBeCloseTo(cell.wait / cell.answered, 6);
      }
      answered += r.answered;
    }
    // About 300 offered a day, most answered: the days are really simulated, not empty.
    expect(answered).toBeGreaterThan(3 * 200);
  });

  it('a weekday factor of 0 closes the weekday, and the days differ (one replication each)', () => {
    const factors = [1, 1, 1, 1, 1, 0, 0];
    const { history, staff } = synthesizeTables(scenario, { fromDay: monday, days: 14, seed: 3, weekdayFactors: factors });
    expect(history.days).toBe(14);
    for (let d = 0; d < 14; d++) expect(history.open[d]).toBe(weekday(monday + d) >= 5 ? 0 : 1);
    const dayTotal = (d: number) => {
      let sum = 0;
      for (let s = 0; s < history.slots; s++) sum += history.offered[cellIndex(history.slots, 1, d, 0, s)]!;
      return sum;
    };
    expect(dayTotal(5)).toBe(0);
    expect(dayTotal(0)).not.toBe(dayTotal(1));
    expect(staff.staff[cellIndex(staff.slots, 1, 0, 0, 18)]).toBe(5); // 09:00
    expect(staff.staff[cellIndex(staff.slots, 1, 0, 0, 19)]).toBe(7);
    expect(Number.isNaN(staff.staff[cellIndex(staff.slots, 1, 0, 0, 17)]!)).toBe(true);
  });

  it('the weekly trend and special days scale the volume as documented', () => {
    const base = synthesizeTables(scenario, { fromDay: monday, days: 1, seed: 3 }).history;
    const special = synthesizeTables(scenario, { fromDay: monday, days: 1, seed: 3, specialDays: new Map([[monday, 3]]) }).history;
    const total = (h: typeof base) => h.offered.reduce((a, b) => a + b, 0);
    // 300 expected a day, 900 on the special day: far outside each other's Poisson noise.
    expect(total(base)).toBeGreaterThan(240);
    expect(total(base)).toBeLessThan(360);
    expect(total(special)).toBeGreaterThan(800);
  });
});
