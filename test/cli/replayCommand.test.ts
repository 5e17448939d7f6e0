import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dateText, dayNumber } from '../../src/history/calendar.js';
import { synthesizeHistory } from '../../src/history/synthesize.js';
import { formatClock, parseScenario } from '../../src/scenario/index.js';
import { AbortError, replay } from '../../src/index.js';
import { cli } from '../support/cli.js';
import { scratchDirs } from '../support/scratch.js';

const input = {
  name: 'small center',
  intervalMinutes: 60,
  intervals: 3,
  start: '09:00',
  contactTypes: [
    {
      id: 'calls',
      channel: 'voice',
      volume: [40, 60, 50],
      handleTime: { dist: 'exponential', mean: 200 },
      patience: { dist: 'exponential', mean: 100 },
      serviceLevel: { seconds: 20, target: 0.8 },
    },
  ],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: [3, 4, 3] }],
};
const newDir = scratchDirs('ccsim-replay-');
let dir = '';
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = newDir();
  writeFileSync(file('center.json'), JSON.stringify(input));
  const history = ['Day,Start,Queue,Calls Offered,answered,abandoned,aht,asa,service_level'];
  // The staff export shares the history export's header names (one --columns map for both).
  const staff = ['Day,Start,group,staff'];
  const plainStaff = ['date,interval_start,group,staff'];
  const cell = (x: number) => (Number.isNaN(x) ? '' : String(x));
  synthesizeHistory(parseScenario(input), { fromDay: dayNumber('2026-03-02')!, days: 4, seed: 9 }, {
    interval: (r) => history.push([dateText(r.day), formatClock(r.minute), r.type, r.offered, r.answered, r.abandoned, cell(r.aht), cell(r.asa), cell(r.serviceLevel)].join(',')),
    // No staff rows for the last date: it is skipped, and said so.
    staff(r) {
      if (r.day >= dayNumber('2026-03-05')!) return;
      const line = [dateText(r.day), formatClock(r.minute), r.group, r.staff].join(',');
      staff.push(line);
      plainStaff.push(line);
    },
  });
  writeFileSync(file('history.csv'), `${history.join('\n')}\n`);
  writeFileSync(file('staff.csv'), `${staff.join('\n')}\n`);
  writeFileSync(file('plain-staff.csv'), `${plainStaff.join('\n')}\n`);
});

const COLUMNS = 'date=Day,interval_start=Start,type=Queue,offered="Calls Offered"';
/** The command line, without `drop` (a flag and its value), plus `extra`. */
function args(extra: string[] = [], drop?: string): string[] {
  const flags: Record<string, string> = { '--history': file('history.csv'), '--staff': file('staff.csv'), '--columns': COLUMNS, '--replications': '20', '--workers': '1' };
  if (drop !== undefined) delete flags[drop];
  return ['replay', file('center.json'), ...Object.entries(flags).flat(), ...extra];
}

