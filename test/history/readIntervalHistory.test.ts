import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/history/calendar.js';
import { CsvByteStream } from '../../src/history/csvStream.js';
import { IntervalHistoryBuilder, readIntervalHistory } from '../../src/history/readIntervalHistory.js';
import { MAX_PROBLEMS } from '../../src/history/readError.js';
import { readStaffHistory } from '../../src/history/readStaffHistory.js';
import { cellIndex, type IntervalHistory } from '../../src/history/types.js';

const HEADER = 'date,interval_start,type,offered,answered,abandoned,aht,asa,service_level';

/**
 * Three days from Monday 2024-01-01, half hours 08:00-09:30; Tuesday is closed (no rows);
 * Wednesday has no row for chat at 09:00; rows out of date order; an optional cell empty.
 */
const FILE = [
  HEADER,
  '2024-01-03,08:00,calls,12,11,1,3:10,15,80%',
  '2024-01-01,08:00,calls,10,9,1,187,12.5,0.9',
  '2024-01-01,08:00,chat,4,4,0,0:05:00,,100%',
  '2024-01-01,08:30,calls,20,18,2,200,20,75%',
  '2024-01-01,09:00,calls,0,0,0,,,',
  '2024-01-01,09:30,chat,2.5,2,0.5,240,30,0.5',
  '2024-01-03,08:30,chat,6,5,1,310.5,8,',
].join('\r\n');

/** The value at (date, type, HH:MM) of one array. */
function at(h: IntervalHistory, array: Float64Array, date: string, type: string, clock: string): number {
  const [hh, mm] = clock.split(':').map(Number);
  const slot = (hh! * 60 + mm!) / h.intervalMinutes;
  return array[cellIndex(h.slots, h.types.length, dayNumber(date)! - h.firstDay, h.types.indexOf(type), slot)]!;
}

