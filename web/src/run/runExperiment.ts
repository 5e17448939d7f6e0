/** Run one scenario, or compare several with common random numbers, on a pool of Web Workers. */
import {
  compareScenarios,
  ReplicationPool,
  simulateScenario,
  type CompareOutput,
  type RunOutput,
  type SummaryKey,
  type TypeDeltaKey,
} from '../../../src/experiment/index.js';
import type { Scenario } from '../../../src/scenario/index.js';
import type { Metric } from '../../../src/stats/index.js';
import { browserWorkerRunners, poolSize } from './browserRunner.js';

/** What the page shows: one run per scenario, and paired deltas against the first. */
export interface Results {
  readonly scenarios: readonly Scenario[];
  readonly runs: readonly RunOutput[];
  /** `deltas[i]` is scenario i against scenario 0 (null for the baseline itself). */
  readonly deltas: readonly (Record<SummaryKey, Metric> | null)[];
  /** `typeDeltas[i][type]`: the same per contact type present in both (null for the baseline). */
  readonly typeDeltas: readonly (Record<string, Record<TypeDeltaKey, Metric>> | null)[];
  /** The CLI's JSON document: `ccsim run --json` for one scenario, `ccsim compare --json` for several. */
  readonly document: RunOutput | CompareOutput;
  readonly workers: number;
  readonly seconds: number;
}

export interface RunSettings {
  readonly replications: number;
  readonly seed: number;
  readonly signal: AbortSignal;
  readonly onProgress: (done: number, total: number) => void;
  /** Called once the pool is up, with its size. */
  readonly onStart?: (workers: number) => void;
}

export async function runExperiment(scenarios: readonly Scenario[], settings: RunSettings): Promise<Results> {
  const started = performance.now();
  const workers = poolSize(settings.replications);
  const pool = new ReplicationPool(browserWorkerRunners(), workers, settings.signal);
  settings.onStart?.(pool.size);
  const options = { replications: settings.replications, seed: settings.seed, onProgress: settings.onProgress };
  try {
    if (scenarios.length === 1) {
      const run = await simulateScenario(scenarios[0]!, pool, options);
      return { scenarios, runs: [run], deltas: [null], typeDeltas: [null], document: run, workers, seconds: (performance.now() - started) / 1000 };
    }
    const out = await compareScenarios(scenarios, pool, options);
    return {
      scenarios,
      runs: out.runs,
      deltas: [null, ...out.deltas.map((d) => d.summary)],
      typeDeltas: [null, ...out.deltas.map((d) => d.byType)],
      document: out,
      workers,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pool.close();
  }
}
