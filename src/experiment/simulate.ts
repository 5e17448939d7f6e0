import { formatClock, parseClock, type Scenario } from '../scenario/index.js';
import { buildModel } from './buildModel.js';
import { runReplication } from './replication.js';
import { TraceRecorder, type TraceEvent } from './trace.js';
import type { RunOutput } from './runOutput.js';
import { RunReducer } from './runReducer.js';
import { RUN_DEFAULTS } from './runDefaults.js';

/** Options of a simulation in this thread (`simulateInThread`). */
export interface InThreadOptions {
  /** Independent replications of the day (default 10). */
  readonly replications?: number;
  /** Master seed (default 1). */
  readonly seed?: number;
  /** Called after each replication with the number done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** "HH:MM" labels of a scenario's intervals. */
export function intervalLabels(scenario: Scenario): string[] {
  const start = parseClock(scenario.start);
  return Array.from({ length: scenario.intervals }, (_, i) => formatClock(start + i * scenario.intervalMinutes));
}

/** Simulate `replications` days of a validated scenario in this thread and reduce them in order. */
export function simulateInThread(scenario: Scenario, options: InThreadOptions = {}): RunOutput {
  const replications = options.replications ?? RUN_DEFAULTS.replications;
  const seed = options.seed ?? RUN_DEFAULTS.seed;
  const config = buildModel(scenario);
  const reducer = new RunReducer(config);
  for (let r = 0; r < replications; r++) {
    reducer.add(runReplication(config, seed, r));
    options.onProgress?.(r + 1, replications);
  }
  return reducer.output({ scenario: scenario.name, seed, intervalLabels: intervalLabels(scenario) });
}

/** Every model event of one replication (the streams of (seed, replication)), in order. */
export function traceReplication(scenario: Scenario, seed: number, replication: number): TraceEvent[] {
  const config = buildModel(scenario);
  const trace = new TraceRecorder(config);
  runReplication(config, seed, replication, { observer: trace });
  return trace.events;
}
