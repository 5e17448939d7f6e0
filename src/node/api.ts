import { staffScenario, type RunScenario, type StaffMethod, type StaffOutput } from '../optimize/staffScenario.js';
import {
  buildModel,
  checkPrecisionType,
  compareScenarios,
  inThreadRunner,
  ReplicationPool,
  simulateScenario,
  sweepScenario,
  sweepVariants,
  type CompareOutput,
  type PrecisionTarget,
  type SimulatedRun,
  type SweepOutput,
} from '../experiment/index.js';
import { parseScenario, type Scenario } from '../scenario/index.js';
import { loadScenarioFile } from './loadScenarioFile.js';
import { defaultWorkers, nodeWorkerRunners, type NodeRunnerOptions } from './nodeWorkerRunner.js';
import { checkRunSize } from '../experiment/runSize.js';

/** A scenario file path, or a scenario object (validated like a file). */
export type ScenarioSource = string | Scenario | Record<string, unknown>;

/**
 * Read and validate a scenario. A path is read as a JSON file; an object is validated as is.
 * Throws an Error whose message names the file and every field path at fault.
 */
export async function loadScenario(source: ScenarioSource): Promise<Scenario> {
  return typeof source === 'string' ? loadScenarioFile(source) : parseScenario(source);
}

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

export interface SimulateOptions extends RunOptions {
  /**
   * Add replications until the service level's 95% half-width is at most this: of
   * `precision.type`, or by default of the contact type whose half-width is the widest.
   */
  readonly precision?: PrecisionTarget;
  /** Called as each replication completes, with the id of the thread that ran it. */
  readonly onReplicationDone?: (replication: number, threadId: number) => void;
  /** Test hook for worker faults (see NodeRunnerOptions). */
  readonly workerOptions?: NodeRunnerOptions;
}

async function withPool<T>(options: SimulateOptions, replications: number, use: (pool: ReplicationPool) => Promise<T>): Promise<T> {
  const workers = options.workers ?? defaultWorkers(replications);
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers: must be an integer >= 1, got ${workers}`);
  const factory = workers === 1 ? () => inThreadRunner() : nodeWorkerRunners(options.workerOptions);
  const pool = new ReplicationPool(factory, workers, options.signal);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/** Simulate a scenario's day over replications (in worker threads) and return the CONTRACT run output. */
export async function simulate(source: ScenarioSource, options: SimulateOptions = {}): Promise<SimulatedRun> {
  const scenario = await loadScenario(source);
  const replications = options.replications ?? 10;
  const planned = options.precision ? Math.max(replications, options.precision.maxReplications ?? 1000) : replications;
  checkRunSize([{ scenario, replications: planned }], options.force);
  try {
    checkPrecisionType(scenario, options.precision);
  } catch (error) {
    throw new RangeError(`precision.type: ${(error as Error).message}`);
  }
  return withPool(options, replications, (pool) =>
    simulateScenario(scenario, pool, {
      replications,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.precision ? { precision: options.precision } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onReplicationDone ? { onReplicationDone: options.onReplicationDone } : {}),
    }),
  );
}

/** Run a baseline and variants with common random numbers; paired deltas against the baseline. */
export async function compare(sources: readonly ScenarioSource[], options: RunOptions = {}): Promise<CompareOutput> {
  const scenarios = await Promise.all(sources.map(loadScenario));
  checkRunSize(scenarios.map((scenario) => ({ scenario, replications: options.replications ?? 10 })), options.force);
  return withPool(options, options.replications ?? 10, (pool) => compareScenarios(scenarios, pool, pick(options)));
}

/** Run a scenario with one field set to each value (`"*1.1"` multiplies the current value). */
export async function sweep(source: ScenarioSource, path: string, values: readonly (number | string)[], options: RunOptions = {}): Promise<SweepOutput> {
  const scenario = await loadScenario(source);
  const variants = sweepVariants(scenario, path, values.map(String));
  checkRunSize(variants.map((v) => ({ scenario: v.scenario, replications: options.replications ?? 10 })), options.force);
  return withPool(options, options.replications ?? 10, (pool) => sweepScenario(scenario, path, values.map(String), pool, pick(options)));
}

function pick(options: RunOptions) {
  return {
    ...(options.replications === undefined ? {} : { replications: options.replications }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

/** Options of `staff`. */
export interface StaffApiOptions extends RunOptions {
  /** `simulation` (default), `erlang-c` or `erlang-a`. */
  readonly method?: StaffMethod;
  /** Simulations the search may run (default 60). */
  readonly maxEvaluations?: number;
}

/**
 * The fewest agents per group and interval meeting every target (CONTRACT section 5 `staff`).
 * The simulation method runs its candidates and its verification on a worker pool.
 */
export async function staff(source: ScenarioSource, options: StaffApiOptions = {}): Promise<StaffOutput> {
  const scenario = await loadScenario(source);
  const method = options.method ?? 'simulation';
  const replications = options.replications ?? 20;
  // The search runs up to maxEvaluations simulations, then a verification of twice the replications.
  // The Erlang methods simulate nothing but take time in proportion to the agents, so to the volume.
  const simulated = method === 'simulation' ? replications * ((options.maxEvaluations ?? 60) + 2) : 1;
  checkRunSize([{ scenario, replications: simulated }], options.force);
  const config = buildModel(scenario);
  if (method !== 'simulation') return staffScenario(scenario, config, null, { method });
  return withPool(options, replications * 2, async (pool) => {
    let planned = 0;
    const run: RunScenario = (s, r, seed) => {
      planned += r;
      return simulateScenario(s, pool, { replications: r, seed, ...(options.onProgress ? { onProgress: (done) => options.onProgress!(planned - r + done, planned) } : {}) });
    };
    return staffScenario(scenario, config, run, {
      method,
      replications,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.maxEvaluations === undefined ? {} : { maxEvaluations: options.maxEvaluations }),
    });
  });
}
