/**
 * Extreme but valid scenarios (issue 8, item 2): each runs with the accounting identity intact
 * and null (never NaN) where a KPI is undefined, or is refused up front with a message naming the
 * limit and how to lift it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, compare, sweep, staff, type SimulatedRun } from '../../src/index.js';
import { assertSimulable, checkRunSize, estimateRunSize, HARD_LIMITS, RUN_LIMITS, RunTooLargeError } from '../../src/experiment/runSize.js';
import { buildModel, simulateInThread } from '../../src/experiment/index.js';
import { parseScenario } from '../../src/scenario/index.js';
import { cli } from '../support/cli.js';
import { CliSandbox } from './support/sandbox.js';
import { runOutputProblem } from './support/verdicts.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-extremes-'));
// CLI cases run in a sandboxed thread with a time limit: without its guard a case would hang
// (or exhaust memory) instead of failing.
let sandbox: CliSandbox;
beforeAll(() => {
  sandbox = new CliSandbox();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});
const guarded = async (...argv: string[]) => {
  const r = await sandbox.run([...argv, '--workers', '1'], 10_000);
  expect(r.timedOut, 'answered within 10 s').toBe(false);
  expect(r.crashed ?? r.threw).toBeNull();
  return r;
};
const file = (name: string, body: unknown) => {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(body));
  return path;
};

/** One voice type, one group: the knobs the extremes turn. */
function queue(p: { volume: number | number[]; staff: number | number[]; patience?: number; intervals?: number; intervalMinutes?: number; aht?: number; warmupMinutes?: number }) {
  return {
    name: 'extreme',
    intervalMinutes: p.intervalMinutes ?? 30,
    intervals: p.intervals ?? 2,
    warmupMinutes: p.warmupMinutes ?? 0,
    contactTypes: [
      {
        id: 'calls',
        channel: 'voice',
        volume: p.volume,
        handleTime: { dist: 'exponential', mean: p.aht ?? 180 },
        ...(p.patience === undefined ? {} : { patience: { dist: 'exponential', mean: p.patience } }),
        serviceLevel: { seconds: 20, target: 0.8 },
      },
    ],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: p.staff }],
  };
}

/** The run is sound (identity, no NaN, ratios in range) for the summary and every type. */
function expectSound(out: SimulatedRun) {
  expect(runOutputProblem(JSON.stringify(out))).toBeNull();
}
const run = (s: unknown, replications = 2) => simulate(s as Record<string, unknown>, { replications, workers: 1, seed: 3 });