describe('ccsim replay', () => {
  it('--json prints the contract shape: byType.<id>.{coverage{serviceLevel,asa,abandonRate},intervals,slBiasPts,slMaePts}, rows', async () => {
    const r = await cli(...args(['--json']));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.byType)).toEqual(['calls']);
    const calls = out.byType.calls;
    expect(Object.keys(calls.coverage).sort()).toEqual(['abandonRate', 'asa', 'serviceLevel']);
    for (const key of ['intervals', 'slBiasPts', 'slMaePts']) expect(calls).toHaveProperty(key);
    expect(calls.intervals).toBe(3 * 3);
    expect(out.rows).toHaveLength(3 * 3);
    expect(out.rows[0]).toMatchObject({ date: '2026-03-02', interval: '09:00', type: 'calls' });
    expect(out.dates).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(out.skipped).toEqual([{ date: '2026-03-05', reason: 'no rows in the staff history' }]);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    // The Node API gives the same document.
    const api = await replay(file('center.json'), {
      history: file('history.csv'),
      staff: file('staff.csv'),
      columns: COLUMNS,
      replications: 20,
      workers: 1,
    });
    expect(JSON.parse(JSON.stringify(api))).toEqual(out);
  });

  it('the Node API reports progress over all dates and stops on abort with an AbortError', async () => {
    const controller = new AbortController();
    const seen: [number, number][] = [];
    const run = replay(file('center.json'), {
      history: file('history.csv'),
      staff: file('staff.csv'),
      columns: COLUMNS,
      replications: 20,
      workers: 1,
      signal: controller.signal,
      onProgress: (done, total) => {
        seen.push([done, total]);
        if (done === 25) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(seen[0]).toEqual([1, 60]);
    expect(seen.at(-1)![0]).toBeLessThan(30);
  });

  it('the same JSON with worker threads as in this thread', async () => {
    const one = await cli(...args(['--json']));
    const two = await cli(...args(['--workers', '2', '--json'], '--workers'));
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('reads as a verdict per KPI, worst intervals, the skipped date; writes the CSV; fits 100 columns', async () => {
    const r = await cli(...args(['--csv', file('rows.csv'), '--from', '2026-03-03']));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}service level: recorded inside the simulated band in \d+% of 6 intervals; bias [+-]\d+\.\d pts \(MAE \d+\.\d\)$/m);
    expect(r.stdout).toMatch(/^ {2}ASA: recorded inside the simulated band in \d+% of \d intervals; bias [+-]\d+\.\d s$/m);
    expect(r.stdout).toContain('Skipped: 2026-03-05 (no rows in the staff history)');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    const csv = readFileSync(file('rows.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'date,interval_start,type,offered,counted,service_level_recorded,service_level_simulated,service_level_lo,service_level_hi,service_level_inside,' +
        'asa_recorded,asa_simulated,asa_lo,asa_hi,asa_inside,abandon_rate_recorded,abandon_rate_simulated,abandon_rate_lo,abandon_rate_hi,abandon_rate_inside',
    );
    expect(csv).toHaveLength(1 + 2 * 3);
    expect(csv[1]).toMatch(/^2026-03-03,09:00,calls,\d+,1,/);
  });

  it('--staff-columns maps the staff file on its own when its export differs', async () => {
    const own = await cli(...args(['--json', '--staff', file('plain-staff.csv'), '--staff-columns', 'staff=staff'], '--staff'));
    expect(own.code).toBe(0);
    expect(own.stdout).toBe((await cli(...args(['--json']))).stdout);
    const shared = await cli(...args(['--staff', file('plain-staff.csv')], '--staff'));
    expect(shared.code).toBe(2);
    expect(shared.stderr).toContain('plain-staff.csv:1: missing columns date (--columns: "Day")');
  });

  it.each([
    [['--history'], '--history: required'],
    [['--from', '2026-02-30'], '--from: must be a calendar date YYYY-MM-DD, got "2026-02-30"'],
    [['--from', '2026-03-04', '--to', '2026-03-02'], '--to 2026-03-02 is before --from 2026-03-04'],
    [['--columns', 'offered'], '--columns: expected column=header pairs'],
    [['--from', '2026-04-01'], 'nothing to replay: the history ends on 2026-03-05, before the start of the range (2026-04-01)'],
    [['--from', '2026-04-01', '--to', '2026-04-03'], 'nothing to replay from 2026-04-01 to 2026-04-03: no date with rows in both files'],
    [['--replications', '0'], '--replications: must be an integer >= 1'],
  ])('refuses %j with exit 2, one line naming it, nothing written', async (change, message) => {
    const out = file(`bad-${change.join('')}.csv`);
    const r = await cli(...(change[0] === '--history' ? args(['--csv', out], '--history') : args([...change, '--csv', out], change[0] === '--columns' ? '--columns' : undefined)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a scenario group missing from the staff file, naming it', async () => {
    writeFileSync(file('two-groups.json'), JSON.stringify({ ...input, agentGroups: [...input.agentGroups, { id: 'backup', skills: ['calls'], staff: 1 }] }));
    const r = await cli('replay', file('two-groups.json'), '--history', file('history.csv'), '--staff', file('staff.csv'), '--columns', COLUMNS);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ccsim replay: agent group "backup" of the scenario has no rows in the staff history (its groups: team)\n');
  });
});
