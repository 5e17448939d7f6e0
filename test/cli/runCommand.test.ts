import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/node/writeFilesAtomic.js';
import { cli } from '../support/cli.js';
import { scratchDirs } from '../support/scratch.js';
import { checkContractShape, itChecksContractShape } from '../support/contractShape.js';

const root = new URL('../../', import.meta.url).pathname;
const erlangCheck = join(root, 'scenarios/erlang-check.json');
const twoSkills = join(root, 'scenarios/two-skills.json');
const scratch = scratchDirs();

const validScenario = {
  name: 'small',
  intervalMinutes: 30,
  intervals: 2,
  contactTypes: [
    { id: 'calls', channel: 'voice', volume: [50, 60], handleTime: { dist: 'exponential', mean: 200 }, serviceLevel: { seconds: 20, target: 0.8 } },
  ],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: [8, 9] }],
};

function scenarioFile(body: unknown): string {
  const file = join(scratch(), 'scenario.json');
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
}

describe('ccsim run', () => {
  it('run <scenario> --json prints one JSON document with the contract keys', async () => {
    const { code, stdout } = await cli('run', twoSkills, '--replications', '3', '--seed', '42', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scenario).toBe('Two skills with a cross-trained pool');
    expect(out.replications).toBe(3);
    expect(out.seed).toBe(42);
    expect(Object.keys(out.byType)).toEqual(['sales', 'support']);
    expect(Object.keys(out.byGroup)).toEqual(['sales-team', 'support-team', 'flex']);
    expect(out.intervals).toHaveLength(16);
    expect(out.intervals[0].start).toBe('08:00');
    expect(out.intervals[15].start).toBe('15:30');
    for (const k of ['arrivals', 'contained', 'offered', 'answered', 'abandoned', 'unresolved', 'serviceLevel', 'asa', 'abandonRate']) {
      expect(out.summary[k], k).toEqual({ mean: expect.any(Number), ci95: expect.any(Number), n: 3 });
    }
    // No bot anywhere: containment rate is undefined, so null (never NaN).
    expect(out.summary.containmentRate).toEqual({ mean: null, ci95: null, n: 3 });
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  itChecksContractShape('run --json output passes the shared contract shape check', async () => {
    const { stdout } = await cli('run', erlangCheck, '--replications', '2', '--json');
    const result = checkContractShape('run', stdout);
    expect(result.stdout).toContain('matches the contract');
    expect(result.status).toBe(0);
  });

  it('same scenario, seed and replications give byte-identical JSON; another seed differs', async () => {
    const a = await cli('run', twoSkills, '--replications', '4', '--seed', '9', '--json');
    const b = await cli('run', twoSkills, '--replications', '4', '--seed', '9', '--json');
    const c = await cli('run', twoSkills, '--replications', '4', '--seed', '10', '--json');
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('the readable report shows the KPI table by default', async () => {
    const { code, stdout } = await cli('run', twoSkills, '--replications', '2');
    expect(code).toBe(0);
    expect(stdout).toContain('service level');
    expect(stdout).toMatch(/^sales\s+\d+/m);
    expect(stdout).toMatch(/^flex\s+\d+\.\d%/m);
  });

  it('--out and --csv are written when the run succeeds', async () => {
    const dir = scratch();
    const { code } = await cli('run', scenarioFile(validScenario), '--replications', '2', '--out', join(dir, 'o.json'), '--csv', join(dir, 'o.csv'));
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')).scenario).toBe('small');
    const csv = readFileSync(join(dir, 'o.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^interval,start,kind,type,group,arrivals,arrivals_ci95,/);
    expect(csv).toHaveLength(1 + 2 * 2); // per interval: the type's row and the group's row
  });
});

describe('ccsim run: bad input gets one clear message, exit 2, nothing written', () => {
  const cases: [string, unknown, string][] = [
    ['a negative mean', { ...validScenario, contactTypes: [{ ...validScenario.contactTypes[0], handleTime: { dist: 'exponential', mean: -5 } }] },
      'contactTypes[0].handleTime.mean: must be > 0'],
    ['a misspelt key', { ...validScenario, contactTypes: [{ ...validScenario.contactTypes[0], patiance: { dist: 'exponential', mean: 60 } }] },
      'contactTypes[0].patiance: unknown key (did you mean "patience"?)'],
    ['an unknown skill', { ...validScenario, agentGroups: [{ id: 'team', skills: ['calls', 'emial'], staff: 3 }] },
      'agentGroups[0].skills[1]: unknown contact type "emial"'],
    ['an array of the wrong length', { ...validScenario, agentGroups: [{ id: 'team', skills: ['calls'], staff: [1, 2, 3] }] },
      'agentGroups[0].staff: has 3 values, expected 2 (one per interval)'],
    ['a wrong enum', { ...validScenario, contactTypes: [{ ...validScenario.contactTypes[0], channel: 'fax' }] },
      'contactTypes[0].channel: must be one of "voice", "chat", "email"'],
    ['invalid JSON', '{ "name": "x", }', '(file): not valid JSON'],
    ['a missing required field', { ...validScenario, name: undefined }, 'name: required'],
  ];
  for (const [what, body, message] of cases) {
    it(`${what}: "${message}"`, async () => {
      const out = join(scratch(), 'out.json');
      const { code, stdout, stderr } = await cli('run', scenarioFile(body), '--out', out, '--json');
      expect(code).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(stdout).toBe('');
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a missing file, bad flags and unknown commands exit 2 with one line', async () => {
    expect(await cli('run', '/nonexistent/x.json')).toMatchObject({ code: 2, stderr: 'ccsim run: /nonexistent/x.json: no such file\n' });
    expect(await cli('run', erlangCheck, '--replications', '0')).toMatchObject({ code: 2, stderr: expect.stringContaining('--replications: must be an integer >= 1') });
    expect(await cli('run', erlangCheck, '--seed', 'abc')).toMatchObject({ code: 2, stderr: expect.stringContaining('--seed: must be an integer >= 0') });
    expect(await cli('run', erlangCheck, '--bogus')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
    expect(await cli('run')).toMatchObject({ code: 2, stderr: expect.stringContaining('expected one scenario file') });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
  });

  it('a value starting with a dash is explained, not called "ambiguous"', async () => {
    expect(await cli('run', erlangCheck, '--seed', '-1')).toMatchObject({ code: 2, stderr: 'ccsim run: --seed: the value "-1" starts with "-"; write --seed=-1 if you mean it\n' });
    expect(await cli('run', erlangCheck, '--seed=-1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--seed: must be an integer >= 0, got "-1"') });
  });

  it('output files that cannot be written are refused before any simulation (1,000 replications would take half a minute)', async () => {
    const dir = scratch();
    const big = ['--replications', '1000', '--workers', '1'];
    expect(await cli('run', erlangCheck, ...big, '--out', join(dir, 'missing', 'o.json'))).toEqual({
      code: 2,
      stdout: '',
      stderr: `ccsim run: --out ${join(dir, 'missing', 'o.json')}: no such directory: ${join(dir, 'missing')}\n`,
    });
    expect(await cli('run', erlangCheck, ...big, '--csv', dir)).toMatchObject({ code: 2, stderr: `ccsim run: --csv ${dir}: is a directory\n` });
    expect(await cli('run', erlangCheck, ...big, '--out', join(dir, 'a'), '--trace', join(dir, '.', 'a'))).toMatchObject({
      code: 2,
      stderr: `ccsim run: --out and --trace name the same file (${join(dir, 'a')}); give each its own\n`,
    });
    expect(await cli('staff', erlangCheck, '--method', 'simulation', '--write-scenario', join(dir, 'no', 's.json'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`--write-scenario ${join(dir, 'no', 's.json')}: no such directory`),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('output files are written all or none: one that fails leaves no other and no temporary file', async () => {
    const dir = scratch();
    await expect(writeFilesAtomic([{ path: join(dir, 'a.json'), text: '{}' }, { path: join(dir, 'gone', 'b.csv'), text: 'x' }])).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(dir)).toEqual([]);
    await writeFilesAtomic([{ path: join(dir, 'a.json'), text: '{}' }, { path: join(dir, 'b.csv'), text: 'x' }]);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.csv']);
  });

  it('--help on each command prints usage and exits 0', async () => {
    for (const command of ['run', 'erlang', 'schema']) {
      const { code, stdout } = await cli(command, '--help');
      expect(code, command).toBe(0);
      expect(stdout, command).toMatch(/Usage/i);
    }
  });
});

describe('ccsim run --precision-type', () => {
  const retail = join(root, 'scenarios/retail-day.json');

  it('names the type it checked: the given one, or by default the one with the widest interval', async () => {
    const given = await cli('run', retail, '--replications', '4', '--precision', '0.05', '--precision-type', 'chat', '--json');
    expect(given.code).toBe(0);
    const out = JSON.parse(given.stdout);
    expect(out.precision).toMatchObject({ type: 'chat', typeChosenBy: 'given', achieved: out.byType.chat.serviceLevel.ci95 });
    const readable = await cli('run', retail, '--replications', '4', '--precision', '0.05', '--no-intervals');
    expect(readable.code).toBe(0);
    const line = /^precision: (\w+) service level ±(\d+\.\d\d) points after (\d+) replications \(target ±5\.00\)$/m.exec(readable.stdout);
    expect(line).not.toBeNull();
    expect(readable.stdout).toContain(`  ${line![1]}: the contact type with the widest interval (--precision-type ID to choose one)`);
    const json = JSON.parse((await cli('run', retail, '--replications', line![3]!, '--json')).stdout);
    const widths = Object.entries(json.byType as Record<string, { serviceLevel: { ci95: number } }>).map(([t, k]) => [t, k.serviceLevel.ci95] as const);
    const widest = widths.reduce((w, x) => (x[1] > w[1] ? x : w));
    expect(line![1]).toBe(widest[0]);
    expect(line![2]).toBe((widest[1] * 100).toFixed(2));
  });

  it('an unknown type, or the flag without --precision, exits 2 naming the flag (and the valid ids), nothing written', async () => {
    const out = join(scratch(), 'out.json');
    const unknown = await cli('run', retail, '--precision', '0.05', '--precision-type', 'voice', '--out', out);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('ccsim run: --precision-type: no contact type "voice" in "Retail day"; its types are calls, chat, email\n');
    expect(existsSync(out)).toBe(false);
    const alone = await cli('run', retail, '--precision-type', 'calls', '--out', out);
    expect(alone).toMatchObject({ code: 2, stderr: 'ccsim run: --precision-type: only with --precision\n' });
    expect(existsSync(out)).toBe(false);
  });
});

describe('the ccsim bin', () => {
  it('npx-style invocation runs the CLI and returns its exit code', () => {
    const bin = join(root, 'bin/ccsim.js');
    const ok = execFileSync(process.execPath, [bin, 'erlang', '--volume', '100', '--interval-minutes', '30', '--aht', '180', '--sl-seconds', '20', '--agents', '14', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(ok)).toMatchObject({ model: 'erlang-c', agents: 14 });
    const bad = spawnSync(process.execPath, [bin, 'run', '/nonexistent.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
