import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/history/calendar.js';
import { HolidayFileError, parseHolidays } from '../../src/history/holidays.js';

describe('parseHolidays(text, source)', () => {
  it('reads one date per line, with names after a comma, a header, comments and blank lines', () => {
    const text = '\uFEFFdate,name\r\n2024-12-25,Christmas\n\n# bank holidays\n2024-01-01\n2024-12-25\n';
    expect(parseHolidays(text, 'h.csv')).toEqual([dayNumber('2024-01-01'), dayNumber('2024-12-25')]);
  });

  it('refuses a line that is not a real date, naming the file and line', () => {
    expect(() => parseHolidays('2024-01-01\n2024-02-30\n', 'h.txt')).toThrow(new HolidayFileError('h.txt:2: expected a date YYYY-MM-DD, not "2024-02-30"'));
    expect(() => parseHolidays('25/12/2024\n', 'h.txt')).toThrow(/h\.txt:1: expected a date/);
  });
});
