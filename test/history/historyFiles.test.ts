import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/node/inputError.js';
import { readContactLogFile, readIntervalHistoryFile, readStaffHistoryFile } from '../../src/node/historyFiles.js';
import { cellIndex } from '../../src/history/types.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('history files from disk (src/node/historyFiles.ts)', () => {
  it('reads an interval history with a BOM, CRLF and quoted cells', async () => {
    const path = file('h.csv', '\uFEFFDate,Interval,"Queue, name",Calls\r\n2024-01-01,08:00,"sales, EN",7\r\n2024-01-01,08:30,"sales, EN",9\r\n');
    const h = await readIntervalHistoryFile(path, { columns: { interval_start: 'Interval', type: 'Queue, name', offered: 'Calls' } });
    expect(h.types).toEqual(['sales, EN']);
    expect(h.offered[cellIndex(h.slots, 1, 0, 0, 17)]).toBe(9);
  });

  it('a malformed cell: file:line:column (column): problem, as an InputError (exit 2)', async () => {
    const path = file('bad.csv', 'date,interval_start,type,offered,aht\n2024-01-01,08:00,sales,1,60\n2024-01-01,08:30,sales,2,1:7x\n');
    expect((await refusal(readIntervalHistoryFile(path))).message).toBe(`${path}:3:5 (aht): "1:7x" is not a duration (seconds, m:ss or h:mm:ss)`);
  });

  it('a missing file, a directory, an unknown --columns key', async () => {
    expect((await refusal(readIntervalHistoryFile(join(dir, 'nope.csv')))).message).toBe(`${join(dir, 'nope.csv')}: no such file`);
    expect((await refusal(readStaffHistoryFile(dir))).message).toBe(`${dir}: is a directory`);
    const path = file('s.csv', 'date,interval_start,group,staff\n2024-01-01,08:00,a,1\n');
    expect((await refusal(readStaffHistoryFile(path, { columns: { agents: 'x' } }))).message).toMatch(/^--columns: unknown column "agents"/);
  });

  it('invalid UTF-8 is refused with its line, also where a chunk boundary (1 MiB) cuts the file', async () => {
    const row = 'calls,2024-01-01T08:00:00,,2024-01-01T08:01:00,abandoned\n';
    const header = 'type,arrival,answered,ended,outcome\n';
    // Enough rows to pass the first 1 MiB read, then a Latin-1 byte.
    const rows = Math.ceil((1 << 20) / row.length) + 10;
    const good = new TextEncoder().encode(header + row.repeat(rows));
    const bytes = new Uint8Array(good.length + 4);
    bytes.set(good);
    bytes.set([0x78, 0xe9, 0x2c, 0x0a], good.length); // "x\xE9,\n"
    const path = file('latin1.csv', bytes);
    expect((await refusal(readContactLogFile(path, {}, () => {}))).message).toBe(
      `${path}:${rows + 2}: not valid UTF-8: byte 0xE9 at character 2 of the line (save the file as UTF-8)`,
    );
  });

  it('a character cut by the 1 MiB read boundary is decoded whole', async () => {
    const header = 'date,interval_start,type,offered\n';
    const prefix = '2024-01-01,08:00,'; // then a long type name, ",1\n", and the row with "é"
    // The two bytes of "é" at 1 MiB - 1 and 1 MiB: the first read ends between them.
    const n = (1 << 20) - 1 - header.length - 2 * prefix.length - 3;
    const bytes = new TextEncoder().encode(`${header}${prefix}${'a'.repeat(n)},1\n2024-01-01,08:30,é,2\n`);
    expect(bytes.indexOf(0xc3)).toBe((1 << 20) - 1);
    const h = await readIntervalHistoryFile(file('split.csv', bytes));
    expect(h.types[1]).toBe('é');
  });

  it('streams a contact log to the visitor, one reused row object', async () => {
    const path = file('log.csv', 'type,arrival,answered,ended,outcome\ncalls,2024-01-01T08:00:00,2024-01-01T08:00:05,2024-01-01T08:03:00,answered\ncalls,2024-01-01T08:01:00,,2024-01-01T08:02:00,abandoned\n');
    const outcomes: string[] = [];
    expect(await readContactLogFile(path, {}, (row) => outcomes.push(row.outcome))).toEqual({ rows: 2 });
    expect(outcomes).toEqual(['answered', 'abandoned']);
    const bad = file('badlog.csv', 'type,arrival,answered,ended,outcome\ncalls,2024-01-01T08:00:00,2024-01-01T08:00:05,2024-01-01T08:03:00,abandoned\n');
    expect((await refusal(readContactLogFile(bad, {}, () => {}))).message).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:3 \\(answered\\): `));
  });
});