describe('extreme but valid scenarios run with the identity intact and null where a KPI is undefined', () => {
  it('zero volume: every count 0; service level, ASA, abandonment, containment null; occupancy 0 (agents idle, not undefined)', async () => {
    const out = await run(queue({ volume: 0, staff: 5 }));
    expectSound(out);
    expect(out.summary.arrivals).toEqual({ mean: 0, ci95: 0, n: 2 });
    for (const k of ['serviceLevel', 'asa', 'abandonRate', 'containmentRate', 'waitP90', 'costPerContact'] as const) {
      expect(out.summary[k], k).toEqual({ mean: null, ci95: null, n: 2 });
    }
    expect(out.summary.occupancy.mean).toBe(0);
  });

  it('zero staff without patience: every contact unresolved; service level null (nobody answered or abandoned), occupancy null (no staffed time)', async () => {
    const out = await run(queue({ volume: 50, staff: 0 }));
    expectSound(out);
    expect(out.summary.unresolved.mean).toBe(out.summary.arrivals.mean);
    expect(out.summary.serviceLevel.mean).toBeNull();
    expect(out.summary.asa.mean).toBeNull();
    expect(out.summary.occupancy.mean).toBeNull();
  });

  it('zero staff with patience: contacts abandon (or are unresolved at the end); service level 0, ASA null', async () => {
    const out = await run(queue({ volume: 50, staff: 0, patience: 60 }));
    expectSound(out);
    expect(out.summary.answered.mean).toBe(0);
    expect(out.summary.abandoned.mean).toBeGreaterThan(0);
    expect(out.summary.serviceLevel.mean).toBe(0);
    expect(out.summary.asa.mean).toBeNull();
  });

  it('load 20x capacity with patience: almost everyone abandons, occupancy near 1', async () => {
    // 2 agents, 180 s: capacity 20 per half hour; 400 offered.
    const out = await run(queue({ volume: 400, staff: 2, patience: 120 }));
    expectSound(out);
    expect(out.summary.abandonRate.mean!).toBeGreaterThan(0.9);
    expect(out.summary.occupancy.mean!).toBeGreaterThan(0.9);
  });

  it('load 20x capacity without patience: the backlog is served after the last interval; the run ends', async () => {
    const out = await run(queue({ volume: 400, staff: 2 }));
    expectSound(out);
    expect(out.summary.abandoned.mean).toBe(0);
    expect(out.summary.answered.mean! + out.summary.unresolved.mean!).toBe(out.summary.arrivals.mean);
    expect(out.summary.asa.mean!).toBeGreaterThan(3600); // waits of hours, still finite
  });

  it('one agent', async () => {
    const out = await run(queue({ volume: 8, staff: 1, patience: 300 }), 5);
    expectSound(out);
    expect(out.summary.answered.mean!).toBeGreaterThan(0);
  });

  it('10,000 agents at 99% load (about 200,000 contacts)', async () => {
    // 9,900 Erlangs: 99,000 calls of 180 s per half hour.
    const out = await run(queue({ volume: 99_000, staff: 10_000, warmupMinutes: 30 }), 1);
    expectSound(out);
    expect(out.summary.arrivals.mean!).toBeGreaterThan(190_000);
    expect(out.summary.occupancy.mean!).toBeGreaterThan(0.95);
    expect(out.summary.occupancy.mean!).toBeLessThanOrEqual(1);
  });

  it('1-minute intervals (a day of 1,440) and 60-minute intervals', async () => {
    const minute = await run(queue({ volume: 2, staff: 1, intervals: 1440, intervalMinutes: 1, patience: 60 }), 1);
    expectSound(minute);
    expect(minute.intervals).toHaveLength(1440);
    expect(minute.intervals[1439]!.start).toBe('23:59');
    const hour = await run(queue({ volume: 100, staff: 6, intervals: 24, intervalMinutes: 60, patience: 60 }), 2);
    expectSound(hour);
    expect(hour.intervals).toHaveLength(24);
  });

  it('a 365-day horizon of hourly intervals (8,760) runs; labels wrap every day', async () => {
    const out = await run(queue({ volume: 2, staff: 1, intervals: 365 * 24, intervalMinutes: 60, patience: 600 }), 1);
    expectSound(out);
    expect(out.intervals).toHaveLength(8760);
    expect(out.intervals[8759]!.start).toBe('23:00');
    expect(out.summary.arrivals.mean!).toBeGreaterThan(15_000);
  });
});

