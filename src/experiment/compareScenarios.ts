import type { Scenario } from '../scenario/index.js';
import type { Metric } from '../stats/index.js';
import { buildModel } from './buildModel.js';
import { pairedDeltas, pairedTypeDeltas, SummaryRows, type SummaryKey, type TypeDeltaKey } from './pairedDeltas.js';
import type { Replicator } from './replicationPool.js';
import { simulateScenario, type SimulatedRun } from './simulateScenario.js';
import { RUN_DEFAULTS } from './runDefaults.js';

/** Paired deltas of one scenario against the baseline. */
export interface CompareDelta {
  scenario: string;
  /** All contact types pooled, plus occupancy and slot utilization (CONTRACT section 3). */
  summary: Record<SummaryKey, Metric>;
  /**
   * Per contact type present in both scenarios (extension): each type's KPIs are measured
   * against its own service-level threshold, which the pooled summary mixes.
   */
  byType: Record<string, Record<TypeDeltaKey, Metric>>;
}

/** CONTRACT section 3 `compare` output. */
export interface CompareOutput {
  baseline: string;
  runs: SimulatedRun[];
  deltas: CompareDelta[];
}

export interface CompareOptions {
  readonly replications?: number;
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Run every scenario with common random numbers (replication r of each uses the streams of
 * (seed, r)) and report each one's paired deltas against the first.
 */
export async function compareScenarios(scenarios: readonly Scenario[], pool: Replicator, options: CompareOptions = {}): Promise<CompareOutput> {
  if (scenarios.length < 2) throw new RangeError('compare: needs a baseline and at least one other scenario');
  const replications = options.replications ?? RUN_DEFAULTS.replications;
  const total = replications * scenarios.length;
  const runs: SimulatedRun[] = [];
  const rows: SummaryRows[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    const config = buildModel(scenario);
    const summary = new SummaryRows(config.intervalSeconds, config.intervals, config.types.map((t) => t.id));
    runs.push(
      await simulateScenario(scenario, pool, {
        replications,
        seed: options.seed ?? RUN_DEFAULTS.seed,
        onResult: (r) => summary.add(r),
        onProgress: (done) => options.onProgress?.(i * replications + done, total),
      }),
    );
    rows.push(summary);
  }
  return {
    baseline: scenarios[0]!.name,
    runs,
    deltas: scenarios.slice(1).map((s, i) => ({
      scenario: s.name,
      summary: pairedDeltas(rows[0]!, rows[i + 1]!),
      byType: pairedTypeDeltas(rows[0]!, rows[i + 1]!),
    })),
  };
}
