import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { scratchDirs } from '../support/scratch.js';
import { parseScenario } from '../../src/scenario/index.js';
import { dateText, dayNumber } from '../../src/history/calendar.js';
import { synthesizeHistory } from '../../src/history/synthesize.js';

const newDir = scratchDirs('ccsim-fit-');
const truth = parseScenario({
  name: 'truth',
  intervalMinutes: 30,
  intervals: 8,
  start: '09:00',
  contactTypes: [
    {
      id: 'calls',
      channel: 'voice',
      volume: [40, 50, 60, 60, 50, 50, 40, 30],
      handleTime: { dist: 'gamma', mean: 200, cv: 0.7 },
      patience: { dist: 'weibull', shape: 1.3, scale: 120 },
      serviceLevel: { seconds: 20, target: 0.8 },
    },
  ],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: 7 }],
});
const plan = { ...truth, name: 'plan', contactTypes: [{ ...truth.contactTypes[0]!, volume: 1, handleTime: { dist: 'exponential', mean: 60 }, patience: undefined }] };

const clock = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 23);
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const cell = (v: number) => (Number.isFinite(v) ? String(+v.toFixed(3)) : '');

/** Five weeks of weekday history, as an ACD would export it. */
function files(): { dir: string; scenario: string; history: string; contacts: string } {
  const dir = newDir();
  const history = ['date,interval_start,type,offered,answered,abandoned,aht,asa,service_level'];
  const contacts = ['type,arrival,answered,ended,outcome,acw,group'];
  synthesizeHistory(truth, { fromDay: dayNumber('2026-03-02')!, days: 35, seed: 2, weekdayFactors: [1, 1, 1, 1, 1, 0, 0] }, {
    interval: (r) => history.push([dateText(r.day), hhmm(r.minute), r.type, r.offered, r.answered, r.abandoned, cell(r.aht), cell(r.asa), cell(r.serviceLevel)].join(',')),
    contact: (r) => contacts.push([r.type, clock(r.arrival), r.outcome === 'answered' ? clock(r.answered) : '', clock(r.ended), r.outcome, '', r.group].join(',')),
  });
  const paths = { dir, scenario: join(dir, 'plan.json'), history: join(dir, 'history.csv'), contacts: join(dir, 'contacts.csv') };
  writeFileSync(paths.scenario, JSON.stringify(plan));
  writeFileSync(paths.history, `${history.join('\n')}\n`);
  writeFileSync(paths.contacts, `${contacts.join('\n')}\n`);
  return paths;
}

describe('ccsim fit', () => {
  const f = files();

  it('prints a table per type within 100 columns, writes a scenario that ccsim run runs as is', async () => {
    const out = join(f.dir, 'fitted.json');
    const r = await cli('fit', f.scenario, '--history', f.history, '--contacts', f.contacts, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/fitted to 2026-04-06/); // the Monday after five weeks
    expect(r.stdout).toMatch(/patience mean \(s\)/);
    expect(r.stdout).toMatch(/S\(60\)=0\.\d\d/);
    expect(r.stdout).toMatch(/fitted scenario written to/);
    const fitted = JSON.parse(readFileSync(out, 'utf8'));
    expect(fitted.contactTypes[0].patience.dist).toBe('weibull');
    const run = await cli('run', out, '--replications', '2');
    expect(run.code).toBe(0);
  });

  it('--json gives every estimate with its SE, method and n, plus notes and the scenario', async () => {
    const r = await cli('fit', f.scenario, '--history', f.history, '--contacts', f.contacts, '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const calls = doc.byType.calls;
    for (const e of [calls.volume.total, calls.handleTime.aht, calls.handleTime.cv, calls.patience.mean, calls.volumeUncertainty.cv]) {
      expect(e).toEqual(expect.objectContaining({ value: expect.any(Number), se: expect.any(Number), method: expect.any(String), n: expect.any(Number) }));
      expect(e.lo).toBeLessThanOrEqual(e.value);
    }
    expect(calls.patience.family).toBe('weibull');
    expect(calls.patience.parameters.shape.lo).toBeLessThan(1.3);
    expect(calls.patience.parameters.shape.hi).toBeGreaterThan(1.3);
    expect(calls.handleTime.family).toBe('gamma');
    expect(Array.isArray(doc.notes)).toBe(true);
    expect(doc.scenario.contactTypes[0].id).toBe('calls');
  });

  it('bad input: exit 2, the flag or line named, nothing written', async () => {
    const out = join(f.dir, 'never.json');
    const noHistory = await cli('fit', f.scenario, '--out', out);
    expect(noHistory.code).toBe(2);
    expect(noHistory.stderr).toMatch(/--history: required/);
    const badDate = await cli('fit', f.scenario, '--history', f.history, '--date', '2026-02-30', '--out', out);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--date: must be a calendar date/);
    const pastDate = await cli('fit', f.scenario, '--history', f.history, '--date', '2026-03-10', '--out', out);
    expect(pastDate.code).toBe(2);
    expect(pastDate.stderr).toMatch(/--date: .*not after the history/);
    const log = join(f.dir, 'bad-log.csv');
    writeFileSync(log, 'type,arrival,answered,ended,outcome\ncalls,2026-03-02T09:00:10,2026-03-02T09:00:00,2026-03-02T09:03:00,answered\n');
    const badLog = await cli('fit', f.scenario, '--history', f.history, '--contacts', log, '--out', out);
    expect(badLog.code).toBe(2);
    expect(badLog.stderr).toMatch(/bad-log\.csv:2/);
    // A scenario none of whose types is in the history: nothing to fit is an error, not a copy.
    const other = join(f.dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...plan, contactTypes: [{ ...plan.contactTypes[0]!, id: 'billing' }], agentGroups: plan.agentGroups.map((g) => ({ ...g, skills: ['billing'] })) }));
    const unrelated = await cli('fit', other, '--history', f.history, '--out', out);
    expect(unrelated.code).toBe(2);
    expect(unrelated.stderr).toMatch(/--history: no contact type of the scenario is in the history \(history: calls; scenario: billing\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('ccsim fit --holidays', () => {
  const E = new URL('../../examples/history/', import.meta.url).pathname;
  const cv = async (...extra: string[]) => {
    const r = await cli('fit', `${E}skeleton.json`, '--history', `${E}history.csv`, '--json', ...extra);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { byType: Record<string, { volumeUncertainty: { cv: { value: number; n: number } } }> }).byType['billing']!.volumeUncertainty.cv;
  };
  it('leaves the listed days out of the backtest behind volumeUncertainty.cv (the storm day: cv back near the truth 0.08)', async () => {
    const dir = newDir();
    const storm = join(dir, 'storm.txt');
    writeFileSync(storm, '2026-10-12\n');
    const all = await cv();
    const without = await cv('--holidays', storm);
    expect(without.n).toBe(all.n - 1);
    expect(all.value).toBeGreaterThan(0.12);
    expect(Math.abs(without.value - 0.08)).toBeLessThan(0.03);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '2026-10-12\nnot-a-date\n');
    const r = await cli('fit', `${E}skeleton.json`, '--history', `${E}history.csv`, '--holidays', bad, '--out', join(dir, 'never.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.txt:2: expected a date YYYY-MM-DD/);
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });
});