describe('runs larger than the limits are refused up front, naming the limit and how to lift it', () => {
  const huge = queue({ volume: 1e7, staff: 100, intervals: 24 }); // 2.4e8 contacts per replication

  it('estimates contacts x replications: arrivals (and warm-up), bot sessions, retrials, repeats', () => {
    const s = parseScenario({
      ...queue({ volume: [100, 300], staff: 5, patience: 60, warmupMinutes: 15 }),
    });
    expect(estimateRunSize(s).contactsPerReplication).toBe(100 / 2 + 400); // warm-up: half an interval of interval 0
    const bot = parseScenario({ ...queue({ volume: 100, staff: 5 }), contactTypes: [{ ...queue({ volume: 100, staff: 5 }).contactTypes[0], bot: { share: 0.5, containment: 0.4, duration: { dist: 'constant', value: 60 } } }] });
    expect(estimateRunSize(bot).contactsPerReplication).toBe(200 * 1.5); // half of them also a bot session
    const retry = parseScenario({ ...queue({ volume: 100, staff: 5, patience: 60 }), contactTypes: [{ ...queue({ volume: 100, staff: 5, patience: 60 }).contactTypes[0], retrial: { probability: 0.5, delay: { dist: 'constant', value: 60 } } }] });
    expect(estimateRunSize(retry).contactsPerReplication).toBe(200 * 2); // p/(1-p) = 1 retrial each at most
  });

  it('ccsim run: exit 2 with "this run would simulate about 2.4e9 contacts (limit 2e8); add --force"', async () => {
    const r = await guarded('run', file('huge', huge), '--replications', '10', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('ccsim run: this run would simulate about 2.4e9 contacts (limit 2e8); add --force (API: force: true) to run it anyway\n');
  });

  it('the API rejects with a RunTooLargeError naming the limit; compare and sweep count every scenario and variant', async () => {
    await expect(simulate(huge, { replications: 10, workers: 1 })).rejects.toThrow(RunTooLargeError);
    await expect(simulate(huge, { replications: 10, workers: 1 })).rejects.toMatchObject({ limit: 'contacts', forceable: true });
    const half = queue({ volume: 1e6, staff: 100, intervals: 24 }); // 2.4e7 per replication
    await expect(compare([half, half], { replications: 5, workers: 1 })).rejects.toThrow(/about 2.4e8 contacts \(limit 2e8\)/);
    await expect(sweep(half, 'agentGroups[0].staff', [100, 101], { replications: 5, workers: 1 })).rejects.toThrow(/about 2.4e8 contacts/);
    await expect(staff(half, { method: 'simulation', replications: 2, workers: 1 })).rejects.toThrow(RunTooLargeError);
  });

  it('--force (force: true) lifts a soft limit: 1.5 million agents run', async () => {
    const crowd = queue({ volume: 10, staff: 1_500_000 });
    const refused = await guarded('run', file('crowd', crowd), '--replications', '1');
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/up to 1\.5e6 agents present at once \(limit 1e6: .*\); add --force/) });
    const forced = await cli('run', file('crowd', crowd), '--replications', '1', '--workers', '1', '--json', '--force');
    expect(forced.code).toBe(0);
    expect(runOutputProblem(forced.stdout)).toBeNull();
    expect(() => checkRunSize([{ scenario: parseScenario(huge), replications: 10 }], true)).not.toThrow();
  });

  it('too many interval cells: a 365-day horizon of 1-minute intervals is refused, naming intervals, types and groups', async () => {
    const year = queue({ volume: 1, staff: 1, intervals: 365 * 1440, intervalMinutes: 1 });
    const r = await guarded('run', file('year', year), '--replications', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('525600 intervals x 2 types and groups = 1.1e6 interval cells, more than ccsim can run (3e5, even with --force');
    const quarter = queue({ volume: 1, staff: 1, intervals: 90 * 1440, intervalMinutes: 1 });
    const q = await guarded('run', file('quarter', quarter), '--replications', '1');
    expect(q.stderr).toContain('129600 intervals x 2 types and groups = 2.6e5 interval cells (limit 1e5');
    expect(q.stderr).toContain('add --force');
  });

  it('chat slots: concurrency 1e9 is refused even with --force (it would allocate gigabytes of router lists)', async () => {
    const chat = { ...queue({ volume: 5, staff: 8 }), contactTypes: [{ ...queue({ volume: 5, staff: 8 }).contactTypes[0], channel: 'chat' }], agentGroups: [{ id: 'team', skills: ['calls'], staff: 8, concurrency: 1e9 }] };
    const r = await guarded('run', file('chat', chat), '--replications', '1', '--force');
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('up to 8e9 chat slots (agents x concurrency), more than ccsim can run') });
  });

  it('a retrial loop that could never end (probability 1, zero delay and zero patience) is refused even with --force', async () => {
    const loop = {
      ...queue({ volume: 5, staff: 0 }),
      contactTypes: [{ ...queue({ volume: 5, staff: 0 }).contactTypes[0], patience: { dist: 'constant', value: 0 }, retrial: { probability: 1, delay: { dist: 'constant', value: 0 } } }],
    };
    const r = await guarded('run', file('loop', loop), '--replications', '1', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('contactTypes[0].retrial: probability 1 with no time between tries');
    const repeat = {
      ...queue({ volume: 5, staff: 1 }),
      contactTypes: [{ ...queue({ volume: 5, staff: 1 }).contactTypes[0], handleTime: { dist: 'constant', value: 0 }, repeat: { probability: 1, delay: { dist: 'constant', value: 0 } } }],
    };
    expect(await guarded('run', file('repeat', repeat), '--replications', '1')).toMatchObject({ code: 2, stderr: expect.stringContaining('contactTypes[0].repeat: probability 1') });
  });

  it('a warm-up or volume of 1e300 is refused (it would never finish) rather than hanging, and --force does not lift it', async () => {
    const warm = await guarded('run', file('warm', queue({ volume: 50, staff: 5, warmupMinutes: 1e300 })), '--replications', '1');
    expect(warm).toMatchObject({ code: 2, stderr: expect.stringContaining('contacts per replication, more than ccsim can run (1e11, even with --force') });
    const flood = await guarded('run', file('flood', queue({ volume: 1e300, staff: 5 })), '--replications', '1', '--force');
    expect(flood).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('about 2e300 contacts per replication, more than ccsim can run (1e11, even with --force') });
  });

  it('the limits are the documented ones', () => {
    expect(RUN_LIMITS).toEqual({ contacts: 2e8, agents: 1e6, chatSlots: 1e7, intervalCells: 1e5 });
    expect(HARD_LIMITS).toEqual({ contacts: 1e11, agents: 1e8, chatSlots: 1e8, intervalCells: 3e5 });
  });
});

