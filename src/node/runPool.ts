import { inThreadRunner, ReplicationPool, type Replicator } from '../experiment/index.js';
import { RedisReplicator } from './redisReplicator.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { defaultWorkers, nodeWorkerRunners, type NodeRunnerOptions } from './nodeWorkerRunner.js';

/** Options shared by `simulate`, `compare` and `sweep`. */
export interface RunOptions {
  /** Replications per scenario (default 10). */
  readonly replications?: number;
  /** Master seed (default 1): replication r uses the streams of (seed, r). */
  readonly seed?: number;
  /** Worker threads (default: available cores, at most the replications). 1 runs in this thread. */
  readonly workers?: number;
  /** Aborting stops the run promptly, terminates its workers and rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** Called after each replication: replications done and planned. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Run even when the call is larger than RUN_LIMITS (estimated contacts x replications, agents,
   * chat slots, interval cells); without it such a call is refused with a RunTooLargeError.
   */
  readonly force?: boolean;
  /**
   * Run the replications as BullMQ jobs on this Redis (`redis://HOST:PORT`), taken by any number
   * of `ccsim worker` processes (CONTRACT section 9); the output is the local one, bit for bit.
   * Null or absent: worker threads here.
   */
  readonly redis?: string | null;
  /** With `redis`: stop with an error when no worker has been connected for this long (default 60 s). */
  readonly redisTimeout?: number;
  /** With `redis`: where to say what the run waits for (default: nowhere). */
  readonly log?: (line: string) => void;
}

/**
 * Run options with every default filled in, in this one place (RUN_DEFAULTS for replications
 * and seed, the available cores for workers): what the API's functions hand downward.
 */
export interface ResolvedRun {
  readonly replications: number;
  readonly seed: number;
  readonly workers: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly force: boolean;
  readonly redis: string | null;
  readonly redisTimeout: number;
  readonly log: ((line: string) => void) | undefined;
}

/** Seconds a `--redis` run waits for a worker before it stops (CONTRACT section 9). */
export const REDIS_TIMEOUT_DEFAULT = 60;

export function resolveRun(options: RunOptions, defaultReplications: number = RUN_DEFAULTS.replications): ResolvedRun {
  const replications = options.replications ?? defaultReplications;
  const workers = options.workers ?? defaultWorkers(replications);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers: must be an integer >= 1, got ${workers}`);
  const redisTimeout = options.redisTimeout ?? REDIS_TIMEOUT_DEFAULT;
  if (!(redisTimeout > 0)) throw new RangeError(`redisTimeout: must be a number of seconds > 0, got ${redisTimeout}`);
  return {
    replications,
    seed: options.seed ?? RUN_DEFAULTS.seed,
    workers,
    signal: options.signal,
    onProgress: options.onProgress,
    force: options.force === true,
    redis: options.redis ?? null,
    redisTimeout,
    log: options.log,
  };
}

/**
 * A pool of `run.workers` runners (this thread for 1), or with `run.redis` the queue on that
 * Redis; closed when `use` settles.
 */
export async function withPool<T>(run: ResolvedRun, use: (pool: Replicator) => Promise<T>, runnerOptions?: NodeRunnerOptions): Promise<T> {
  const pool: Replicator =
    run.redis === null
      ? new ReplicationPool(run.workers === 1 ? () => inThreadRunner() : nodeWorkerRunners(runnerOptions), run.workers, run.signal)
      : await RedisReplicator.connect(run.redis, { timeoutSeconds: run.redisTimeout, signal: run.signal, log: run.log });
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

