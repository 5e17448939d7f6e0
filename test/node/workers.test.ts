import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AbortError, ReplicationError, compare, simulate, sweep } from '../../src/index.js';
import { simulateWithRunners } from '../../src/node/api.js';
import { inThreadRunner as inThread, type ReplicationResult } from '../../src/experiment/index.js';
import { liveWorkerThreads } from '../../src/node/nodeWorkerRunner.js';
import { cli } from '../support/cli.js';

const retail = new URL('../../scenarios/retail-day.json', import.meta.url).pathname;
const erlangCheck = new URL('../../scenarios/erlang-check.json', import.meta.url).pathname;
const twoSkills = new URL('../../scenarios/two-skills.json', import.meta.url).pathname;

/** Wait for exit events of terminated workers to be processed. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('simulate(scenario, { workers })', () => {
  it('gives byte-identical output for 1 and 2 workers, and the 2-worker run used two other threads', async () => {
    const threads = new Set<number>();
    const two = await simulate(retail, { replications: 6, seed: 11, workers: 2, onReplicationDone: (_r, t) => threads.add(t) });
    const one = await simulate(retail, { replications: 6, seed: 11, workers: 1 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(threads.size).toBe(2);
    expect(threads.has(threadId)).toBe(false);
    await settle();
    expect(liveWorkerThreads()).toBe(0);
  });

  it('ccsim run --json is byte-identical with --workers 1 and --workers 2', async () => {
    const a = await cli('run', twoSkills, '--replications', '5', '--workers', '1', '--json');
    const b = await cli('run', twoSkills, '--replications', '5', '--workers', '2', '--json');
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('a worker that throws fails the run with the replication number; no worker is left', async () => {
    const run = simulateWithRunners(retail, { replications: 6, workers: 2 }, { fault: { replication: 3, kind: 'throw' } });
    await expect(run).rejects.toThrow(ReplicationError);
    await expect(run).rejects.toThrow(/replication 3 failed .*injected fault at replication 3/);
    await settle();
    expect(liveWorkerThreads()).toBe(0);
  });

  it('a worker thread that dies fails the run with the replication number; no worker is left', async () => {
    const run = simulateWithRunners(retail, { replications: 6, workers: 2 }, { fault: { replication: 4, kind: 'exit' } });
    await expect(run).rejects.toThrow(/replication 4 failed .*exited with code 7/);
    await settle();
    expect(liveWorkerThreads()).toBe(0);
  });

  it('abort mid-run rejects with an AbortError, runs none of the remaining replications and stops its workers', async () => {
    const controller = new AbortController();
    let done = 0;
    const run = simulate(erlangCheck, {
      replications: 200,
      workers: 2,
      signal: controller.signal,
      onProgress: (n) => {
        done = n;
        if (n === 2) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(AbortError);
    // At most the 2 replications in flight when it aborted finish after it, and the workers are
    // terminated, not left to run the other 196. Wall time is not asserted: a loaded machine
    // makes any bound either flaky or meaningless (see bench/ for speed).
    expect(done).toBeLessThanOrEqual(4);
    await settle();
    expect(liveWorkerThreads()).toBe(0);
  });

  it('precision: adds batches until the service level half-width is at most the target, the same for any worker count', async () => {
    const a = await simulate(retail, { replications: 5, workers: 2, precision: { halfWidth: 0.015, maxReplications: 200 } });
    expect(a.precision?.stoppedBy).toBe('precision');
    expect(a.summary.serviceLevel.ci95!).toBeLessThanOrEqual(0.015);
    expect(a.replications % 5).toBe(0);
    expect(a.replications).toBeGreaterThan(5);
    const b = await simulate(retail, { replications: 5, workers: 1, precision: { halfWidth: 0.015, maxReplications: 200 } });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const capped = await simulate(retail, { replications: 5, workers: 1, precision: { halfWidth: 0.0001, maxReplications: 10 } });
    expect(capped.precision).toMatchObject({ stoppedBy: 'maxReplications' });
    expect(capped.replications).toBe(10);
  });
});

describe('compare(scenarios) with common random numbers', () => {
  const base = (staff: number) => ({
    name: `flex ${staff}`,
    intervalMinutes: 30,
    intervals: 8,
    warmupMinutes: 30,
    contactTypes: [
      { id: 'calls', channel: 'voice', volume: 250, handleTime: { dist: 'lognormal', mean: 240, cv: 1 },
        patience: { dist: 'exponential', mean: 120 }, serviceLevel: { seconds: 20, target: 0.8 } },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff }],
  });

  it('a scenario compared with itself has deltas of exactly 0', async () => {
    const out = await compare([base(36), base(36)], { replications: 5, workers: 1 });
    for (const [key, m] of Object.entries(out.deltas[0]!.summary)) {
      if (m.mean !== null) expect([key, m.mean, m.ci95]).toEqual([key, 0, 0]);
    }
  });

  it('for a staffing change the paired half-width of the SL delta is at most a third of the unpaired one', async () => {
    const out = await compare([base(36), base(38)], { replications: 20, workers: 2 });
    const [a, b] = out.runs;
    const unpaired = Math.hypot(a!.summary.serviceLevel.ci95!, b!.summary.serviceLevel.ci95!);
    const paired = out.deltas[0]!.summary.serviceLevel;
    expect(paired.mean!).toBeGreaterThan(0);
    expect(paired.ci95!).toBeLessThanOrEqual(unpaired / 3);
    // The delta is the difference of the two ratios of means.
    expect(paired.mean!).toBeCloseTo(b!.summary.serviceLevel.mean! - a!.summary.serviceLevel.mean!, 12);
  });
});

describe('sweep(scenario, path, values)', () => {
  it('service level rises with staff', async () => {
    const out = await sweep(twoSkills, 'agentGroups[2].staff', [0, 4, 8, 12], { replications: 5, workers: 2 });
    const sl = out.points.map((p) => p.summary.serviceLevel.mean!);
    expect(out.parameter).toBe('agentGroups[2].staff');
    expect(out.points.map((p) => p.value)).toEqual([0, 4, 8, 12]);
    for (let i = 1; i < sl.length; i++) expect(sl[i]!).toBeGreaterThan(sl[i - 1]!);
  });

  it('*factor values multiply the current value (volume x1.1 raises arrivals by about 10%)', async () => {
    const out = await sweep(twoSkills, 'contactTypes[0].volume', ['*1', '*1.1'], { replications: 5, workers: 1 });
    expect(out.points.map((p) => p.value)).toEqual(['*1', '*1.1']);
    const [one, more] = out.points.map((p) => p.summary.arrivals.mean!);
    expect(more! / one!).toBeGreaterThan(1.03);
    expect(more! / one!).toBeLessThan(1.08); // sales is ~43% of arrivals: +10% of it is ~+4.3%
  });
});

describe('a job that reads only observations (ReplicationJob.observationsOnly)', () => {
  it('comes back from a worker thread without its measure tables, with the observations of the whole result', async () => {
    const { ReplicationPool } = await import('../../src/experiment/index.js');
    const { nodeWorkerRunners } = await import('../../src/node/nodeWorkerRunner.js');
    const { loadScenario } = await import('../../src/node/api.js');
    const scenario = await loadScenario(retail);
    const pool = new ReplicationPool(nodeWorkerRunners(), 1);
    const lean: ReplicationResult[] = [];
    const whole: ReplicationResult[] = [];
    try {
      await pool.run({ scenario, staff: null, observationsOnly: true }, 5, 0, 2, { onResult: (r) => lean.push(r) });
      await pool.run({ scenario, staff: null }, 5, 0, 2, { onResult: (r) => whole.push(r) });
    } finally {
      await pool.close();
    }
    for (const [k, r] of lean.entries()) {
      const w = whole[k]!;
      expect([r.types.length, r.groups.length, r.waitBins.length, r.waitCounts.length, r.groupTypeWork.length]).toEqual([0, 0, 0, 0, 0]);
      expect(w.types.length).toBeGreaterThan(0);
      expect(w.waitBins.length).toBeGreaterThan(0);
      expect(r.observations.pairs.length).toBe(w.observations.pairs.length);
      expect(Buffer.from(r.observations.pairs.buffer).equals(Buffer.from(w.observations.pairs.buffer))).toBe(true);
      expect([...r.observations.present]).toEqual([...w.observations.present]);
      expect([r.replication, r.events, r.lineSeconds]).toEqual([w.replication, w.events, w.lineSeconds]);
    }
  });

  it('simulate asks for it unless outcomes or onResult want whole results; the output is the same bits', async () => {
    const { ReplicationPool, simulateScenario } = await import('../../src/experiment/index.js');
    const { loadScenario } = await import('../../src/node/api.js');
    const scenario = await loadScenario(twoSkills);
    const seen: (boolean | undefined)[] = [];
    const pool = new ReplicationPool(() => {
      const inner = inThread();
      return { id: 0, run: (job, seed, r) => (seen.push(job.observationsOnly), inner.run(job, seed, r)), close: () => inner.close() };
    }, 1);
    const plain = await simulateScenario(scenario, pool, { replications: 2 });
    const withOutcomes = await simulateScenario(scenario, pool, { replications: 2, outcomes: true });
    const withResults = await simulateScenario(scenario, pool, { replications: 2, onResult: () => undefined });
    await pool.close();
    expect(seen).toEqual([true, true, undefined, undefined, undefined, undefined]);
    const { outcomes: _o, ...rest } = withOutcomes;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
    expect(JSON.stringify(withResults)).toBe(JSON.stringify(plain));
  });
});
