import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, inThreadRunner, reduceJob, remoteRunner, ReplicationPool, restaffedModel, runReplication, type ReplicationRemote } from '../../src/experiment/index.js';
import { withStaff } from '../../src/optimize/staffScenario.js';
import { parseScenarioText, type Scenario } from '../../src/scenario/index.js';

const bundled = (name: string): Scenario =>
  parseScenarioText(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'), `${name}.json`);

describe('a candidate plan travels as staff arrays (ReplicationJob)', () => {
  it('restaffedModel gives exactly the replications of the rebuilt scenario, shifts replaced', () => {
    for (const name of ['two-skills', 'retail-week']) {
      const scenario = bundled(name);
      const staff = scenario.agentGroups.map((_, g) => Array.from({ length: scenario.intervals }, (_, i) => 3 + ((g + i) % 4)));
      const rebuilt = buildModel(withStaff(scenario, staff));
      const restaffed = restaffedModel(buildModel(scenario), staff);
      for (const r of [0, 1]) {
        const a = runReplication(rebuilt, 9, r);
        const b = runReplication(restaffed, 9, r);
        expect(b.types).toEqual(a.types);
        expect(b.groups).toEqual(a.groups);
      }
    }
  });

  it('a remote worker gets the scenario once and then only each plan\'s staff arrays', async () => {
    const scenario = bundled('two-skills');
    const calls: string[] = [];
    const config = buildModel(scenario);
    let models = new Map<number, ReturnType<typeof buildModel>>();
    const remote: ReplicationRemote = {
      async prepare(job, s) {
        calls.push(`prepare ${job} ${s.name}`);
        models = new Map([[job, buildModel(s)]]);
      },
      async restaff(job, base, staff) {
        calls.push(`restaff ${job} from ${base}: ${staff === null ? 'none' : staff.map((row) => row[0]).join(',')}`);
        models.set(job, restaffedModel(models.get(base)!, staff));
      },
      async replicate(job, seed, replication) {
        return runReplication(models.get(job) ?? config, seed, replication);
      },
    };
    const pool = new ReplicationPool(() => remoteRunner(1, remote, () => {}), 1);
    const plan = (k: number) => scenario.agentGroups.map(() => new Array<number>(scenario.intervals).fill(k));
    const first = await reduceJob({ scenario, staff: plan(4) }, pool, { replications: 2, seed: 3 });
    await reduceJob({ scenario, staff: plan(5) }, pool, { replications: 2, seed: 3 });
    await pool.close();
    expect(calls.filter((c) => c.startsWith('prepare'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('restaff')).map((c) => c.replace(/\d+ from \d+/, 'j from b'))).toEqual([4, 5].map((k) => `restaff j from b: ${scenario.agentGroups.map(() => k).join(',')}`));
    // The figures are those of the rebuilt scenario's run output.
    const local = new ReplicationPool(() => inThreadRunner(), 1);
    const reference = await reduceJob({ scenario: withStaff(scenario, plan(4)), staff: null }, local, { replications: 2, seed: 3 });
    await local.close();
    expect(first.output()).toEqual(reference.output());
    const sl = first.figures.serviceLevel;
    const out = first.output();
    scenario.contactTypes.forEach((t, ti) =>
      out.intervals.forEach((iv, i) => expect(sl[ti * scenario.intervals + i]).toBe(iv.byType[t.id]!.serviceLevel.mean ?? NaN)),
    );
  });

  it('a remote worker has its next replication queued while it runs one, and gets the model once', async () => {
    const scenario = bundled('two-skills');
    const config = buildModel(scenario);
    const calls: string[] = [];
    let inFlight = 0;
    let most = 0;
    const remote: ReplicationRemote = {
      async prepare(job) {
        calls.push(`prepare ${job}`);
        await new Promise((r) => setTimeout(r, 5));
      },
      async restaff(job) {
        calls.push(`restaff ${job}`);
      },
      async replicate(_job, seed, replication) {
        most = Math.max(most, ++inFlight);
        // Later replications finish first: delivery must still be in replication order.
        await new Promise((r) => setTimeout(r, 2 + 3 * ((replication + 1) % 2)));
        inFlight--;
        return runReplication(config, seed, replication);
      },
    };
    const pool = new ReplicationPool(() => remoteRunner(1, remote, () => {}), 1);
    const order: number[] = [];
    await pool.run({ scenario, staff: null }, 3, 0, 6, { onResult: (r) => order.push(r.replication) });
    await pool.close();
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(calls.filter((c) => c.startsWith('prepare'))).toHaveLength(1);
  });
});
