import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { intraday, simulate } from '../../src/node/api.js';
import { parseScenario } from '../../src/scenario/index.js';
import { cli } from '../support/cli.js';

const input = {
  name: 'day',
  intervalMinutes: 30,
  intervals: 8,
  start: '08:00',
  warmupMinutes: 30,
  contactTypes: [
    { id: 'calls', channel: 'voice', volume: [60, 80, 100, 120, 110, 90, 70, 50], handleTime: { dist: 'lognormal', mean: 240, cv: 0.8 }, patience: { dist: 'gamma', mean: 150, cv: 1.4 }, serviceLevel: { seconds: 20, target: 0.8 } },
  ],
  agentGroups: [
    { id: 'team', skills: ['calls'], staff: [9, 11, 13, 15, 14, 12, 10, 8] },
    { id: 'shifted', skills: ['calls'], shifts: [{ start: '08:00', minutes: 240, count: 2 }] },
  ],
};
const dir = mkdtempSync(join(tmpdir(), 'ccsim-intraday-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const kpis = (o: { summary: unknown; byType: unknown; byGroup: unknown; intervals: unknown }) => JSON.stringify([o.summary, o.byType, o.byGroup, o.intervals]);

describe('ccsim intraday: the rest of the day from the state of now', () => {
  it('a state with nobody waiting or in hand is exactly a plain run from that interval without warm-up', async () => {
    const out = await intraday(input, { now: '10:00', state: {}, replications: 6, seed: 3, workers: 1 });
    const plain = await simulate(
      parseScenario({
        ...input,
        intervals: 4,
        start: '10:00',
        warmupMinutes: 0,
        contactTypes: [{ ...input.contactTypes[0]!, volume: [110, 90, 70, 50].map((_, i) => input.contactTypes[0]!.volume[i + 4]!) }],
        agentGroups: [{ ...input.agentGroups[0]!, staff: [14, 12, 10, 8] }, input.agentGroups[1]!],
      }),
      { replications: 6, seed: 3, workers: 1 },
    );
    expect(plain.intervals.map((iv) => iv.start)).toEqual(['10:00', '10:30', '11:00', '11:30']);
    expect(kpis(out)).toBe(kpis(plain));
    expect(out.carriedIn).toEqual({ calls: 0 });
    expect(out.reforecast).toEqual({ calls: 1 });
  });

  it('waiting contacts count in the first interval (answered + abandoned + unresolved = arrivals + carried in), not in arrivals', async () => {
    const waiting = [400, 300, 200, 100, 50, 10];
    const out = await intraday(input, { now: '10:00', state: { waiting: { calls: waiting }, inService: { team: { calls: [10, 20, 30] } } }, replications: 4, seed: 2, workers: 1 });
    const first = out.intervals[0]!.byType['calls']!;
    const ended = first.answered.mean! + first.abandoned.mean! + first.unresolved.mean!;
    expect(ended).toBeCloseTo(first.arrivals.mean! + waiting.length, 9);
    expect(first.offered.mean).toBe(first.arrivals.mean);
    expect(out.carriedIn).toEqual({ calls: 6 });
    // The ones that waited 400 s already miss a 20 s target whatever happens: SL is below 100%.
    expect(first.serviceLevel.mean!).toBeLessThan(1 - 5 / (first.answered.mean! + first.abandoned.mean!) + 1e-9);
  });

  it('the CLI: readable and JSON output; a bad state, --now off the grid and a staff change on a shift group exit 2 with nothing written', async () => {
    const scenario = file('day.json', input);
    const state = file('state.json', { waiting: { calls: [30, 5] } });
    const ok = await cli('intraday', scenario, '--now', '09:00', '--state', state, '--replications', '3', '--json');
    expect(ok.code, ok.stderr).toBe(0);
    const doc = JSON.parse(ok.stdout) as { intervals: { start: string }[]; carriedIn: Record<string, number>; reforecast: Record<string, number> };
    expect(doc.intervals.map((iv) => iv.start)).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect(doc.carriedIn).toEqual({ calls: 2 });
    const readable = await cli('intraday', scenario, '--now', '09:00', '--state', state, '--replications', '3');
    expect(readable.stdout).toMatch(/^The rest of the day from 09:00: 6 intervals/);
    for (const l of readable.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(100);
    // --set applies a what-if before the run: twice the volume from now on means more arrivals.
    const doubled = await cli('intraday', scenario, '--now', '09:00', '--state', state, '--replications', '3', '--json', '--set', 'contactTypes[0].volume=*2');
    expect(doubled.code, doubled.stderr).toBe(0);
    const arrivals = (text: string) => (JSON.parse(text) as { summary: { arrivals: { mean: number } } }).summary.arrivals.mean;
    expect(arrivals(doubled.stdout)).toBeGreaterThan(1.7 * arrivals(ok.stdout));
    const out = join(dir, 'never.json');
    const cases: [string[], RegExp][] = [
      [['--now', '09:00', '--state', state, '--set', 'contactTypes[0].volum=3'], /--set: no field contactTypes\[0\]\.volum in the scenario/],
      [['--now', '09:10', '--state', state], /--now: 09:10 is not an interval boundary/],
      [['--now', '09:00', '--state', file('bad.json', { waiting: { calls: [-1] }, inService: { team: { cals: [1] } } })], /waiting\.calls\[0\]: must be a number of seconds >= 0, got -1\n {2}inService\.team\.cals: no contact type "cals" in the scenario \(did you mean "calls"\?\)/],
      [['--now', '09:00', '--state', file('shift.json', { staff: { shifted: 5 } })], /staff\.shifted: group shifted is staffed by shifts/],
      [['--now', '09:00', '--state', file('broken.json', '{ "waiting": ')], /broken\.json: not valid JSON/],
      [['--now', '09:00'], /--state: required/],
    ];
    for (const [args, message] of cases) {
      const r = await cli('intraday', scenario, ...args, '--out', out);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('compare --now --state: what-ifs from the same state of now, paired (same customers: arrivals differ by exactly 0)', async () => {
    const keep = file('keep.json', input);
    const more = file('more.json', { ...input, name: 'more', agentGroups: [{ ...input.agentGroups[0]!, staff: input.agentGroups[0]!.staff!.map((v, i) => (i >= 4 ? v + 3 : v)) }, input.agentGroups[1]!] });
    const state = file('busy.json', { waiting: { calls: [200, 150, 120, 90, 60, 30, 10] }, inService: { team: { calls: [5, 60, 120] } } });
    const r = await cli('compare', keep, more, '--now', '10:00', '--state', state, '--replications', '8', '--json');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { runs: { intervals: { start: string }[] }[]; deltas: { summary: Record<string, { mean: number; ci95: number }> }[] };
    expect(doc.runs[0]!.intervals[0]!.start).toBe('10:00');
    expect(doc.deltas[0]!.summary['arrivals']).toMatchObject({ mean: 0, ci95: 0 });
    expect(doc.deltas[0]!.summary['serviceLevel']!.mean).toBeGreaterThan(doc.deltas[0]!.summary['serviceLevel']!.ci95);
    const half = await cli('compare', keep, more, '--now', '10:00');
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/--now and --state go together/);
  });
});

describe('README: the 11:00 example', () => {
  it('runs as written; every readable line fits 100 columns; cancelling the training helps billing', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Intraday: the rest of today'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
    const commands = block.split('\n').filter((l) => l.startsWith('npx ccsim ')).map((l) => l.replace(/^npx ccsim /, '').replaceAll('$I', join(root, 'examples/intraday')).split(/\s+/));
    expect(commands.map((c) => c[0])).toEqual(['intraday', 'compare']);
    for (const argv of commands) {
      const r = await cli(...argv, '--replications', '10');
      expect(r.code, r.stderr).toBe(0);
      for (const l of r.stdout.split('\n')) expect(l.length, l).toBeLessThanOrEqual(100);
      if (argv[0] === 'intraday') expect(r.stdout).toMatch(/billing\s+12\s+1\.080\s+509 \/ 460\s+75%/);
      if (argv[0] === 'compare') expect(r.stdout).toMatch(/billing service level \(30 s\)\s+\S+%\s+\S+%\s+\+\d+\.\d pts/);
    }
  });
});
