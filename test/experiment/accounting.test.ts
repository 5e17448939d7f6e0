import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, runReplication, TypeMeasure } from '../../src/experiment/index.js';
import { summaryRow } from '../../src/experiment/kpiReaders.js';
import { parseScenario, parseScenarioText, type Scenario } from '../../src/scenario/index.js';

function expectIdentityInEveryReplication(scenario: Scenario, replications: number): void {
  const config = buildModel(scenario);
  for (let r = 0; r < replications; r++) {
    const s = summaryRow(runReplication(config, 7, r), config.intervalSeconds, config.intervals);
    const arrivals = s[TypeMeasure.arrivals]!;
    const entries = arrivals + s[TypeMeasure.retrials]! + s[TypeMeasure.repeats]!;
    const inBot = s[TypeMeasure.contained]! + s[TypeMeasure.botDropouts]!;
    const resolved = inBot + s[TypeMeasure.answered]! + s[TypeMeasure.abandoned]! + s[TypeMeasure.unresolved]!;
    expect(resolved, `replication ${r}: arrivals + retrials + repeats = contained + botDropouts + answered + abandoned + unresolved`).toBe(entries);
    expect(s[TypeMeasure.offered]! + inBot, `replication ${r}: offered + contained + botDropouts = arrivals + retrials + repeats`).toBe(entries);
    expect(arrivals).toBeGreaterThan(0);
  }
}

describe('accounting identity: arrivals + retrials + repeats = contained + botDropouts + answered + abandoned + unresolved', () => {
  const dir = new URL('../../scenarios/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`holds in every replication of scenarios/${file}`, () => {
      expectIdentityInEveryReplication(parseScenarioText(readFileSync(new URL(file, dir), 'utf8')), 5);
    });
  }

  it('holds when staff drops to zero mid-day and at the end (unresolved and owed agents)', () => {
    const scenario = parseScenario({
      name: 'staff cuts',
      intervalMinutes: 15,
      intervals: 6,
      warmupMinutes: 15,
      contactTypes: [
        { id: 'a', channel: 'voice', volume: [40, 60, 80, 60, 40, 30], handleTime: { dist: 'lognormal', mean: 300, cv: 1.2 },
          patience: { dist: 'gamma', mean: 200, cv: 0.7 }, serviceLevel: { seconds: 20, target: 0.8 } },
        { id: 'b', channel: 'voice', volume: 25, handleTime: { dist: 'uniform', min: 60, max: 600 }, serviceLevel: { seconds: 30, target: 0.8 } },
      ],
      agentGroups: [
        { id: 'g1', skills: ['a'], staff: [10, 12, 0, 8, 3, 0] },
        { id: 'g2', skills: ['a', 'b'], staff: [4, 0, 6, 2, 5, 0] },
      ],
    });
    expectIdentityInEveryReplication(scenario, 10);
    const config = buildModel(scenario);
    const s = summaryRow(runReplication(config, 7, 0), config.intervalSeconds, config.intervals);
    expect(s[TypeMeasure.unresolved]).toBeGreaterThan(0);
  });
});
