import type { Scenario } from '../scenario/index.js';
import type { ReplicationResult } from './measures.js';
import type { ReplicationPool } from './replicationPool.js';
import type { RunOutput } from './runOutput.js';
import { RunReducer } from './runReducer.js';
import { buildModel } from './buildModel.js';
import { intervalLabels } from './simulate.js';

/** Keep adding replications until the summary service level is this precise. */
export interface PrecisionTarget {
  /** Largest acceptable 95% half-width of the summary service level (e.g. 0.01). */
  readonly halfWidth: number;
  /** Never run more replications than this (default 1000). */
  readonly maxReplications?: number;
}

/** How a precision-driven run ended. */
export interface PrecisionReport {
  readonly target: number;
  /** The summary service level's 95% half-width reached (null when undefined). */
  readonly achieved: number | null;
  readonly stoppedBy: 'precision' | 'maxReplications';
}

export interface SimulateScenarioOptions {
  /** Replications (the first batch when `precision` is set); default 10. */
  readonly replications?: number;
  /** Master seed; default 1. */
  readonly seed?: number;
  /** Run until the summary service level is this precise (see PrecisionTarget). */
  readonly precision?: PrecisionTarget;
  /** Called after each replication with the number done and the number planned so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Every replication's result, in replication order (e.g. for paired comparisons). */
  readonly onResult?: (result: ReplicationResult) => void;
  /** Called as each replication completes, with the runner (worker thread) that did it. */
  readonly onReplicationDone?: (replication: number, runnerId: number) => void;
}

export type SimulatedRun = RunOutput & { precision?: PrecisionReport };

/**
 * Simulate a scenario on a pool and reduce the results in replication order. With a precision
 * target, replications are added in batches of the first run's size until the summary service
 * level's half-width is at most the target or the cap is reached; batches are fixed, so the
 * result is the same for any number of workers.
 */
export async function simulateScenario(scenario: Scenario, pool: ReplicationPool, options: SimulateScenarioOptions = {}): Promise<SimulatedRun> {
  const batch = options.replications ?? 10;
  const seed = options.seed ?? 1;
  const reducer = new RunReducer(buildModel(scenario));
  const cap = options.precision ? Math.max(batch, options.precision.maxReplications ?? 1000) : batch;
  const labels = intervalLabels(scenario);
  const output = () => reducer.output({ scenario: scenario.name, seed, intervalLabels: labels });
  let done = 0;
  let planned = Math.min(batch, cap);
  for (;;) {
    const from = done;
    await pool.run(scenario, seed, from, planned, {
      onResult: (result) => {
        reducer.add(result);
        options.onResult?.(result);
      },
      onProgress: (n) => options.onProgress?.(from + n, planned),
      ...(options.onReplicationDone ? { onReplicationDone: options.onReplicationDone } : {}),
    });
    done = planned;
    if (!options.precision) return output();
    const run = output();
    const achieved = run.summary.serviceLevel.ci95;
    const met = achieved !== null && done >= 2 && achieved <= options.precision.halfWidth;
    if (met || done >= cap) {
      return { ...run, precision: { target: options.precision.halfWidth, achieved, stoppedBy: met ? 'precision' : 'maxReplications' } };
    }
    planned = Math.min(cap, done + batch);
  }
}
