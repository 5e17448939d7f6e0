import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { checkContractShape, itChecksContractShape } from '../support/contractShape.js';

const root = new URL('../../', import.meta.url).pathname;
const retail = join(root, 'scenarios/retail-day.json');
const bot = join(root, 'scenarios/chatbot-voice.json');
const twoSkills = join(root, 'scenarios/two-skills.json');

const erlangCheck = join(root, 'scenarios/erlang-check.json');

/** "12.1 s" / "-11.4 s ±0.9" / "+2.3 ±0.4" (unit in the header) as the readable reports print a Metric. */
const secs = (m: { mean: number }) => `${m.mean.toFixed(1)} s`;
const change = (m: { mean: number; ci95: number }, unit: string, f = 1) =>
  `${m.mean >= 0 ? '+' : ''}${(m.mean * f).toFixed(1)}${unit === '' ? '' : ` ${unit}`} ±${(m.ci95 * f).toFixed(1)}`;

describe('ccsim compare', () => {
  it('prints paired deltas with confidence intervals, pooled and per contact type', async () => {
    const { code, stdout } = await cli('compare', retail, bot, '--replications', '5');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^service level\s+\S+%\s+\S+%\s+\+\d+\.\d pts ±\d+\.\d$/m);
    expect(stdout).toContain('B - A (95% CI)');
    // The per-type rows carry the same figures as the JSON's runs[].byType and deltas[].byType.
    const out = JSON.parse((await cli('compare', retail, bot, '--replications', '5', '--json')).stdout);
    const [a, b] = [out.runs[0].byType.calls, out.runs[1].byType.calls];
    const d = out.deltas[0].byType.calls;
    const asaRow = stdout.split('\n').find((l) => l.startsWith('calls ASA'))!;
    expect(asaRow.split(/\s{2,}/)).toEqual(['calls ASA', secs(a.asa), secs(b.asa), change(d.asa, 's')]);
    const slRow = stdout.split('\n').find((l) => l.startsWith('calls service level (20 s)'))!;
    expect(slRow.split(/\s{2,}/).at(-1)).toBe(change(d.serviceLevel, 'pts', 100));
    expect(stdout).toMatch(/^chat service level \(60 s\)\s/m);
    expect(stdout).toMatch(/^email ASA\s/m);
    expect(stdout).toContain('Pooled service level and ASA mix calls (20 s), chat (60 s), email (4 h): read the per-type rows.');
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('three scenarios: each name is printed once (a letter in the table header), and lines fit 100 columns', async () => {
    const { code, stdout } = await cli('compare', retail, bot, erlangCheck, '--replications', '2');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    for (const name of ['Retail day', 'Retail day with a voice bot', 'Erlang check']) {
      expect(lines.filter((l) => l.includes(name)), name).toHaveLength(name === 'Retail day' ? 2 : 1);
    }
    expect(lines.slice(1, 4)).toEqual(['  A  Retail day  (baseline)', '  B  Retail day with a voice bot', '  C  Erlang check']);
    expect(lines.find((l) => l.startsWith('all types pooled'))!.split(/\s{2,}/)).toEqual(['all types pooled', 'A', 'B', 'B - A (95% CI)', 'C', 'C - A (95% CI)']);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('--json: deltas[].byType holds every contact type both scenarios have, beside the pooled summary', async () => {
    const { stdout } = await cli('compare', retail, erlangCheck, '--replications', '2', '--json');
    const out = JSON.parse(stdout);
    expect(Object.keys(out.deltas[0].byType)).toEqual(['calls']);
    expect(Object.keys(out.deltas[0].byType.calls)).toEqual(Object.keys(out.runs[0].byType.calls));
    expect(out.deltas[0].summary.occupancy.n).toBe(2);
  });

  itChecksContractShape('compare --json has the contract shape', async () => {
    const { stdout } = await cli('compare', retail, bot, '--replications', '2', '--json');
    const out = JSON.parse(stdout);
    expect(out.baseline).toBe('Retail day');
    expect(out.deltas[0].scenario).toBe('Retail day with a voice bot');
    const check = checkContractShape('compare', stdout);
    expect(check.stdout).toContain('matches the contract');
  });

  it('needs two scenarios', async () => {
    expect(await cli('compare', retail)).toMatchObject({ code: 2, stderr: expect.stringContaining('at least one other scenario') });
  });
});

describe('ccsim sweep', () => {
  it('per contact type: JSON points[].byType and points[].delta, readable per-type tables with the change against the first value', async () => {
    const args = ['sweep', twoSkills, '--set', 'agentGroups[2].staff=4,8', '--replications', '5'];
    const json = JSON.parse((await cli(...args, '--json')).stdout);
    expect(Object.keys(json.points[0].byType)).toEqual(['sales', 'support']);
    expect(json.points[0].delta).toBeUndefined();
    expect(Object.keys(json.points[1].delta.byType)).toEqual(['sales', 'support']);
    const { code, stdout } = await cli(...args);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const at = lines.indexOf('support (service level in 30 s)');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]!.split(/\s{2,}/)).toEqual(['value', 'SL', 'vs first', 'ASA', 'vs first', 'abandon', 'vs first', 'offered']);
    const p = json.points[1];
    const row = lines[at + 4]!.split(/\s{2,}/);
    expect(row.slice(0, 3)).toEqual(['8', `${(p.byType.support.serviceLevel.mean * 100).toFixed(1)}%`, change(p.delta.byType.support.serviceLevel, '', 100)]);
    expect(stdout).toContain('Pooled service level and ASA mix sales (20 s), support (30 s): read the per-type tables.');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  itChecksContractShape('sweep --json has the contract shape', async () => {
    const { code, stdout } = await cli('sweep', twoSkills, '--set', 'agentGroups[2].staff=4,8', '--replications', '2', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).parameter).toBe('agentGroups[2].staff');
    const check = checkContractShape('sweep', stdout);
    expect(check.stdout).toContain('matches the contract');
  });

  it('a bad path, value or resulting scenario is one clear error with exit 2', async () => {
    expect(await cli('sweep', twoSkills, '--set', 'agentGroups[9].staff=1,2')).toMatchObject({ code: 2, stderr: expect.stringContaining('no field agentGroups[9]') });
    expect(await cli('sweep', twoSkills, '--set', 'agentGroups[0].staff=1,abc')).toMatchObject({ code: 2, stderr: expect.stringContaining('value "abc" is not a number') });
    expect(await cli('sweep', twoSkills, '--set', 'contactTypes[0].serviceLevel.target=0.5,1.5')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('contactTypes[0].serviceLevel.target: must be <= 1'),
    });
    expect(await cli('sweep', twoSkills)).toMatchObject({ code: 2, stderr: expect.stringContaining('--set: expected PATH=V1,V2') });
  });
});

describe('Ctrl-C', () => {
  it('SIGINT stops a run at once with exit 130, one line on stderr, and nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccsim-sigint-'));
    const out = join(dir, 'out.json');
    const child = spawn(process.execPath, [join(root, 'bin/ccsim.js'), 'run', join(root, 'scenarios/erlang-check.json'), '--replications', '2000', '--workers', '2', '--out', out]);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 2500));
    const sent = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(performance.now() - sent).toBeLessThan(2000);
    expect(code).toBe(130);
    expect(stderr.trim().split('\n')).toEqual(['ccsim run: interrupted (Ctrl-C)']);
    expect(existsSync(out)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
