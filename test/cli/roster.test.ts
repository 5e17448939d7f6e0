/**
 * `ccsim roster` as a user types it (CONTRACT section 10): the retail week's 202 agents, the CSV
 * and JSON shapes, --verify, the readable week view within 100 columns, and bad input.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { brokenRules, coverageOf, type RosterScenario } from '../support/rosterChecker.js';

const root = new URL('../../', import.meta.url).pathname;
const retailWeek = join(root, 'scenarios/retail-week.json');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-roster-'));
  dirs.push(dir);
  return dir;
};

describe('ccsim roster scenarios/retail-week.json', () => {
  it('--json --out: every rule holds, coverage as recomputed, CSV one row per shift; verified by simulation', async () => {
    const dir = scratch();
    const csv = join(dir, 'roster.csv');
    const run = await cli('roster', retailWeek, '--json', '--out', csv, '--verify', '--replications', '3', '--workers', '1');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      shifts: { agent: string; day: number; start: string; end: string; breaks: [string, string][] }[];
      cost: number;
      byGroup: Record<string, { required: number[]; coverage: number[]; shortfall: number[]; status: string }>;
      unassigned: { agent: string; why: string }[];
      verification: { byType: Record<string, { serviceLevel: { mean: number } }> };
    };
    const scenario = JSON.parse(readFileSync(retailWeek, 'utf8')) as RosterScenario;
    expect(brokenRules(scenario, doc)).toEqual([]);
    const cover = coverageOf(scenario, doc)['voice-team'] ?? [];
    const g = doc.byGroup['voice-team']!;
    g.coverage.forEach((c, i) => expect(c).toBeCloseTo(cover[i] ?? NaN, 9));
    expect(g.shortfall.every((x) => x === 0)).toBe(true);
    expect(g.status).toBe('optimal');
    expect(doc.cost).toBeGreaterThan(0);
    expect(new Set(doc.shifts.map((s) => s.agent)).size + doc.unassigned.length).toBe(scenario.agents.length);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('agent,day,start,end,breaks');
    expect(lines).toHaveLength(doc.shifts.length + 1);
    const first = doc.shifts[0]!;
    expect(lines[1]).toBe(`${first.agent},${first.day},${first.start},${first.end},${first.breaks.map((b) => b.join('-')).join(';')}`);
    // The simulated roster answers 80% of calls in 20 s (the schedule's own verification gives about 93%).
    expect(doc.verification.byType['calls']!.serviceLevel.mean).toBeGreaterThan(0.8);
  }, 180_000);

  it('the readable week view: one line per agent, within 100 columns', async () => {
    const run = await cli('roster', retailWeek);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(lines.filter((l) => /^(ft|pt|st|nt)\d+ /.test(l))).toHaveLength(202);
    expect(run.stdout).toMatch(/cost [\d,.]+; solved in [\d.]+ s, MIP gap [\d.]+% \(optimal\)/);
  }, 120_000);
});

describe('ccsim roster: bad input', () => {
  it('an agent whose rules cannot hold: exit 2, the agent and the rule, nothing written', async () => {
    const dir = scratch();
    const file = join(dir, 'bad.json');
    const scenario = JSON.parse(readFileSync(retailWeek, 'utf8')) as Record<string, unknown> & { agents: Record<string, unknown>[] };
    scenario.agents[3] = { ...scenario.agents[3], minutesPerWeek: [3000, 3000] };
    writeFileSync(file, JSON.stringify(scenario));
    const out = join(dir, 'roster.csv');
    const run = await cli('roster', file, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ccsim roster: agents\[3\]\.minutesPerWeek: agent "ft04" \(minutesPerWeek \[3000, 3000\]; daysOff 2; consecutiveDaysOff\): /);
    expect(existsSync(out)).toBe(false);
  });

  it('no agents: exit 2 naming the field', async () => {
    const run = await cli('roster', join(root, 'scenarios/erlang-check.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/agents: missing/);
  });

  it('a bad --gap: exit 2 before any work', async () => {
    const run = await cli('roster', retailWeek, '--gap', '2');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--gap: must be a fraction in \[0, 1\), got "2"/);
  });
});
