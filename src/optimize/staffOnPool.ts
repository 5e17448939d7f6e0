import { buildModel, reduceJob, type Replicator } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';
import { DEFAULT_REPAIR_ROUNDS, staffScenario, type RunScenario, type StaffOutput } from './staffScenario.js';

/** How far a staffing search on a pool has got, after each replication. */
export interface StaffProgress {
  /** 1-based number of the simulation under way (a candidate plan, a repair round or the verification). */
  readonly simulation: number;
  /** The most simulations the search can take: its budget, the repair rounds and the verification. */
  readonly simulations: number;
  /** Share of the current simulation's replications done. */
  readonly fraction: number;
  /** Replications done so far, counted against `replicationBound` (never past it). */
  readonly replications: number;
  /** The most replications the search can take (the repair and verification use twice as many). */
  readonly replicationBound: number;
}

export interface StaffOnPoolOptions {
  /** Replications per candidate plan. */
  readonly replications: number;
  readonly seed: number;
  /** Simulations the search may run. */
  readonly maxEvaluations: number;
  /** Run candidate plans larger than RUN_LIMITS. */
  readonly force?: boolean;
  readonly onProgress?: (progress: StaffProgress) => void;
}

/** The most simulations and replications a search with these settings can take. */
export function staffSearchBounds(replications: number, maxEvaluations: number): { simulations: number; replications: number } {
  return {
    simulations: maxEvaluations + DEFAULT_REPAIR_ROUNDS + 1,
    replications: replications * maxEvaluations + 2 * replications * (DEFAULT_REPAIR_ROUNDS + 1),
  };
}

/**
 * `ccsim staff --method simulation` on a replication pool: every candidate plan, repair round and
 * the verification simulated on `pool` (worker threads in Node, Web Workers in the page). The
 * one place the Node API and the page run a staffing search. The last progress report says the
 * search is complete, also when it finished early.
 */
export async function staffOnPool(scenario: Scenario, pool: Replicator, options: StaffOnPoolOptions): Promise<StaffOutput> {
  const bound = staffSearchBounds(options.replications, options.maxEvaluations);
  const report = options.onProgress;
  let simulations = 0;
  let started = 0;
  const run: RunScenario = (staff, replications, seed) => {
    const k = ++simulations;
    const base = started;
    started += replications;
    const progress = (done: number, total: number) =>
      report?.({ simulation: k, simulations: bound.simulations, fraction: done / Math.max(1, total), replications: Math.min(bound.replications, base + done), replicationBound: bound.replications });
    progress(0, replications);
    return reduceJob({ scenario, staff }, pool, { replications, seed, onProgress: report === undefined ? undefined : progress });
  };
  const out = await staffScenario(scenario, buildModel(scenario), run, {
    method: 'simulation',
    replications: options.replications,
    seed: options.seed,
    maxEvaluations: options.maxEvaluations,
    force: options.force,
  });
  report?.({ simulation: bound.simulations, simulations: bound.simulations, fraction: 1, replications: bound.replications, replicationBound: bound.replications });
  return out;
}
