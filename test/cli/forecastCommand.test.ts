import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/node/api.js';
import { forecastCsv, forecastJson } from '../../src/history/forecastOutput.js';
import { dateText } from '../../src/history/calendar.js';
import { cellIndex, type IntervalHistory } from '../../src/history/types.js';
import { cli } from '../support/cli.js';
import { scratchDirs } from '../support/scratch.js';
import { syntheticHistory } from '../history/syntheticHistory.js';

const scratch = scratchDirs('ccsim-forecast-');

/** The history as an ACD export would write it: rows for open days and opening hours only. */
function historyCsv(h: IntervalHistory, header = 'date,interval_start,type,offered,aht'): string {
  const lines = [header];
  for (let d = 0; d < h.days; d++) {
    if (h.open[d] !== 1) continue;
    for (let s = 8; s < 20; s++) {
      h.types.forEach((type, k) => {
        const i = cellIndex(h.slots, h.types.length, d, k, s);
        const aht = h.aht[i]!;
        lines.push(`${dateText(h.firstDay + d)},${String(s).padStart(2, '0')}:00,${type},${h.offered[i]},${Number.isFinite(aht) ? aht.toFixed(1) : ''}`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

const history = syntheticHistory({ weeks: 10, seed: 21, types: ['calls', 'chat'] });
const dir = scratch();
const file = join(dir, 'history.csv');
writeFileSync(file, historyCsv(history));
// The file's last rows are of Saturday 2024-03-09 (Sundays are closed: no rows), so the history ends there.
const start = '2024-03-11';

describe('ccsim forecast', () => {
  it('--help prints the usage within 100 columns; ccsim --help lists the command', async () => {
    const { code, stdout } = await cli('forecast', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: ccsim forecast <history.csv> --start YYYY-MM-DD --days N/);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect((await cli('--help')).stdout).toContain('ccsim forecast <history.csv>');
  });

  it('prints a readable report within 100 columns: the backtest per type and the daily totals', async () => {
    const { code, stdout, stderr } = await cli('forecast', file, '--start', start, '--days', '14');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const api = await forecast(file, { start, days: 14 });
    const calls = api.byType[0]!;
    const row = stdout.split('\n').find((l) => l.startsWith('calls '))!;
    expect(row.split(/\s+/).slice(1, 5)).toEqual([
      `${(calls.backtest.wape! * 100).toFixed(1)}%`,
      `${(calls.backtest.baselineWape! * 100).toFixed(1)}%`,
      `${calls.backtest.bias! > 0 ? '+' : ''}${(calls.backtest.bias! * 100).toFixed(1)}%`,
      `${(calls.backtest.coverage80! * 100).toFixed(1)}%`,
    ]);
    expect(stdout).toMatch(/^2024-03-11 {2}Mon {2}\s*[\d,]+ {2}\s*[\d,]+$/m);
    expect(stdout).toMatch(/^2024-03-17 {2}Sun {2}\s*0 {2}\s*0$/m);
    expect(stdout).toContain('Closed (no contacts in the last 8 weeks), forecast 0: Sun');
  });

  it('--json prints the contract\'s shape, the same as the Node API\'s forecast', async () => {
    const { code, stdout } = await cli('forecast', file, '--start', start, '--days', '7', '--json', '--backtest-weeks', '3');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.method).toMatch(/fixed effects/);
    expect(Object.keys(json.byType)).toEqual(['calls', 'chat']);
    for (const key of ['weeks', 'wape', 'baselineWape', 'bias', 'coverage80']) expect(json.byType.calls.backtest).toHaveProperty(key);
    expect(json.byType.calls.backtest.weeks).toBe(3);
    expect(json.rows).toHaveLength(7 * 12 * 2);
    expect(json).toEqual(JSON.parse(JSON.stringify(forecastJson(await forecast(file, { start, days: 7, backtestWeeks: 3 })))));
  });

  it('--out writes the forecast CSV; a holiday file is read and reported', async () => {
    const out = join(scratch(), 'forecast.csv');
    const holidays = join(dir, 'holidays.txt');
    writeFileSync(holidays, '# public holidays\n2024-02-19\n2024-03-12,Some day\n');
    const { code, stdout } = await cli('forecast', file, '--start', start, '--days', '3', '--out', out, '--holidays', holidays);
    expect(code).toBe(0);
    const api = await forecast(file, { start, days: 3, holidays: ['2024-02-19', '2024-03-12'] });
    expect(readFileSync(out, 'utf8')).toBe(forecastCsv(api));
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('date,interval_start,type,volume,aht,volume_lo,volume_hi');
    expect(stdout).toMatch(/^2024-03-12 {2}Tue \*/m);
    expect(stdout).toContain('Holidays left out of the fit and the backtest: 2024-02-19');
  });

  it('--columns maps another export\'s headers', async () => {
    const renamed = join(dir, 'renamed.csv');
    writeFileSync(renamed, historyCsv(history, 'Date,Interval,Queue,Calls Offered,Handle Time'));
    const { code, stdout } = await cli('forecast', renamed, '--start', start, '--days', '2', '--json', '--columns', 'interval_start=Interval,type=Queue,offered="Calls Offered",aht=Handle Time');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).rows).toEqual(forecastJson(await forecast(file, { start, days: 2 })).rows);
  });

  it('refuses bad requests with the flag named, exit 2, and no file written', async () => {
    const out = join(scratch(), 'never.csv');
    const cases: [string[], RegExp][] = [
      [['--start', '2024-03-09', '--days', '7'], /^ccsim forecast: --start: 2024-03-09 is not after the history, which ends on 2024-03-09: a forecast starts on 2024-03-10 or later/],
      [['--start', '2024-3-11', '--days', '7'], /^ccsim forecast: --start: expected a date YYYY-MM-DD/],
      [['--days', '7'], /^ccsim forecast: --start: required/],
      [['--start', start], /^ccsim forecast: --days: required/],
      [['--start', start, '--days', '400'], /^ccsim forecast: --days: at most 366/],
      [['--start', start, '--days', '7', '--backtest-weeks', '9'], /^ccsim forecast: --backtest-weeks: the history has 69 days .* needs 77 .* ask for at most 7 backtest weeks/],
      [['--start', start, '--days', '7', '--columns', 'offered'], /^ccsim forecast: --columns: expected column=header pairs/],
    ];
    for (const [flags, message] of cases) {
      const { code, stderr } = await cli('forecast', file, ...flags, '--out', out);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('refuses a bad holidays file and a malformed history naming file and line', async () => {
    const holidays = join(dir, 'bad-holidays.txt');
    writeFileSync(holidays, '2024-01-01\nChristmas\n');
    const bad = await cli('forecast', file, '--start', start, '--days', '7', '--holidays', holidays);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${holidays}:2: expected a date YYYY-MM-DD, not "Christmas"`);
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, historyCsv(history).replace(/\n2024-01-02,09:00,calls,(\d+),/, '\n2024-01-02,09:00,calls,many,'));
    const malformed = await cli('forecast', broken, '--start', start, '--days', '7');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/broken\.csv.*offered/);
  });
});
