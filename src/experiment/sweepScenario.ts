import { parseScenario, type Scenario } from '../scenario/index.js';
import type { Metric } from '../stats/index.js';
import { buildModel } from './buildModel.js';
import { pairedDeltas, pairedTypeDeltas, SummaryRows, type SummaryKey, type TypeDeltaKey } from './pairedDeltas.js';
import type { Kpis, GroupKpis } from './runOutput.js';
import type { Replicator } from './replicationPool.js';
import { getAtPath, setAtPath, sweepValue } from './scenarioPath.js';
import { simulateScenario } from './simulateScenario.js';
import { RUN_DEFAULTS } from './runDefaults.js';

/** One value of a sweep. */
export interface SweepPoint {
  value: number | string;
  /** All contact types pooled (CONTRACT section 3). */
  summary: Kpis & GroupKpis;
  /** The KPIs of each contact type at this value (extension; the run's `byType`). */
  byType: Record<string, Kpis>;
  /**
   * Paired deltas against the first point (extension; absent on the first point), computed as
   * `compare` computes them: every point uses the same random streams.
   */
  delta?: { summary: Record<SummaryKey, Metric>; byType: Record<string, Record<TypeDeltaKey, Metric>> };
}

/** CONTRACT section 3 `sweep` output. */
export interface SweepOutput {
  parameter: string;
  points: SweepPoint[];
}

export interface SweepOptions {
  readonly replications?: number;
  readonly seed?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The scenario with `path` set to each value in turn (`*f` multiplies the current value), each
 * variant validated like a scenario file and run with the same seed (common random numbers).
 * Throws RangeError for a bad path or value and ScenarioError for an invalid variant.
 */
export function sweepVariants(scenario: Scenario, path: string, values: readonly string[]): { value: number | string; scenario: Scenario }[] {
  const current = getAtPath(scenario, path);
  return values.map((text) => {
    const value = sweepValue(current, text);
    return { value: text.startsWith('*') ? text : (value as number), scenario: parseScenario(setAtPath(scenario, path, value)) };
  });
}

export async function sweepScenario(
  scenario: Scenario,
  path: string,
  values: readonly string[],
  pool: Replicator,
  options: SweepOptions = {},
): Promise<SweepOutput> {
  const variants = sweepVariants(scenario, path, values);
  const replications = options.replications ?? RUN_DEFAULTS.replications;
  const points: SweepPoint[] = [];
  let first: SummaryRows | undefined;
  for (const [i, v] of variants.entries()) {
    const config = buildModel(v.scenario);
    const rows = new SummaryRows(config.intervalSeconds, config.intervals, config.types.map((t) => t.id));
    const run = await simulateScenario(v.scenario, pool, {
      replications,
      seed: options.seed ?? RUN_DEFAULTS.seed,
      onResult: (r) => rows.add(r),
      onProgress: (done) => options.onProgress?.(i * replications + done, variants.length * replications),
    });
    const point: SweepPoint = { value: v.value, summary: run.summary, byType: run.byType };
    if (first === undefined) first = rows;
    else point.delta = { summary: pairedDeltas(first, rows), byType: pairedTypeDeltas(first, rows) };
    points.push(point);
  }
  return { parameter: path, points };
}