function failure(text: string, options: Parameters<typeof readIntervalHistory>[1] = {}): string {
  try {
    readIntervalHistory(text, { source: 'h.csv', ...options });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('interval history reader', () => {
  it('puts each value in its cell: durations in seconds, percentages as fractions, empty optional cells NaN', () => {
    const h = readIntervalHistory(FILE);
    expect(h.intervalMinutes).toBe(30);
    expect(h.slots).toBe(48);
    expect(h.types).toEqual(['calls', 'chat']);
    expect([h.firstDay, h.lastDay, h.days]).toEqual([dayNumber('2024-01-01'), dayNumber('2024-01-03'), 3]);
    expect(h.rows).toBe(7);
    expect(h.offered.length).toBe(3 * 2 * 48);
    expect([...h.columns].sort()).toEqual(['abandoned', 'aht', 'answered', 'asa', 'service_level']);
    expect(at(h, h.offered, '2024-01-01', 'calls', '08:30')).toBe(20);
    expect(at(h, h.answered, '2024-01-01', 'calls', '08:30')).toBe(18);
    expect(at(h, h.abandoned, '2024-01-01', 'calls', '08:30')).toBe(2);
    expect(at(h, h.aht, '2024-01-03', 'calls', '08:00')).toBe(190);
    expect(at(h, h.aht, '2024-01-01', 'chat', '08:00')).toBe(300);
    expect(at(h, h.asa, '2024-01-01', 'calls', '08:00')).toBe(12.5);
    expect(at(h, h.serviceLevel, '2024-01-03', 'calls', '08:00')).toBe(0.8);
    expect(at(h, h.serviceLevel, '2024-01-01', 'calls', '08:00')).toBe(0.9);
    expect(at(h, h.offered, '2024-01-01', 'chat', '09:30')).toBe(2.5);
    expect(at(h, h.asa, '2024-01-01', 'chat', '08:00')).toBeNaN();
    expect(at(h, h.aht, '2024-01-01', 'calls', '09:00')).toBeNaN();
    expect(at(h, h.serviceLevel, '2024-01-03', 'chat', '08:30')).toBeNaN();
  });

  it('an interval of an open day without a row is 0 offered and unknown otherwise; a day without rows is closed', () => {
    const h = readIntervalHistory(FILE);
    expect([...h.open]).toEqual([1, 0, 1]);
    expect(at(h, h.offered, '2024-01-03', 'chat', '09:00')).toBe(0);
    expect(at(h, h.answered, '2024-01-03', 'chat', '09:00')).toBeNaN();
    expect(at(h, h.offered, '2024-01-01', 'chat', '03:00')).toBe(0);
    const tuesday = dayNumber('2024-01-02')! - h.firstDay;
    const size = h.types.length * h.slots;
    expect(h.offered.subarray(tuesday * size, (tuesday + 1) * size).every((v) => v === 0)).toBe(true);
    expect(h.aht.subarray(tuesday * size, (tuesday + 1) * size).every((v) => Number.isNaN(v))).toBe(true);
  });

  it('optional columns the file lacks are NaN everywhere', () => {
    const h = readIntervalHistory('date,interval_start,type,offered\n2024-01-01,08:00,calls,3\n2024-01-01,08:15,calls,4\n');
    expect(h.columns.size).toBe(0);
    expect(h.intervalMinutes).toBe(15);
    expect(h.aht.every((v) => Number.isNaN(v))).toBe(true);
    expect(h.serviceLevel.length).toBe(h.offered.length);
  });

  it('gives the same table for the bytes cut into two chunks at every position', () => {
    const whole = readIntervalHistory(FILE);
    const bytes = new TextEncoder().encode(FILE);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const builder = new IntervalHistoryBuilder();
      const stream = new CsvByteStream(builder);
      stream.push(bytes.subarray(0, cut));
      stream.push(bytes.subarray(cut));
      stream.end();
      expect(builder.finish(), `cut at ${cut}`).toEqual(whole);
    }
  });

  describe('the interval length', () => {
    const rows = (starts: readonly string[], days = 1) =>
      Array.from({ length: days }, (_, d) => starts.map((s, i) => `2024-01-${String(d + 1).padStart(2, '0')},${s},calls,${i + 1}`)).flat();

    it('is the gcd of the starts with 1440 minutes', () => {
      expect(readIntervalHistory([HEADER.split(',').slice(0, 4).join(), ...rows(['08:00', '09:00', '11:00'])].join('\n')).intervalMinutes).toBe(60);
      expect(readIntervalHistory(['date,interval_start,type,offered', ...rows(['00:00'])].join('\n')).intervalMinutes).toBe(1440);
    });

    it('a finer grid that appears late in the file (hours, then quarter hours) moves the earlier rows to their slots', () => {
      const hourly = rows(['08:00', '09:00', '10:00'], 9);
      const quarters = Array.from({ length: 12 }, (_, i) => `2024-01-10,${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')},calls,${100 + i}`);
      const h = readIntervalHistory(['date,interval_start,type,offered', ...hourly, ...quarters].join('\n'));
      expect(h.intervalMinutes).toBe(15);
      expect(at(h, h.offered, '2024-01-01', 'calls', '09:00')).toBe(2);
      expect(at(h, h.offered, '2024-01-01', 'calls', '09:15')).toBe(0);
      expect(at(h, h.offered, '2024-01-09', 'calls', '10:00')).toBe(3);
      expect(at(h, h.offered, '2024-01-10', 'calls', '08:45')).toBe(103);
      expect(at(h, h.offered, '2024-01-10', 'calls', '10:45')).toBe(111);
    });

    it('refuses a stray start off the grid the other rows follow (it would make the table 30 times finer)', () => {
      const text = ['date,interval_start,type,offered', ...rows(['08:00', '08:30', '09:00', '09:30'], 5), '2024-01-03,08:07,calls,1'].join('\n');
      expect(failure(text)).toBe('h.csv:22:2 (interval_start): 08:07 is off the 30-minute grid that 95.2% of the rows follow');
    });

    it('with a known interval length (a scenario\'s), a row off it is refused at once', () => {
      const text = ['date,interval_start,type,offered', '2024-01-01,08:00,calls,1', '2024-01-01,08:10,calls,1'].join('\n');
      expect(failure(text, { intervalMinutes: 30 })).toBe('h.csv:3:2 (interval_start): 08:10 is not on the 30-minute interval grid');
      const h = readIntervalHistory(text.split('\n').slice(0, 2).join('\n'), { intervalMinutes: 15 });
      expect([h.intervalMinutes, h.slots]).toEqual([15, 96]);
      expect(() => readIntervalHistory(text, { intervalMinutes: 7 })).toThrow('intervalMinutes must be a positive divisor of 1440, not 7');
    });
  });

  it('refuses two rows for one date, interval and type, naming both lines', () => {
    const text = `${FILE}\n2024-01-01,08:30,calls,3,,,,,`;
    expect(failure(text)).toBe('h.csv:9: repeats line 5 (the same date, interval_start and type: 2024-01-01 08:30 calls)');
  });

  it('names the file, line, column and problem of each malformed cell', () => {
    const bad = (row: string) => failure(`${HEADER}\n2024-01-01,08:00,calls,1,,,,,\n${row}\n`);
    expect(bad('2024-02-30,08:30,calls,1,,,,,')).toBe('h.csv:3:1 (date): "2024-02-30" is not a date (YYYY-MM-DD)');
    expect(bad('2024-01-01,8h30,calls,1,,,,,')).toBe('h.csv:3:2 (interval_start): "8h30" is not an interval start (HH:MM)');
    expect(bad('2024-01-01,08:30, ,1,,,,,')).toBe('h.csv:3:3 (type): empty: each row names its type');
    expect(bad('2024-01-01,08:30,calls,-3,,,,,')).toBe('h.csv:3:4 (offered): "-3" is not a count (a number >= 0)');
    expect(bad('2024-01-01,08:30,calls,many,,,,,')).toBe('h.csv:3:4 (offered): "many" is not a count (a number >= 0)');
    expect(bad('2024-01-01,08:30,calls,,,,,,')).toBe('h.csv:3:4 (offered): empty: expected a count (a number >= 0)');
    expect(bad('2024-01-01,08:30,calls,1,1.5.1,,,,')).toBe('h.csv:3:5 (answered): "1.5.1" is not a count (a number >= 0)');
    expect(bad('2024-01-01,08:30,calls,1,,,1:7x,,')).toBe('h.csv:3:7 (aht): "1:7x" is not a duration (seconds, m:ss or h:mm:ss)');
    expect(bad('2024-01-01,08:30,calls,1,,,,-2,')).toBe('h.csv:3:8 (asa): "-2" is not a duration (seconds, m:ss or h:mm:ss)');
    expect(bad('2024-01-01,08:30,calls,1,,,,,78')).toBe('h.csv:3:9 (service_level): "78" is not a percentage (78% or a fraction 0 to 1)');
    expect(bad('2024-01-01,08:30,calls,1')).toBe('h.csv:3: has 4 fields; the header has 9');
    expect(bad('"2024-01-01,08:30,calls,1,,,,,')).toBe('h.csv:3: a quoted cell starts here and is never closed (a missing " ?)');
  });

  it('lists several problems, one a line, and stops after MAX_PROBLEMS', () => {
    expect(failure(`${HEADER}\n2024-01-01,08:00,calls,x,,,,,y\n2024-01-01,25:00,calls,1,,,,,\n`).split('\n')).toEqual([
      'h.csv:2:4 (offered): "x" is not a count (a number >= 0)',
      'h.csv:2:9 (service_level): "y" is not a percentage (78% or a fraction 0 to 1)',
      'h.csv:3:2 (interval_start): "25:00" is not an interval start (HH:MM)',
    ]);
    const many = Array.from({ length: 50 }, (_, i) => `2024-01-01,08:00,calls,-${i},,,,,`);
    const lines = failure([HEADER, ...many].join('\n')).split('\n');
    expect(lines).toHaveLength(MAX_PROBLEMS + 1);
    expect(lines.at(-1)).toBe(`(stopped after ${MAX_PROBLEMS} problems)`);
  });
});

describe('staff history reader', () => {
  it('reads agents per date, interval and group; NaN where no row; open days', () => {
    const s = readStaffHistory(
      ['date,interval_start,group,staff', '2024-01-01,08:00,sales,12', '2024-01-01,08:30,sales,11.5', '2024-01-01,08:00,care,3', '2024-01-03,08:30,care,4'].join('\n'),
    );
    expect(s.groups).toEqual(['sales', 'care']);
    expect([s.intervalMinutes, s.days, s.rows]).toEqual([30, 3, 4]);
    expect([...s.open]).toEqual([1, 0, 1]);
    const v = (d: number, g: number, clock: number) => s.staff[cellIndex(s.slots, 2, d, g, clock / 30)];
    expect([v(0, 0, 480), v(0, 0, 510), v(0, 1, 480), v(2, 1, 510)]).toEqual([12, 11.5, 3, 4]);
    expect(v(0, 1, 510)).toBeNaN();
    expect(v(1, 0, 480)).toBeNaN();
  });

  it('refuses a bad staff cell and a missing group column', () => {
    expect(() => readStaffHistory('date,interval_start,group,staff\n2024-01-01,08:00,sales,-1\n', { source: 's.csv' })).toThrow(
      's.csv:2:4 (staff): "-1" is not a number of agents (a number >= 0)',
    );
    expect(() => readStaffHistory('date,interval_start,type,staff\n', { source: 's.csv' })).toThrow(/^s\.csv:1: missing column group \(the header has/);
  });
});
