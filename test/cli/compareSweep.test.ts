import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const retail = join(root, 'scenarios/retail-day.json');
const bot = join(root, 'scenarios/chatbot-voice.json');
const twoSkills = join(root, 'scenarios/two-skills.json');
const shapeChecker = join(root, '../shared/contract/check-shape.mjs');

describe('ccsim compare', () => {
  it('prints paired deltas with confidence intervals', async () => {
    const { code, stdout } = await cli('compare', retail, bot, '--replications', '5');
    expect(code).toBe(0);
    expect(stdout).toMatch(/service level\s+\S+%\s+\S+%\s+\+\d+\.\d pts ±\d+\.\d/);
    expect(stdout).toContain('change (paired 95% CI)');
  });

  it.skipIf(!existsSync(shapeChecker))('--json has the contract shape', async () => {
    const { stdout } = await cli('compare', retail, bot, '--replications', '2', '--json');
    const out = JSON.parse(stdout);
    expect(out.baseline).toBe('Retail day');
    expect(out.deltas[0].scenario).toBe('Retail day with a voice bot');
    const check = spawnSync(process.execPath, [shapeChecker, 'compare', '-'], { input: stdout, encoding: 'utf8' });
    expect(check.stdout).toContain('matches the contract');
  });

  it('needs two scenarios', async () => {
    expect(await cli('compare', retail)).toMatchObject({ code: 2, stderr: expect.stringContaining('at least one other scenario') });
  });
});

describe('ccsim sweep', () => {
  it.skipIf(!existsSync(shapeChecker))('--json has the contract shape', async () => {
    const { code, stdout } = await cli('sweep', twoSkills, '--set', 'agentGroups[2].staff=4,8', '--replications', '2', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).parameter).toBe('agentGroups[2].staff');
    const check = spawnSync(process.execPath, [shapeChecker, 'sweep', '-'], { input: stdout, encoding: 'utf8' });
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
