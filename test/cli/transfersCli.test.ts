import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { scratchDirs } from '../support/scratch.js';

const scratch = scratchDirs();
const exp = (mean: number) => ({ dist: 'exponential', mean });
const sl = { seconds: 20, target: 0.8 };

function scenarioFile(transfer: Record<string, unknown>): { dir: string; path: string } {
  const dir = scratch();
  const path = join(dir, 's.json');
  const scenario = {
    name: 'transfers',
    intervalMinutes: 30,
    intervals: 2,
    contactTypes: [
      { id: 'sales', channel: 'voice', volume: 60, handleTime: exp(120), serviceLevel: sl, transfer },
      { id: 'care', channel: 'voice', volume: 20, handleTime: exp(180), patience: exp(300), serviceLevel: sl, transfer: { probability: 0.1, to: 'billing' } },
      { id: 'billing', channel: 'voice', volume: 10, handleTime: exp(180), serviceLevel: sl },
    ],
    agentGroups: [{ id: 'all', skills: ['sales', 'care', 'billing'], staff: 8 }],
  };
  writeFileSync(path, JSON.stringify(scenario));
  return { dir, path };
}

describe('ccsim run with transfers', () => {
  it('shows transfers in JSON, CSV and the readable report', async () => {
    const { dir, path } = scenarioFile({ probability: 0.4, to: 'care', conferenceSeconds: 10 });
    const json = await cli('run', path, '--replications', '3', '--seed', '1', '--json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.summary.transfers.mean).toBeGreaterThan(0);
    expect(out.byType.sales.transfers.mean).toBe(0);
    expect(out.byType.care.transfers.mean).toBeGreaterThan(0);
    const csv = join(dir, 'out.csv');
    expect((await cli('run', path, '--replications', '3', '--seed', '1', '--csv', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toContain(',transfers,transfers_ci95,');
    const text = await cli('run', path, '--replications', '3', '--seed', '1');
    expect(text.stdout).toContain('transfers in');
    for (const line of text.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('refuses a transfer cycle: exit 2, the path named, nothing written', async () => {
    const { dir, path } = scenarioFile({ probability: 0.4, to: 'billing' });
    const scenario = JSON.parse(readFileSync(path, 'utf8'));
    scenario.contactTypes[2].transfer = { probability: 0.5, to: 'sales' };
    writeFileSync(path, JSON.stringify(scenario));
    const csv = join(dir, 'out.csv');
    const result = await cli('run', path, '--csv', csv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('contactTypes[0].transfer.to: transfers form a cycle (sales -> billing -> sales)');
    expect(existsSync(csv)).toBe(false);
  });
});
