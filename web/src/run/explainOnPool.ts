/**
 * `ccsim explain` in the page: src/optimize/explain.ts's explainInterval (a baseline and one
 * paired counterfactual run per cause) on the page's pool of replication Web Workers, the same
 * pool as a run's (browserRunner.ts). With the same scenario, interval, seed and replications the
 * document equals `ccsim explain --json` (common random numbers: any number of workers).
 */
import { ReplicationPool } from '../../../src/experiment/index.js';
import { explainInterval, type ExplainOutput } from '../../../src/optimize/explain.js';
import type { Scenario } from '../../../src/scenario/index.js';
import { browserWorkerRunners, poolSize } from './browserRunner.js';

export interface ExplainSettings {
  /** The interval, as an index of the scenario's intervals. */
  readonly interval: number;
  /** The contact type to explain; absent: the one furthest below its target. */
  readonly type?: string;
  readonly replications: number;
  readonly seed: number;
  readonly signal: AbortSignal;
  readonly onProgress: (done: number, total: number) => void;
  /** Called once the pool is up, with its size. */
  readonly onStart?: (workers: number) => void;
}

export interface ExplainResult {
  readonly output: ExplainOutput;
  readonly workers: number;
  readonly seconds: number;
}

export async function explainOnPool(scenario: Scenario, settings: ExplainSettings): Promise<ExplainResult> {
  const started = performance.now();
  const pool = new ReplicationPool(browserWorkerRunners(), poolSize(settings.replications), settings.signal);
  settings.onStart?.(pool.size);
  try {
    const output = await explainInterval(scenario, pool, {
      interval: settings.interval,
      replications: settings.replications,
      seed: settings.seed,
      onProgress: settings.onProgress,
      ...(settings.type === undefined ? {} : { type: settings.type }),
    });
    return { output, workers: pool.size, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.close();
  }
}
