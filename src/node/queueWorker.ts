// Types only: loaded when the worker starts (see redisReplicator.ts).
import type { Job } from 'bullmq';
import { ReplicationPool, type Counterfactual, type ReplicationResult, type StaffArrays } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';
import { nodeWorkerRunners } from './nodeWorkerRunner.js';
import { decodeScenario, encodeResults } from './resultCodec.js';
import { checkRedisUrl, JOB_RETENTION_SECONDS, LOCK_MS, MAX_STALLED, QUEUE_NAME, QUEUE_PREFIX, resultKey, scenarioKey, STALLED_CHECK_MS, type BlockData } from './redisQueue.js';

export interface QueueWorkerOptions {
  /** Worker threads for the blocks (default: the available cores). */
  readonly threads: number;
  /** Where the worker says what it does (stderr in the CLI). */
  readonly log: (line: string) => void;
  /** Stops the worker: it finishes the block in hand, then leaves. */
  readonly signal?: AbortSignal;
}

/**
 * `ccsim worker --redis URL`: takes blocks of replications from the queue, one at a time, and
 * runs each on its own pool of worker threads (the same code as a local run, so the same
 * results). A scenario is fetched once by its hash and kept, so its model is built once per
 * thread. Redis out of reach: it retries with a growing delay and says so; it never exits on it.
 * Resolves when `signal` aborts and the block in hand is done.
 */
export async function runQueueWorker(url: string, options: QueueWorkerOptions): Promise<void> {
  const [{ Worker }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
  checkRedisUrl(url);
  let failures = 0;
  const retryStrategy = (times: number) => {
    const delay = Math.min(10_000, 250 * 2 ** Math.min(times, 6));
    failures = times;
    options.log(`cannot reach Redis at ${url}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${times})`);
    return delay;
  };
  const connection = new Redis(url, { maxRetriesPerRequest: null, retryStrategy });
  connection.on('error', () => undefined);
  connection.on('ready', () => {
    if (failures > 0) options.log(`connected to Redis at ${url}`);
    failures = 0;
  });
  // A pool that failed (a thread died) closes itself: the next block gets a fresh one.
  let pool = new ReplicationPool(nodeWorkerRunners(), options.threads);
  /** The scenarios of recent runs by hash, oldest first (a long-lived worker keeps the last 32). */
  const scenarios = new Map<string, Scenario>();
  const staffs = new Map<string, StaffArrays>();
  const scenarioOf = async (hash: string): Promise<Scenario> => {
    let scenario = scenarios.get(hash);
    if (scenario === undefined) {
      const bytes = await connection.getBuffer(scenarioKey(hash));
      if (bytes === null) throw new Error(`scenario ${hash.slice(0, 12)} is not in Redis (expired, or the client removed it)`);
      scenario = decodeScenario(bytes);
      if (scenarios.size >= 32) scenarios.delete(scenarios.keys().next().value!);
      scenarios.set(hash, scenario);
    }
    return scenario;
  };
  // Same staff arrays, same object: the worker threads then restaff only when the plan changes.
  const staffOf = (staff: StaffArrays | null): StaffArrays | null => {
    if (staff === null) return null;
    const key = JSON.stringify(staff);
    let kept = staffs.get(key);
    if (kept === undefined) {
      if (staffs.size > 64) staffs.clear();
      staffs.set(key, (kept = staff));
    }
    return kept;
  };
  // Likewise `ccsim explain`'s counterfactuals.
  const counterfactuals = new Map<string, Counterfactual>();
  const counterfactualOf = (cf: Counterfactual | null | undefined): Counterfactual | null => {
    if (cf == null) return null;
    const key = JSON.stringify(cf);
    let kept = counterfactuals.get(key);
    if (kept === undefined) {
      if (counterfactuals.size > 64) counterfactuals.clear();
      counterfactuals.set(key, (kept = cf));
    }
    return kept;
  };
  const processor = async (job: Job<BlockData>): Promise<string> => {
    const { scenario, staff, counterfactual, observationsOnly, seed, from, to } = job.data;
    const results: ReplicationResult[] = [];
    try {
      const cf = counterfactualOf(counterfactual);
      const lean = observationsOnly === true ? { observationsOnly: true } : {};
      await pool.run({ scenario: await scenarioOf(scenario), staff: staffOf(staff), ...(cf === null ? {} : { counterfactual: cf }), ...lean }, seed, from, to, { onResult: (r) => results.push(r) });
    } catch (error) {
      await pool.close();
      pool = new ReplicationPool(nodeWorkerRunners(), options.threads);
      throw error;
    }
    const key = resultKey(job.data.run, job.data.block);
    await connection.set(key, encodeResults(results), 'EX', JOB_RETENTION_SECONDS);
    return key;
  };
  const worker = new Worker<BlockData, string>(QUEUE_NAME, processor, {
    connection,
    prefix: QUEUE_PREFIX,
    concurrency: 1,
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_CHECK_MS,
    maxStalledCount: MAX_STALLED,
  });
  worker.on('error', () => undefined);
  worker.on('failed', (job, error) => options.log(`block ${job?.data.block ?? '?'} of run ${job?.data.run.slice(0, 8) ?? '?'} failed: ${error.message}`));
  options.log(`taking jobs from ${url} with ${options.threads} thread${options.threads === 1 ? '' : 's'} (Ctrl-C stops after the block in hand)`);
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await worker.close();
  await pool.close();
  connection.disconnect();
}
