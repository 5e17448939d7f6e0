import { inThreadRunner, ReplicationPool } from '../experiment/index.js';
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
}

export function resolveRun(options: RunOptions, defaultReplications: number = RUN_DEFAULTS.replications): ResolvedRun {
  const replications = options.replications ?? defaultReplications;
  const workers = options.workers ?? defaultWorkers(replications);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers: must be an integer >= 1, got ${workers}`);
  return { replications, seed: options.seed ?? RUN_DEFAULTS.seed, workers, signal: options.signal, onProgress: options.onProgress, force: options.force === true };
}

/** A pool of `run.workers` runners (this thread for 1), closed when `use` settles. */
export async function withPool<T>(run: ResolvedRun, use: (pool: ReplicationPool) => Promise<T>, runnerOptions?: NodeRunnerOptions): Promise<T> {
  const factory = run.workers === 1 ? () => inThreadRunner() : nodeWorkerRunners(runnerOptions);
  const pool = new ReplicationPool(factory, run.workers, run.signal);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