describe('runs that could never finish are refused by the model builder itself, whoever calls it', () => {
  // Before the contacts hard limit, both of these hung with --force: the gaps between events fell
  // below the clock's resolution (now + gap == now), so the day spun at one instant for ever.
  const spin = {
    ...queue({ volume: 5, staff: 0 }),
    contactTypes: [{ ...queue({ volume: 5, staff: 0 }).contactTypes[0], patience: { dist: 'constant', value: 0 }, retrial: { probability: 1, delay: { dist: 'exponential', mean: 1e-300 } } }],
  };

  it('a retrial rule of probability 1 whose delay has mean 1e-300 (below the clock resolution) is refused with --force, at once', async () => {
    const r = await guarded('run', file('spin', spin), '--replications', '1', '--force');
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/contacts per replication, more than ccsim can run \(1e11, even with --force/) });
  });

  it('an arrival rate whose gaps are below the clock resolution (volume 1e300 per interval) is refused by buildModel and simulateInThread', () => {
    expect(() => buildModel(parseScenario(queue({ volume: 1e300, staff: 5 })))).toThrow(RunTooLargeError);
    expect(() => simulateInThread(parseScenario(spin), { replications: 1 })).toThrow(/more than ccsim can run/);
  });

  it('at the contacts hard limit the gaps are still far above the clock resolution (the limit keeps time moving)', () => {
    // The bound in src/experiment/runSize.ts: gap >= horizon / limit, resolution at the horizon = 2^-52 x horizon.
    for (const horizon of [60, 8 * 3600, 365 * 86400]) {
      const gap = horizon / HARD_LIMITS.contacts;
      expect(horizon + gap).toBeGreaterThan(horizon);
      expect(gap / (horizon * Number.EPSILON)).toBeGreaterThan(4e4);
    }
    // Just under the limit is accepted (1e11 contacts in one interval); just over is refused.
    expect(() => assertSimulable(parseScenario(queue({ volume: 0.99e11, staff: 5, intervals: 1 })))).not.toThrow();
    expect(() => assertSimulable(parseScenario(queue({ volume: 1.01e11, staff: 5, intervals: 1 })))).toThrow(/about 1e11 contacts per replication/);
  });

  it('however rare the customer: one who could come back more than 1e11 times is refused (volume 1e-6 a day, repeats every 1e-12 s)', () => {
    const rare = queue({ volume: [1e-6, 0], staff: 1 });
    const repeating = { ...rare, contactTypes: [{ ...rare.contactTypes[0], handleTime: { dist: 'constant', value: 0 }, repeat: { probability: 1, delay: { dist: 'exponential', mean: 1e-12 } } }] };
    const s = parseScenario(repeating);
    expect(estimateRunSize(s).contactsPerReplication).toBeLessThan(HARD_LIMITS.contacts); // the expected total alone would pass
    expect(() => assertSimulable(s)).toThrow('retrials and repeats that could bring one customer back about 3.6e15 times, more than ccsim can run (1e11, even with --force');
  });

  it('more than 1e8 agents is refused by buildModel too (a library call that skips the API cannot reach the memory cliff)', () => {
    const crowd = parseScenario(queue({ volume: 10, staff: 2e8 }));
    expect(() => buildModel(crowd)).toThrow(RunTooLargeError);
    expect(() => buildModel(crowd)).toThrow('up to 2e8 agents present at once, more than ccsim can run (1e8, even with --force');
    expect(() => checkRunSize([{ scenario: crowd, replications: 1 }])).toThrow(expect.objectContaining({ limit: 'agents', forceable: false }));
  });
});
