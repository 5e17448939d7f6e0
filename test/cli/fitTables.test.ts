import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReport, comparisonReport } from '../../src/cli/comparisonReport.js';
import { withOutputWidth } from '../../src/cli/outputWidth.js';
import { runReport, scenarioHasCost } from '../../src/cli/runReport.js';
import { scheduleReport } from '../../src/cli/scheduleCommand.js';
import { staffReport } from '../../src/cli/staffCommand.js';
import { sweepReport } from '../../src/cli/sweepCommand.js';
import { loadScenarioFile } from '../../src/node/loadScenarioFile.js';
import { compare, simulate, staff, sweep } from '../../src/node/api.js';
import { scheduledScenario, scheduleScenario } from '../../src/optimize/scheduleScenario.js';
import { parseScenario } from '../../src/scenario/index.js';
import { cliAt } from '../support/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const bundled = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .sort();
const path = (name: string) => join(root, 'scenarios', name);
// In-thread: the reports are what is tested here, not the pool.
const fast = { workers: 1, seed: 1 };

/** So wide that nothing is split or wrapped: the reference for "every number is still there". */
const UNLIMITED = 100_000;

/** Every whitespace-separated token holding a digit, with how often it occurs. */
function numbers(text: string): Map<string, number> {
  const seen = new Map<string, number>();
  for (const t of text.split(/\s+/)) if (/\d/.test(t)) seen.set(t, (seen.get(t) ?? 0) + 1);
  return seen;
}

function tooWide(text: string, width: number, exempt: RegExp | null = null): string[] {
  return text.split('\n').filter((l) => l.length > width && !(exempt?.test(l) ?? false));
}

/**
 * Renders a report unsplit and at 100 and 60 columns: every line fits, and every number of the
 * unsplit report is printed at least as often (split blocks repeat the key column, never drop a
 * cell). `exempt` lines are left out of the width check only; `ignore` matches are removed
 * before the number check.
 */
function expectFits(render: () => string, exempt: RegExp | null = null, ignore: RegExp | null = null): void {
  const count = (text: string) => numbers(ignore === null ? text : text.replace(ignore, ''));
  const reference = withOutputWidth(UNLIMITED, render);
  for (const width of [100, 60]) {
    const text = withOutputWidth(width, render);
    expect(tooWide(text, width, exempt), `at ${width} columns`).toEqual([]);
    const have = count(text);
    expect([...count(reference)].filter(([t, n]) => (have.get(t) ?? 0) < n), `numbers missing at ${width} columns`).toEqual([]);
  }
}

describe('readable reports fit 100 and 60 columns on every bundled scenario, with every number', () => {
  it('the bundled scenarios are all here, and unsplit they are wider than 100 columns', async () => {
    expect(bundled.length).toBeGreaterThanOrEqual(8);
    const out = await simulate(await loadScenarioFile(path('retail-day.json')), { ...fast, replications: 2 });
    expect(Math.max(...withOutputWidth(UNLIMITED, () => runReport(out)).split('\n').map((l) => l.length))).toBeGreaterThan(100);
  });

  describe.each(bundled)('%s', (name) => {
    it('run, sweep, staff --method erlang-a', async () => {
      const scenario = await loadScenarioFile(path(name));
      // 5 replications: half-widths shown (the widest cells).
      const run = await simulate(scenario, { ...fast, replications: 5 });
      expectFits(() => runReport(run, { costed: scenarioHasCost(scenario) }));
      const swept = await sweep(scenario, 'contactTypes[0].volume', ['*0.9', '*1.1'], { ...fast, replications: 1 });
      expectFits(() => sweepReport(swept, [scenario], 1));
      const staffed = await staff(scenario, { ...fast, method: 'erlang-a' });
      expectFits(() => staffReport(staffed, scenario));
    });
  });

  it('compare of every bundled scenario at once, and the demo comparison', async () => {
    const scenarios = await Promise.all(bundled.map((n) => loadScenarioFile(path(n))));
    const out = await compare(scenarios, { ...fast, replications: 2 });
    expectFits(() => compareReport(out, scenarios));
    expectFits(() => comparisonReport(out.runs[0]!, out.runs[1]!));
  });

  it('schedule with its verification', async () => {
    const scenario = await loadScenarioFile(path('retail-week.json'));
    // The layout is under test, not the optimum: the best schedule found in 2 s will do.
    const schedule = await scheduleScenario(scenario, { mipRelGap: 0.05, timeLimitSeconds: 2 });
    const verification = await simulate(parseScenario(scheduledScenario(scenario, schedule)), { ...fast, replications: 2 });
    // Not numbers of the table: the clock spans labelling each grid line follow the line length by design.
    expectFits(() => scheduleReport(scenario, schedule, verification), null, /\d\d:\d\d-\d\d:\d\d/g);
  });
});

describe('the width reaches the reports through CliIo.columns', () => {
  it.each([
    ['run', path('retail-day.json'), '--replications', '2', '--workers', '1'],
    ['compare', path('retail-day.json'), path('chatbot-voice.json'), '--replications', '2', '--workers', '1'],
    ['sweep', path('two-skills.json'), '--set', 'agentGroups[2].staff=4,8', '--replications', '2', '--workers', '1'],
  ])('%s', async (...argv) => {
    for (const width of [100, 60]) {
      const { code, stdout } = await cliAt(width, ...argv);
      expect(code).toBe(0);
      expect(tooWide(stdout, width)).toEqual([]);
    }
    // The same report unsplit is wider: the io's width made the difference.
    expect(Math.max(...(await cliAt(UNLIMITED, ...argv)).stdout.split('\n').map((l) => l.length))).toBeGreaterThan(60);
  });

  it('--help and demo --quick', async () => {
    for (const width of [100, 60]) {
      for (const argv of [['--help'], ['demo', '--quick']]) {
        const { code, stdout } = await cliAt(width, ...argv);
        expect(code).toBe(0);
        expect(tooWide(stdout, width), `${argv.join(' ')} at ${width}`).toEqual([]);
      }
    }
  });

  it('staff, whose command file takes no width, still fits through table()', async () => {
    const { code, stdout } = await cliAt(60, 'staff', path('retail-day.json'), '--method', 'erlang-a');
    expect(code).toBe(0);
    expect(tooWide(stdout, 60, /^\('<type> Erlang'/)).toEqual([]);
  });
});
