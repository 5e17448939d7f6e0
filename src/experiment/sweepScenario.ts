import { parseScenario, type Scenario } from '../scenario/index.js';
import type { Kpis, GroupKpis } from './runOutput.js';
import type { ReplicationPool } from './replicationPool.js';
import { getAtPath, setAtPath, sweepValue } from './scenarioPath.js';
import { simulateScenario } from './simulateScenario.js';

/** CONTRACT section 3 `sweep` output. */
export interface SweepOutput {
  parameter: string;
  points: { value: number | string; summary: Kpis & GroupKpis }[];
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
  pool: ReplicationPool,
  options: SweepOptions = {},
): Promise<SweepOutput> {
  const variants = sweepVariants(scenario, path, values);
  const replications = options.replications ?? 10;
  const points: SweepOutput['points'] = [];
  for (const [i, v] of variants.entries()) {
    const run = await simulateScenario(v.scenario, pool, {
      replications,
      seed: options.seed ?? 1,
      onProgress: (done) => options.onProgress?.(i * replications + done, variants.length * replications),
    });
    points.push({ value: v.value, summary: run.summary });
  }
  return { parameter: path, points };
}
