import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/index.js';
import { buildModel, OutcomeReducer, runReplication } from '../../src/experiment/index.js';
import { simulate } from '../../src/node/api.js';
import { parseScenario } from '../../src/scenario/index.js';
import { cli } from '../support/cli.js';
import { singleQueue } from '../support/scenarios.js';
import { band999 } from '../support/bands.js';


describe('run outcomes (--outcomes)', () => {
  it('every contact ends in one outcome: the outcomes add up to arrivals + retrials + repeats + transfers in, per type', async () => {
    const out = await simulate('scenarios/callbacks-blend.json', { replications: 6, seed: 3, workers: 1, outcomes: true });
    const o = out.outcomes!;
    for (const [id, c] of [...Object.entries(o.byType), ['ALL', o.summary] as const]) {
      const k = id === 'ALL' ? out.summary : out.byType[id]!;
      const outcomes = ['answered', 'callbacks', 'abandoned', 'blocked', 'disconnected', 'unresolved', 'contained', 'botDropouts'] as const;
      const total = outcomes.reduce((s, name) => s + c[name].mean!, 0);
      expect(total).toBeCloseTo(k.arrivals.mean! + k.retrials.mean! + k.repeats.mean! + c.transfersIn.mean!, 6);
      expect(c.answered.mean! + c.callbacks.mean!).toBeCloseTo(k.answered.mean!, 6);
      expect(c.callbacks.mean).toBe(k.callbacksMade!.mean);
    }
    // Work per (group, type) sums to each type's work hours.
    const care = Object.values(o.workHours).reduce((s, byType) => s + byType.care!.mean!, 0);
    expect(care).toBeCloseTo(out.byType.care!.workHours.mean!, 6);
  });

  it('line occupancy of M/M/10/10 is the carried load a(1 - B) / lines (Erlang B) inside the 99.9% band', () => {
    const base = singleQueue({ agents: 10, load: 8, aht: 120, slSeconds: 20 });
    const config = buildModel(parseScenario({ ...base, lines: 10 }));
    const reducer = new OutcomeReducer(config);
    for (let r = 0; r < 100; r++) reducer.add(runReplication(config, 4, r));
    const occupancy = reducer.output().lineOccupancy!;
    expect(band999(occupancy)).toBeLessThan(0.01);
    expect(Math.abs(occupancy.mean! - (8 * (1 - erlangB(10, 8))) / 10)).toBeLessThanOrEqual(band999(occupancy));
    expect(new OutcomeReducer(buildModel(base)).output().lineOccupancy).toBeNull();
  });

  it('ccsim run --outcomes adds the section (JSON key last, readable tables); without the flag nothing changes', async () => {
    const withFlag = await cli('run', 'scenarios/two-skills.json', '--replications', '2', '--json', '--outcomes');
    const without = await cli('run', 'scenarios/two-skills.json', '--replications', '2', '--json');
    const a = JSON.parse(withFlag.stdout) as Record<string, unknown>;
    expect(Object.keys(a).at(-1)).toBe('outcomes');
    delete a['outcomes'];
    expect(JSON.stringify(a, null, 2) + '\n').toBe(without.stdout);
    const readable = await cli('run', 'scenarios/two-skills.json', '--replications', '2', '--no-intervals', '--outcomes');
    expect(readable.stdout).toContain('Outcomes: how contacts ended');
    expect(readable.stdout).toContain('abandon wait');
    for (const line of readable.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});
