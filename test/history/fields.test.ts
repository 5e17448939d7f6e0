import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/history/calendar.js';
import { civilDay, COUNT, DATE, DURATION, INTERVAL_START, notA, PERCENTAGE, TIMESTAMP } from '../../src/history/fields.js';

describe('history cell formats', () => {
  it('counts: numbers >= 0, fractions allowed (averaged exports); nothing else', () => {
    expect(['0', '12', '12.5', '.5', '7.'].map(COUNT.parse)).toEqual([0, 12, 12.5, 0.5, 7]);
    for (const bad of ['-3', '', 'x', '1e3', '0x10', '1,5', 'Infinity', '12 calls']) expect(COUNT.parse(bad), bad).toBeNaN();
    expect(notA('-3', COUNT)).toBe('"-3" is not a count (a number >= 0)');
  });

  it('durations: seconds, m:ss, h:mm:ss, with fractions of a second', () => {
    expect(['187', '187.5', '3:07', '3:07.5', '0:00', '75:00', '1:02:03', '0:03:07.25'].map(DURATION.parse)).toEqual([
      187, 187.5, 187, 187.5, 0, 4500, 3723, 187.25,
    ]);
    for (const bad of ['1:7x', '1:7', '3:60', '1:60:00', '-5', ':30', '1:02:03:04', '3:07.', 'abc']) expect(DURATION.parse(bad), bad).toBeNaN();
    expect(notA('1:7x', DURATION)).toBe('"1:7x" is not a duration (seconds, m:ss or h:mm:ss)');
  });

  it('percentages: 78% or a fraction 0..1, stored as the fraction', () => {
    expect(['78%', '78.5 %', '0%', '100%', '0.78', '1', '0'].map(PERCENTAGE.parse)).toEqual([0.78, 0.785, 0, 1, 0.78, 1, 0]);
    // "78" is neither: a fraction above 1, or a percentage without its sign.
    for (const bad of ['78', '101%', '-5%', '%', 'high', '1.2']) expect(PERCENTAGE.parse(bad), bad).toBeNaN();
  });

  it('dates: real YYYY-MM-DD dates, as day numbers', () => {
    expect(DATE.parse('2024-02-29')).toBe(dayNumber('2024-02-29'));
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024/01/01', '2024-1-1', '']) expect(DATE.parse(bad), bad).toBeNaN();
  });

  it('interval starts: HH:MM (H:MM and HH:MM:00 as spreadsheets write them), as minutes after midnight', () => {
    expect(['00:00', '08:15', '8:15', '23:59', '08:15:00', '8:15:00'].map(INTERVAL_START.parse)).toEqual([0, 495, 495, 1439, 495, 495]);
    for (const bad of ['24:00', '08:60', '0815', '08:15:30', '8', '08:1', '', 'x8:00']) expect(INTERVAL_START.parse(bad), bad).toBeNaN();
  });

  it('timestamps: YYYY-MM-DDTHH:MM:SS(.fff) (or a space for the T), seconds since 1970 of the same clock', () => {
    const day = dayNumber('2024-03-31')!;
    expect(TIMESTAMP.parse('2024-03-31T02:30:00')).toBe(day * 86400 + 2.5 * 3600); // no daylight-saving gap
    expect(TIMESTAMP.parse('2024-03-31 02:30:00.250')).toBe(day * 86400 + 2.5 * 3600 + 0.25);
    expect(TIMESTAMP.parse('1970-01-01T00:00:01')).toBe(1);
    for (const bad of ['2024-03-31T24:00:00', '2024-02-30T08:00:00', '2024-03-31T08:00', '2024-03-31T08:00:00.', '2024-03-31T08:00:00Z', '2024-03-31', 'now']) {
      expect(TIMESTAMP.parse(bad), bad).toBeNaN();
    }
  });

  it('civilDay agrees with calendar.ts dayNumber on every day from 1899 to 2101', () => {
    for (let d = dayNumber('1899-01-01')!; d <= dayNumber('2101-12-31')!; d++) {
      const date = new Date(d * 86_400_000);
      if (civilDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) !== d) throw new Error(`day ${d}`);
    }
    expect(civilDay(2023, 2, 29)).toBeNaN();
    expect(civilDay(2000, 2, 29)).toBe(dayNumber('2000-02-29'));
    expect(civilDay(1900, 2, 29)).toBeNaN();
  });
});
