import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { firstIntervalOnly, threadWarmUp } from '../../src/experiment/warmUp.js';
import { parseScenario, parseScenarioText, type Scenario } from '../../src/scenario/index.js';

const bundled = (name: string): Scenario =>
  parseScenarioText(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'), `${name}.json`);

describe('the per-thread warm-up simulates the first interval alone', () => {
  it('cuts every per-interval array to its first value and drops the warm-up; the result is a valid scenario', () => {
    const s = bundled('retail-day');
    const short = firstIntervalOnly(s)!;
    expect(short.intervals).toBe(1);
    expect(short.warmupMinutes).toBe(0);
    short.contactTypes.forEach((t, i) => {
      const full = s.contactTypes[i]!;
      expect(t.volume).toEqual(Array.isArray(full.volume) ? [full.volume[0]] : full.volume);
      expect(t.handleTime).toEqual(Array.isArray(full.handleTime) ? [full.handleTime[0]] : full.handleTime);
    });
    short.agentGroups.forEach((g, i) => {
      const full = s.agentGroups[i]!.staff!;
      expect(g.staff).toEqual(Array.isArray(full) ? [full[0]] : full);
    });
    expect(() => parseScenario(short)).not.toThrow();
    expect(s.intervals).toBe(24); // the scenario itself is untouched
  });

  it('is skipped for fewer than 4 intervals and for shifts', () => {
    const s = bundled('retail-day');
    expect(firstIntervalOnly({ ...s, intervals: 3 })).toBeNull();
    const shifts = { ...s, agentGroups: s.agentGroups.map((g) => ({ ...g, staff: undefined, shifts: [{ start: '08:00', minutes: 480, count: 10 }] })) } as Scenario;
    expect(firstIntervalOnly(shifts)).toBeNull();
  });
});

describe('threadWarmUp()', () => {
  it('changes no output: a fresh process with and without the warm-up prints byte-identical JSON', () => {
    // Each side in its own process, so the warm-up is the first simulation its thread runs: any
    // state it left behind (module caches, a mutated scenario, shared streams) would show here.
    const files = ['retail-day', 'chatbot-voice'].map((name) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url)));
    for (const file of files) expect(firstIntervalOnly(parseScenarioText(readFileSync(file, 'utf8'), file))).not.toBeNull();
    const probe = fileURLToPath(new URL('../support/warmUpProbe.ts', import.meta.url));
    const [warm, cold] = (['warm', 'cold'] as const).map((mode) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', probe, mode, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return run.stdout;
    });
    expect(warm!.length).toBeGreaterThan(100_000);
    expect(warm === cold).toBe(true); // not toBe: a failure would print two 400 kB strings
  });

  it('warms up once: later calls, for any scenario, do nothing; a new one warms up again', () => {
    const s = bundled('retail-day');
    let read = false;
    const watched = { ...s, get contactTypes() { read = true; return s.contactTypes; } } as Scenario;
    const warmUp = threadWarmUp();
    warmUp(s);
    warmUp(watched);
    expect(read).toBe(false);
    threadWarmUp()(watched); // another owner (another runner, another worker)
    expect(read).toBe(true);
  });
});
