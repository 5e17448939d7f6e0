import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError } from '../../src/experiment/index.js';
import { simulate } from '../../src/node/api.js';
import { QUEUE_NAME, QUEUE_PREFIX } from '../../src/node/redisQueue.js';
import { cli } from '../support/cli.js';
import { freePort, hasRedis, noRedis, startRedis, startWorker, type TestRedis, type WorkerProcess } from '../support/redis.js';

const scenario = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
const erlangCheck = scenario('erlang-check');
const twoSkills = scenario('two-skills');
const retailDay = scenario('retail-day');

if (!hasRedis) console.log(noRedis);

/** The run's jobs no worker has taken yet. */
async function pendingJobs(url: string): Promise<number> {
  const queue = new Queue(QUEUE_NAME, { connection: { url } as never, prefix: QUEUE_PREFIX });
  try {
    const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  } finally {
    await queue.close();
  }
}

describe.skipIf(!hasRedis)('--redis: replications as BullMQ jobs taken by ccsim worker processes', () => {
  let redis: TestRedis;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await redis?.stop();
  });

  it('prints the local run\'s JSON, byte for byte, with 1, 2 and 3 worker processes (run, compare)', async () => {
    // erlang-check: about 8 replications per job, so 24 make 3 jobs for up to 3 workers.
    const local = await cli('run', erlangCheck, '--replications', '24', '--seed', '4', '--json', '--workers', '1');
    const localCompare = await cli('compare', retailDay, twoSkills, '--replications', '6', '--seed', '2', '--json', '--workers', '1');
    expect(local.code).toBe(0);
    for (let n = 1; n <= 3; n++) {
      workers.push(await startWorker(redis.url));
      const queued = await cli('run', erlangCheck, '--replications', '24', '--seed', '4', '--json', '--redis', redis.url);
      expect(queued.stderr).toBe('');
      expect(queued.code).toBe(0);
      expect(queued.stdout).toBe(local.stdout);
      const compared = await cli('compare', retailDay, twoSkills, '--replications', '6', '--seed', '2', '--json', '--redis', redis.url);
      expect(compared.code).toBe(0);
      expect(compared.stdout).toBe(localCompare.stdout);
    }
  });

  it('explain: the counterfactuals travel with the jobs; the same JSON as the local run', async () => {
    if (workers.length === 0) workers.push(await startWorker(redis.url));
    // Retail day at 10:30: both counterfactuals change the answer, so a job that lost its
    // counterfactual would give deltas of exactly 0.
    const args = ['explain', retailDay, '--interval', '10:30', '--replications', '8', '--seed', '3', '--json'];
    const local = await cli(...args, '--workers', '1');
    expect(local.code).toBe(0);
    const causes = (JSON.parse(local.stdout) as { causes: { deltaPts: { mean: number } }[] }).causes;
    expect(causes.length).toBe(2);
    for (const c of causes) expect(c.deltaPts.mean).not.toBe(0);
    const queued = await cli(...args, '--redis', redis.url);
    expect(queued.stderr).toBe('');
    expect(queued.code).toBe(0);
    expect(queued.stdout).toBe(local.stdout);
  });

  it('a worker SIGKILLed mid-run: its job is taken again by another, nothing lost or counted twice', async () => {
    while (workers.length < 2) workers.push(await startWorker(redis.url));
    const local = await simulate(erlangCheck, { replications: 64, seed: 9, workers: 1 });
    const log: string[] = [];
    let killed = false;
    const victim = workers[0]!;
    const queued = await simulate(erlangCheck, {
      replications: 64,
      seed: 9,
      redis: redis.url,
      log: (line) => log.push(line),
      // After the first block is back, both workers are busy with the next ones.
      onProgress: () => {
        if (!killed) {
          killed = true;
          void victim.kill('SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(JSON.stringify(queued)).toBe(JSON.stringify(local));
    expect(log.some((l) => /their worker stopped answering; another worker takes them/.test(l))).toBe(true);
    workers.shift();
  });

  it('two clients at once with different scenarios on the same workers: each gets its own local output', async () => {
    while (workers.length < 2) workers.push(await startWorker(redis.url));
    const [a, b] = await Promise.all([
      simulate(erlangCheck, { replications: 24, seed: 3, redis: redis.url }),
      simulate(retailDay, { replications: 24, seed: 3, redis: redis.url }),
    ]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(await simulate(erlangCheck, { replications: 24, seed: 3, workers: 1 })));
    expect(JSON.stringify(b)).toBe(JSON.stringify(await simulate(retailDay, { replications: 24, seed: 3, workers: 1 })));
  });

  it('an abort rejects with an AbortError and removes the run\'s jobs no worker has taken', async () => {
    while (workers.length < 1) workers.push(await startWorker(redis.url));
    const controller = new AbortController();
    const run = simulate(erlangCheck, {
      replications: 400,
      seed: 5,
      redis: redis.url,
      signal: controller.signal,
      onProgress: (done) => done === 1 && controller.abort(),
    });
    await expect(run).rejects.toThrow(AbortError);
    expect(await pendingJobs(redis.url)).toBe(0);
    // The workers are free again: the next run goes through.
    const next = await cli('run', twoSkills, '--replications', '2', '--json', '--redis', redis.url);
    expect(next.code).toBe(0);
  });
});

describe.skipIf(!hasRedis)('--redis: what goes wrong says so', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterAll(async () => redis?.stop());

  it('an address with nothing listening: one clear line, exit 2, nothing printed', async () => {
    const out = await cli('run', twoSkills, '--json', '--redis', 'redis://127.0.0.1:1');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^ccsim run: --redis redis:\/\/127\.0\.0\.1:1: cannot reach Redis \(connect ECONNREFUSED 127\.0\.0\.1:1\)\n$/);
    const bad = await cli('run', twoSkills, '--redis', 'localhost:6379');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ccsim run: --redis localhost:6379: expected redis:\/\/HOST:PORT/);
  });

  it('no worker connected: says so on stderr, stops after --redis-timeout with exit 1, leaves no job behind', async () => {
    const started = performance.now();
    const out = await cli('run', twoSkills, '--json', '--redis', redis.url, '--redis-timeout', '2');
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`waiting for a ccsim worker on ${redis.url}`);
    expect(out.stderr).toContain(`no ccsim worker connected to ${redis.url} within 2 s (--redis-timeout)`);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await pendingJobs(redis.url)).toBe(0);
  });

  it('a worker that cannot reach Redis retries with a growing delay and says so, then takes jobs when Redis is up', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const worker = await startWorker(url, 1, 'cannot reach Redis');
    try {
      expect(worker.stderr()).toMatch(new RegExp(`cannot reach Redis at ${url.replace(/[/.]/g, '\\$&')}; retrying in \\d+\\.\\d s \\(attempt 1\\)`));
      const late = await startRedis(port);
      try {
        const out = await cli('run', twoSkills, '--replications', '3', '--json', '--redis', url, '--redis-timeout', '30');
        expect(out.code).toBe(0);
        expect(out.stdout).toBe((await cli('run', twoSkills, '--replications', '3', '--json', '--workers', '1')).stdout);
        expect(worker.stderr()).toContain(`connected to Redis at ${url}`);
      } finally {
        await worker.kill('SIGKILL');
        await late.stop();
      }
    } finally {
      await worker.kill('SIGKILL');
    }
  });
});
