import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, perInterval } from '../../src/scenario/index.js';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();

describe('scenarios/*.json', () => {
  it('includes the two reference scenarios', () => {
    expect(files).toEqual(expect.arrayContaining(['erlang-check.json', 'two-skills.json']));
  });

  for (const file of files) {
    it(`parseScenarioText(${file}) succeeds`, () => {
      const s = parseScenarioText(readFileSync(join(dir, file), 'utf8'), file);
      expect(s.name.length).toBeGreaterThan(0);
    });
  }

  it('erlang-check is the 2/s, AHT 180, 370-agent workload', () => {
    const s = parseScenarioText(readFileSync(join(dir, 'erlang-check.json'), 'utf8'));
    const calls = s.contactTypes[0];
    expect(s.intervalMinutes * s.intervals).toBe(480);
    expect(calls?.volume).toBe(7200);
    expect(calls?.handleTime).toEqual({ dist: 'exponential', mean: 180 });
    expect(s.agentGroups[0]?.staff).toBe(370);
    expect(s.description).toContain(
      'ccsim erlang --volume 7200 --interval-minutes 60 --aht 180 --sl-seconds 20 --agents 370 --patience 120',
    );
  });

  it('two-skills staffs a little above the offered load in every interval', () => {
    const s = parseScenarioText(readFileSync(join(dir, 'two-skills.json'), 'utf8'));
    const seconds = s.intervalMinutes * 60;
    const load = new Array<number>(s.intervals).fill(0);
    for (const type of s.contactTypes) {
      const handle = type.handleTime;
      const aht = !Array.isArray(handle) && handle.dist === 'lognormal' ? handle.mean : Number.NaN;
      perInterval(type.volume, s.intervals).forEach((v, i) => (load[i] = (load[i] ?? 0) + (v * aht) / seconds));
    }
    const staff = new Array<number>(s.intervals).fill(0);
    for (const group of s.agentGroups) {
      perInterval(group.staff ?? Number.NaN, s.intervals).forEach((n, i) => (staff[i] = (staff[i] ?? 0) + n));
    }
    staff.forEach((n, i) => {
      expect(n).toBeGreaterThan(load[i] ?? Infinity);
      expect(n).toBeLessThan((load[i] ?? 0) * 1.3);
    });
  });
});
