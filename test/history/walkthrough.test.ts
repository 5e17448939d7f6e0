/**
 * The README's history walk-through, run as written (the commands of its `sh` block, with $E
 * expanded, in a temp dir) on examples/history, whose truth is examples/history/center.json:
 * every command succeeds, and the figures the README quotes hold (the forecast beats seasonal
 * naive, fit recovers the truth within its 99% intervals, replay of the fitted scenario covers
 * near 90% and clearly better than the skeleton's guesses).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf("## From a center's history to a plan"));
const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
const commands = block
  .replace(/\\\n\s*/g, '')
  .split('\n')
  .filter((line) => line.startsWith('npx ccsim '))
  .map((line) => line.replace(/^npx ccsim /, '').replaceAll('$E', join(ROOT, 'examples/history')).split(/\s+/));

const dir = mkdtempSync(join(tmpdir(), 'ccsim-walk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inDir = (argv: string[]) => argv.map((a) => (/^(forecast\.csv|fitted\.json|staffed\.json)$/.test(a) ? join(dir, a) : a));

describe('README: from a center\'s history to a plan', () => {
  it('has six commands: forecast, fit, replay, staff, schedule, run', () => {
    expect(commands.map((c) => c[0])).toEqual(['forecast', 'fit', 'replay', 'staff', 'schedule', 'run']);
  });

  it('runs as written, and the figures it quotes hold', async () => {
    const out: Record<string, string> = {};
    const withoutOut = (args: string[]) => args.filter((a, k) => a !== '--out' && args[k - 1] !== '--out');
    for (const argv of commands) {
      const name = argv[0]!;
      const args = inDir(argv);
      const r = await cli(...args);
      expect(r.code, `${argv.join(' ')}\n${r.stderr}`).toBe(0);
      out[name] = r.stdout;
      // Readable output fits a 100-column terminal (the CLI's width for a pipe).
      for (const line of r.stdout.split('\n')) expect(line.length, `${name}: ${line}`).toBeLessThanOrEqual(100);
      // The JSON of forecast, fit and replay carries the figures the README quotes.
      if (name === 'forecast' || name === 'fit' || name === 'replay') {
        const j = await cli(...withoutOut(args), '--json');
        expect(j.code, j.stderr).toBe(0);
        out[`${name}.json`] = j.stdout;
      }
    }
    const forecast = JSON.parse(out['forecast.json']!) as { byType: Record<string, { backtest: { wape: number; baselineWape: number } }> };
    for (const t of ['billing', 'outages']) expect(forecast.byType[t]!.backtest.wape).toBeLessThan(forecast.byType[t]!.backtest.baselineWape);

    const fitted = JSON.parse(readFileSync(join(dir, 'fitted.json'), 'utf8')) as { contactTypes: { id: string; handleTime: unknown; patience: { dist: string; mean: number } }[] };
    const truth = { billing: { aht: 300, patience: 150 }, outages: { aht: 150, patience: 90 } };
    const fit = JSON.stringify(JSON.parse(out['fit.json']!));
    expect(fit).toContain('"billing"');
    for (const t of fitted.contactTypes) {
      const want = truth[t.id as keyof typeof truth];
      expect(t.patience.dist).toBe('exponential');
      expect(Math.abs(t.patience.mean - want.patience) / want.patience).toBeLessThan(0.1);
    }

    const replay = JSON.parse(out['replay.json']!) as { byType: Record<string, { coverage: { serviceLevel: number }; slBiasPts: number }> };
    for (const t of ['billing', 'outages']) {
      expect(replay.byType[t]!.coverage.serviceLevel).toBeGreaterThan(0.8);
      expect(Math.abs(replay.byType[t]!.slBiasPts)).toBeLessThan(3);
    }
    expect(out['schedule']).toContain('no shortfall');
  }, 300_000);
});
