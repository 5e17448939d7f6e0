import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/history/calendar.js';
import { readContactLog } from '../../src/history/readContactLog.js';
import type { ContactLogRow } from '../../src/history/types.js';

const HEADER = 'type,arrival,answered,ended,outcome,acw,group';
const T0 = dayNumber('2024-01-01')! * 86_400;

function read(text: string): ContactLogRow[] {
  const rows: ContactLogRow[] = [];
  readContactLog(text, { source: 'log.csv' }, (row) => rows.push({ ...row }));
  return rows;
}

function failure(...rows: string[]): string {
  try {
    readContactLog([HEADER, ...rows].join('\n'), { source: 'log.csv' }, () => {});
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the log to be refused');
}

describe('contact log reader', () => {
  it('visits each contact with its moments in seconds, the outcome in any case, optional acw and group', () => {
    const rows = read(
      [
        HEADER,
        'calls,2024-01-01T08:00:00,2024-01-01T08:00:30.5,2024-01-01T08:05:00,Answered,0:45,sales',
        'calls,2024-01-01 08:01:00,,2024-01-01T08:02:10,ABANDONED,,',
        '',
        'chat,2024-01-01T23:59:59,2024-01-02T00:00:01,2024-01-02T00:10:00,answered,,care',
      ].join('\r\n'),
    );
    expect(rows).toEqual([
      { line: 2, type: 'calls', arrival: T0 + 8 * 3600, answered: T0 + 8 * 3600 + 30.5, ended: T0 + 8 * 3600 + 300, outcome: 'answered', acw: 45, group: 'sales' },
      { line: 3, type: 'calls', arrival: T0 + 8 * 3600 + 60, answered: NaN, ended: T0 + 8 * 3600 + 130, outcome: 'abandoned', acw: NaN, group: '' },
      { line: 5, type: 'chat', arrival: T0 + 86_399, answered: T0 + 86_401, ended: T0 + 87_000, outcome: 'answered', acw: NaN, group: 'care' },
    ]);
  });

  it('hands the visitor one reused row object, and reports the rows read', () => {
    const seen = new Set<ContactLogRow>();
    const text = [HEADER, ...Array.from({ length: 5 }, () => 'calls,2024-01-01T08:00:00,,2024-01-01T08:01:00,abandoned,,')].join('\n');
    expect(readContactLog(text, {}, (row) => seen.add(row))).toEqual({ rows: 5 });
    expect(seen.size).toBe(1);
  });

  it('without the optional columns, acw is NaN and group empty; --columns renames', () => {
    const rows: ContactLogRow[] = [];
    readContactLog('Queue,Start,Pickup,Stop,Result\ncalls,2024-01-01T08:00:00,2024-01-01T08:00:10,2024-01-01T08:03:00,answered\n', {
      columns: { type: 'Queue', arrival: 'start', answered: 'pickup', ended: 'stop', outcome: 'result' },
    }, (row) => rows.push({ ...row }));
    expect(rows[0]).toMatchObject({ type: 'calls', acw: NaN, group: '', answered: T0 + 8 * 3600 + 10 });
  });

  it('names the line and column of each violation', () => {
    const cases: [string, string][] = [
      [',2024-01-01T08:00:00,,2024-01-01T08:01:00,abandoned,,', 'log.csv:2:1 (type): empty: each contact has a type'],
      ['calls,2024-01-01T8:00:00,,2024-01-01T08:01:00,abandoned,,', 'log.csv:2:2 (arrival): "2024-01-01T8:00:00" is not a timestamp (YYYY-MM-DDTHH:MM:SS, fractions of a second allowed)'],
      ['calls,2024-01-01T08:00:00,,2024-01-01T08:01:60,abandoned,,', 'log.csv:2:4 (ended): "2024-01-01T08:01:60" is not a timestamp (YYYY-MM-DDTHH:MM:SS, fractions of a second allowed)'],
      ['calls,2024-01-01T08:00:00,,2024-01-01T08:01:00,hung up,,', 'log.csv:2:5 (outcome): "hung up" is not an outcome (answered or abandoned)'],
      ['calls,2024-01-01T08:00:00,2024-01-01T08:00:10,2024-01-01T08:01:00,abandoned,,', 'log.csv:2:3 (answered): "2024-01-01T08:00:10", but the outcome is abandoned: an abandoned contact was never answered (leave it empty)'],
      ['calls,2024-01-01T08:00:00,,2024-01-01T08:01:00,answered,,', 'log.csv:2:3 (answered): empty, but the outcome is answered: when was it answered?'],
      ['calls,2024-01-01T08:00:00,yesterday,2024-01-01T08:01:00,answered,,', 'log.csv:2:3 (answered): "yesterday" is not a timestamp (YYYY-MM-DDTHH:MM:SS, fractions of a second allowed)'],
      ['calls,2024-01-01T08:00:00,2024-01-01T07:59:50,2024-01-01T08:01:00,answered,,', 'log.csv:2:3 (answered): answered 10 s before the arrival'],
      ['calls,2024-01-01T08:00:00,2024-01-01T08:00:10,2024-01-01T08:00:05.5,answered,,', 'log.csv:2:4 (ended): ended 4.5 s before it was answered'],
      ['calls,2024-01-01T08:00:00,,2024-01-01T07:00:00,abandoned,,', 'log.csv:2:4 (ended): abandoned 3600 s before the arrival'],
      ['calls,2024-01-01T08:00:00,2024-01-01T08:00:10,2024-01-01T08:01:00,answered,1:00,', 'log.csv:2:6 (acw): 60 s of after-contact work, longer than the handling (answered to ended: 50 s)'],
      ['calls,2024-01-01T08:00:00,2024-01-01T08:00:10,2024-01-01T08:01:00,answered,soon,', 'log.csv:2:6 (acw): "soon" is not a duration (seconds, m:ss or h:mm:ss)'],
      ['calls,2024-01-01T08:00:00,,2024-01-01T08:01:00,abandoned,5,', 'log.csv:2:6 (acw): 5 s of after-contact work on an abandoned contact (leave it empty)'],
      ['calls,2024-01-01T08:00:00,,2024-01-01T08:01:00,abandoned', 'log.csv:2: has 5 fields; the header has 7'],
    ];
    for (const [row, message] of cases) expect(failure(row), row).toBe(message);
  });

  it('does not visit a row with a problem, and still refuses the log at the end', () => {
    const visited: number[] = [];
    const text = [HEADER, 'calls,2024-01-01T08:00:00,,2024-01-01T08:01:00,abandoned,,', 'calls,x,,2024-01-01T08:01:00,abandoned,,', 'calls,2024-01-01T08:02:00,,2024-01-01T08:03:00,abandoned,,'].join('\n');
    expect(() => readContactLog(text, { source: 'log.csv' }, (row) => visited.push(row.line))).toThrow(/^log\.csv:3:2 \(arrival\)/);
    expect(visited).toEqual([2, 4]);
  });

  it('refuses a log without rows or without a required column', () => {
    expect(failure()).toBe('log.csv:1: no rows after the header: the contact log is empty');
    expect(() => readContactLog('type,arrival,ended,outcome\n', { source: 'log.csv' }, () => {})).toThrow(/^log\.csv:1: missing column answered \(the header has/);
  });
});
