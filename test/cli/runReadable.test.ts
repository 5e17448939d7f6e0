import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { scratchDirs } from '../support/scratch.js';

const root = new URL('../../', import.meta.url).pathname;
const retail = join(root, 'scenarios/retail-day.json');
const emailBacklog = join(root, 'scenarios/email-backlog.json');
const scratch = scratchDirs();

const quick = ['--replications', '2', '--workers', '1'];

describe('ccsim run --type / --group', () => {
  it('show only the named type and group in the readable report (no pooled ALL rows)', async () => {
    const { code, stdout } = await cli('run', retail, ...quick, '--type', 'calls', '--group', 'voice-team');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^calls\s+\d+/m);
    expect(stdout).not.toMatch(/^(chat|email|ALL|digital-team)\s/m);
    expect(stdout).not.toMatch(/\b(chat|email|digital-team)\b/);
    expect(stdout).toMatch(/^voice-team\s+\d+\.\d%/m);
    // The interval table: calls' and voice-team's columns only.
    expect(stdout).toMatch(/^\s+calls\s+voice-team$/m);
  });

  it('several may be named by repeating the flag', async () => {
    const { code, stdout } = await cli('run', retail, ...quick, '--type', 'email', '--type', 'calls', '--no-intervals');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^calls\s/m);
    expect(stdout).toMatch(/^email\s/m);
    expect(stdout).not.toMatch(/^chat\s/m);
  });

  it('filter the --csv rows too', async () => {
    const csvPath = join(scratch(), 'i.csv');
    const { code } = await cli('run', retail, ...quick, '--type', 'chat', '--group', 'digital-team', '--csv', csvPath);
    expect(code).toBe(0);
    const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(24 * 2);
    expect(new Set(rows.map((r) => `${r[2]}:${r[3]}${r[4]}`))).toEqual(new Set(['type:chat', 'group:digital-team']));
  });

  it.each([
    ['--type', 'cals', /^ccsim run: --type: unknown contact type "cals" \(the scenario has: calls, chat, email\)$/],
    ['--group', 'voice', /^ccsim run: --group: unknown agent group "voice" \(the scenario has: voice-team, digital-team\)$/],
  ])('%s with an unknown id: exit 2 naming the valid ids, nothing written', async (flag, id, message) => {
    const csvPath = join(scratch(), 'i.csv');
    const { code, stdout, stderr } = await cli('run', retail, ...quick, flag, id, '--csv', csvPath);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(message);
    expect(stdout).toBe('');
    expect(existsSync(csvPath)).toBe(false);
  });
});

describe('ccsim run readable figures', () => {
  it('durations in s, min or h as they fit; the JSON keeps seconds', async () => {
    const json = JSON.parse((await cli('run', emailBacklog, ...quick, '--json')).stdout);
    const asa: number = json.byType.email.asa.mean;
    expect(asa).toBeGreaterThan(3600);
    const { stdout } = await cli('run', emailBacklog, ...quick, '--no-intervals');
    const row = stdout.split('\n').find((l) => l.startsWith('email '))!;
    expect(row).toContain(`${(asa / 3600).toFixed(1)} h ±n/a`);
    expect(row).not.toMatch(/\d+\.\d s\b/);
  });

  it('cost is "-" when the scenario sets no cost, the figure when it does', async () => {
    const none = (await cli('run', retail, ...quick, '--no-intervals')).stdout;
    const header = none.split('\n').find((l) => l.includes('cost/contact'))!;
    expect(header).toBeDefined();
    for (const type of ['calls', 'chat', 'email', 'ALL']) {
      const row = none.split('\n').find((l) => l.startsWith(`${type} `) && /\d+\.\d\s+-\s+-$/.test(l));
      expect(row, type).toBeDefined();
    }
    const costed = (await cli('run', emailBacklog, ...quick, '--no-intervals')).stdout;
    expect(costed).toMatch(/^email .*\s\d+\s+\d+\.\d\d$/m);
  });

  it('below 5 replications the half-widths read "n/a", said once under the table; from 5 they are numbers', async () => {
    const few = (await cli('run', retail, ...quick)).stdout;
    expect(few).toContain('73.3% ±n/a');
    expect(few).not.toMatch(/±\d/);
    expect(few.match(/with 2 replications a 95% confidence interval is not meaningful/g)).toHaveLength(1);
    const enough = (await cli('run', retail, '--replications', '5', '--workers', '1', '--no-intervals')).stdout;
    expect(enough).not.toContain('n/a');
    expect(enough).toMatch(/^calls .*%\s±\d+\.\d/m);
  });

  it('the interval table shows each group\'s agents present and scheduled', async () => {
    const json = JSON.parse((await cli('run', retail, ...quick, '--json')).stdout);
    const { stdout } = await cli('run', retail, ...quick, '--group', 'voice-team', '--type', 'calls');
    const iv = json.intervals[7].byGroup['voice-team'];
    const row = stdout.split('\n').filter((l) => l.startsWith('11:30 ')).at(-1)!;
    expect(row.trim().split(/\s+/).slice(-4)).toEqual([expect.stringMatching(/%$/), '±n/a', iv.staffed.mean.toFixed(1), String(iv.scheduled)]);
    expect(stdout).toMatch(/staffed = agents present/);
  });
});
