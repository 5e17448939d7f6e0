/**
 * `ccsim explain` as a user types it (CONTRACT section 11): the JSON shape, the readable answer
 * within 100 columns, every bundled scenario, and bad input (exit 2, one line naming the flag).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const retailDay = join(root, 'scenarios/retail-day.json');
const isMetric = (m: unknown) => {
  const x = m as { mean: unknown; ci95: unknown; n: unknown };
  return typeof x.n === 'number' && (x.mean === null || typeof x.mean === 'number') && (x.ci95 === null || typeof x.ci95 === 'number');
};

describe('ccsim explain', () => {
  it('--json: the contract shape, causes largest first, the worst type by default', async () => {
    const run = await cli('explain', retailDay, '--interval', '10:30', '--json', '--replications', '10', '--workers', '1');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Record<string, unknown> & { causes: { cause: string; deltaPts: { mean: number }; action: string }[] };
    expect(doc['interval']).toBe('10:30');
    expect(doc['type']).toBe('calls');
    expect(isMetric(doc['serviceLevel'])).toBe(true);
    expect(doc['target']).toBe(0.8);
    expect(typeof doc['shortfallPts']).toBe('number');
    expect(doc.causes.map((c) => c.cause).sort()).toEqual(['carry-over', 'staff']);
    for (const c of doc.causes) {
      expect(isMetric(c.deltaPts)).toBe(true);
      expect(c.action.length).toBeGreaterThan(10);
    }
    const means = doc.causes.map((c) => c.deltaPts.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
  });

  it('the readable answer fits 100 columns and says the shortfall in a sentence', async () => {
    const run = await cli('explain', retailDay, '--interval', '10:40', '--type', 'chat', '--replications', '5', '--workers', '1');
    expect(run.code).toBe(0);
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(run.stdout).toContain('Retail day: why 10:30');
    expect(run.stdout).toMatch(/10:30 (misses by \d+ pts?|meets its target) \(chat:/);
    expect(run.stdout).toContain('not tried: bot-wave');
  });

  it('runs on every bundled scenario (an interval inside its horizon; --day on multi-day ones)', async () => {
    const dir = join(root, 'scenarios');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const s = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { start?: string; intervals: number; intervalMinutes: number };
      const [h, m] = (s.start ?? '00:00').split(':').map(Number) as [number, number];
      const minute = h * 60 + m + Math.floor(s.intervals / 3) * s.intervalMinutes;
      const clock = `${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const day = String(Math.floor(minute / 1440));
      const multi = h * 60 + m + s.intervals * s.intervalMinutes > 1440;
      const run = await cli('explain', join(dir, file), '--interval', clock, ...(multi ? ['--day', day] : []), '--replications', '3', '--workers', '1', '--json');
      expect({ file, stderr: run.stderr, code: run.code }).toEqual({ file, stderr: '', code: 0 });
      expect((JSON.parse(run.stdout) as { interval: string }).interval).toBe(clock);
    }
  });

  it('a replayed date of the example history: volume is tried against the scenario as forecast', async () => {
    const e = join(root, 'examples/history');
    const run = await cli('explain', join(e, 'center.json'), '--history', join(e, 'history.csv'), '--staff', join(e, 'staff.csv'), '--date', '2026-10-30', '--interval', '10:30', '--replications', '5', '--workers', '1', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { date: string; causes: { cause: string; action: string }[] };
    expect(doc.date).toBe('2026-10-30');
    expect(doc.causes.find((c) => c.cause === 'volume')?.action).toContain('outages 44 against 38 forecast');
  });

  it('bad input: exit 2, one message naming the flag, nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [[retailDay], /--interval HH:MM is required/],
      [[retailDay, '--interval', '25:00'], /--interval: 25:00 is not a time of day/],
      [[retailDay, '--interval', '10.30'], /--interval: expected HH:MM/],
      [[retailDay, '--interval', '21:00'], /--interval: 21:00 is not in the scenario's intervals \(08:00 to 19:30\)/],
      [[retailDay, '--interval', '10:30', '--type', 'fax'], /--type: no contact type "fax" \(types: calls, chat, email\)/],
      [[join(root, 'scenarios/retail-week.json'), '--interval', '10:30'], /occurs on 7 days of the scenario; choose one with --day N \(0-6/],
      [[join(root, 'scenarios/retail-week.json'), '--interval', '10:30', '--day', '9'], /10:30 on day 9 is not in the scenario's intervals/],
      [[retailDay, '--interval', '10:30', '--replications', '0'], /--replications: must be an integer >= 1/],
      [[retailDay, '--interval', '10:30', '--history', 'h.csv'], /--history, --staff and --date: give all three/],
      [[retailDay, '--interval', '10:30', '--history', 'h.csv', '--staff', 's.csv', '--date', '2026-13-01'], /--date: must be a calendar date YYYY-MM-DD/],
    ];
    for (const [args, message] of cases) {
      const run = await cli('explain', ...args, '--workers', '1');
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
  });
});
