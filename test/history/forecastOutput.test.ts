import { describe, expect, it } from 'vitest';
import { forecastHistory } from '../../src/history/forecast.js';
import { forecastCsv, forecastJson, forecastRows } from '../../src/history/forecastOutput.js';
import { parseScenario } from '../../src/scenario/index.js';
import { mergeForecast } from '../../src/scenario/forecast.js';
import { cellIndex } from '../../src/history/types.js';
import { syntheticHistory } from './syntheticHistory.js';

const history = syntheticHistory({ weeks: 10, seed: 2, types: ['calls', '=chat'] });
const result = forecastHistory(history, { startDay: history.lastDay + 1, days: 3, holidays: [history.lastDay + 2, history.lastDay - 20] });

describe('forecastRows(result) / forecastCsv(result)', () => {
  it('covers every date x opening-hours interval x type, in that order, with the arrays\' values', () => {
    const rows = forecastRows(result);
    // Opening hours of the synthetic center: 08:00 to 19:00 starts, 12 intervals.
    expect([result.firstSlot, result.lastSlot]).toEqual([8, 19]);
    expect(rows.length).toBe(3 * 12 * 2);
    expect(rows.slice(0, 3).map((r) => [r.date, r.interval_start, r.type])).toEqual([
      ['2024-03-11', '08:00', 'calls'],
      ['2024-03-11', '08:00', '=chat'],
      ['2024-03-11', '09:00', 'calls'],
    ]);
    const i = cellIndex(result.slots, 2, 0, 0, 8);
    expect(rows[0]).toEqual({
      date: '2024-03-11',
      interval_start: '08:00',
      type: 'calls',
      volume: Number(result.volume[i]!.toFixed(2)),
      aht: Number(result.aht[i]!.toFixed(2)),
      volume_lo: result.lo[i],
      volume_hi: result.hi[i],
    });
    expect(rows.every((r) => r.volume_lo <= r.volume && r.volume <= r.volume_hi + 1)).toBe(true);
  });

  it('writes the contract\'s CSV header, a formula-safe type and an empty aht where unknown', () => {
    const csv = forecastCsv(result).split('\n');
    expect(csv[0]).toBe('date,interval_start,type,volume,aht,volume_lo,volume_hi');
    expect(csv[2]).toMatch(/^2024-03-11,08:00,'=chat,[\d.]+,[\d.]+,\d+,\d+$/);
    const noAht = forecastHistory(syntheticHistory({ weeks: 10, seed: 2, noAht: true }), { startDay: history.lastDay + 1, days: 1 });
    expect(forecastCsv(noAht).split('\n')[1]).toMatch(/^2024-03-11,08:00,calls,[\d.]+,,\d+,\d+$/);
    expect(forecastRows(noAht).every((r) => r.aht === null)).toBe(true);
  });

  it('one date\'s rows, without the date column (and the band), fill a scenario of the opening hours', () => {
    const lines = forecastCsv(result).trim().split('\n').slice(1).filter((l) => l.startsWith('2024-03-12'));
    const calls = lines.filter((l) => l.split(',')[2] === 'calls').map((l) => l.split(',').slice(1, 5).join(','));
    const scenario = {
      name: 'from forecast',
      intervalMinutes: 60,
      intervals: 12,
      start: '08:00',
      contactTypes: [{ id: 'calls', channel: 'voice', volume: 1, handleTime: { dist: 'exponential', mean: 300 }, serviceLevel: { seconds: 20, target: 0.8 } }],
      agentGroups: [{ id: 'a', skills: ['calls'], staff: 10 }],
    };
    const issues = mergeForecast(scenario, `interval_start,type,volume,aht\n${calls.join('\n')}\n`, 'forecast.csv');
    expect(issues).toEqual([]);
    const parsed = parseScenario(scenario);
    expect(parsed.contactTypes[0]!.volume).toHaveLength(12);
  });
});

describe('forecastJson(result)', () => {
  it('has the contract\'s shape, the extra diagnostics, and the holidays split into history and forecast', () => {
    const json = forecastJson(result);
    expect(json.method).toBe(result.method);
    expect(Object.keys(json.byType)).toEqual(['calls', '=chat']);
    const bt = json.byType['calls']!.backtest;
    expect(Object.keys(bt)).toEqual(expect.arrayContaining(['weeks', 'wape', 'baselineWape', 'bias', 'coverage80', 'dayRatios']));
    expect(bt.weeks).toBe(4);
    expect(bt.wape).toBeCloseTo(result.byType[0]!.backtest.wape!, 4);
    expect(json.byType['calls']!.closedWeekdays).toEqual(['Sun']);
    expect(json.excludedDays).toEqual(['2024-02-19']);
    expect(json.holidays).toEqual(['2024-03-12']);
    expect(json.rows).toEqual(forecastRows(result));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
