import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstIntervalOnly } from '../../src/experiment/warmUp.js';
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
