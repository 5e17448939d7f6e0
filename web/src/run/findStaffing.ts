/**
 * `ccsim staff` (simulation method) in the page: staffScenario with every candidate plan
 * simulated on a pool of Web Workers (the main thread only steers the search and reduces).
 */
import { ReplicationPool } from '../../../src/experiment/index.js';
import { DEFAULT_MAX_EVALUATIONS, withStaff, type StaffOutput } from '../../../src/optimize/staffScenario.js';
import { staffOnPool } from '../../../src/optimize/staffOnPool.js';
import type { Scenario } from '../../../src/scenario/index.js';
import { browserWorkerRunners, poolSize } from './browserRunner.js';

export interface FindStaffingSettings {
  /** Replications per candidate plan (the repair and the verification use twice as many). */
  readonly replications: number;
  readonly seed: number;
  readonly signal: AbortSignal;
  readonly maxEvaluations?: number;
  /**
   * After each replication: `simulation` is the 1-based number of the simulation under way,
   * `fraction` how much of it is done, `bound` the most simulations the search can take.
   */
  readonly onProgress: (simulation: number, fraction: number, bound: number) => void;
  readonly onStart?: (workers: number) => void;
}

export interface FoundStaffing {
  /** The scenario with the plan's staff per group and interval (shifts replaced), renamed. */
  readonly scenario: Scenario;
  readonly output: StaffOutput;
  readonly workers: number;
  readonly seconds: number;
}

export async function findStaffing(scenario: Scenario, settings: FindStaffingSettings): Promise<FoundStaffing> {
  const started = performance.now();
  const workers = poolSize(settings.replications * 2);
  const pool = new ReplicationPool(browserWorkerRunners(), workers, settings.signal);
  settings.onStart?.(pool.size);
  try {
    const output = await staffOnPool(scenario, pool, {
      replications: settings.replications,
      seed: settings.seed,
      maxEvaluations: settings.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS,
      onProgress: (p) => settings.onProgress(p.simulation, p.fraction, p.simulations),
    });
    const staff = scenario.agentGroups.map((g) => output.byGroup[g.id]!.staff);
    const staffed = { ...withStaff(scenario, staff), name: `${scenario.name} (staffed by simulation)` };
    return { scenario: staffed, output, workers, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.close();
  }
}
