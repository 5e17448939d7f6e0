import type { Scenario } from '../scenario/index.js';
import type { ReplicationResult } from './measures.js';
import type { Replicator } from './replicationPool.js';
import type { RunOutput } from './runOutput.js';
import { RunReducer, type RunFigures } from './runReducer.js';
import { buildModel, restaffedModel } from './buildModel.js';
import type { ReplicationJob } from './replicationRunner.js';
import { intervalLabels } from './simulate.js';
import { RUN_DEFAULTS } from './runDefaults.js';
import { OutcomeReducer, type Outcomes } from './outcomes.js';

/** Keep adding replications until a contact type's service level is this precise. */
export interface PrecisionTarget {
  /** Largest acceptable 95% half-width of the service level (e.g. 0.01). */
  readonly halfWidth: number;
  /** Never run more replications than this (default 1000). */
  readonly maxReplications?: number;
  /**
   * The contact type whose service level must be this precise. Default: after each batch, the
   * type whose service-level half-width is the widest, so that when the run stops every type's
   * service level is known to the target (see docs/decisions.md).
   */
  readonly type?: string;
}

/** How a precision-driven run ended. */
export interface PrecisionReport {
  readonly target: number;
  /** The 95% half-width reached by `type`'s service level (null when undefined). */
  readonly achieved: number | null;
  readonly stoppedBy: 'precision' | 'maxReplications';
  /**
   * The contact type checked against the target at the end: the one given, or the one with the
   * widest service-level half-width after the last batch (null when no type had a service level).
   */
  readonly type: string | null;
  /** Whether `type` was given (PrecisionTarget.type) or chosen as the widest. */
  readonly typeChosenBy: 'given' | 'widest';
}

/**
 * Refuse a precision target naming a contact type the scenario does not have, with the ids it
 * does have (RangeError, so callers can name their own flag or field).
 */
export function checkPrecisionType(scenario: Scenario, precision: PrecisionTarget | undefined): void {
  const type = precision?.type;
  if (type === undefined) return;
  const ids = scenario.contactTypes.map((t) => t.id);
  if (!ids.includes(type)) throw new RangeError(`no contact type ${JSON.stringify(type)} in "${scenario.name}"; its types are ${ids.join(', ')}`);
}

/**
 * The type whose service level the precision target is checked against: the given one, else the
 * one whose half-width is widest now. The widest, not the one with the fewest contacts: the
 * half-width is what the target bounds, and it also reflects a service level near 0 or 1 (little
 * spread) or a type whose contacts vary a lot between replications. Re-chosen after every batch,
 * so stopping means every type's service level has reached the target.
 */
function precisionType(run: RunOutput, precision: PrecisionTarget): { type: string | null; achieved: number | null } {
  if (precision.type !== undefined) return { type: precision.type, achieved: run.byType[precision.type]?.serviceLevel.ci95 ?? null };
  let widest: { type: string | null; achieved: number | null } = { type: null, achieved: null };
  for (const [type, kpis] of Object.entries(run.byType)) {
    const half = kpis.serviceLevel.ci95;
    if (half !== null && (widest.achieved === null || half > widest.achieved)) widest = { type, achieved: half };
  }
  return widest;
}

export interface SimulateScenarioOptions {
  /** Replications (the first batch when `precision` is set); default 10. */
  readonly replications?: number;
  /** Master seed; default 1. */
  readonly seed?: number;
  /** Run until a contact type's service level is this precise (see PrecisionTarget). */
  readonly precision?: PrecisionTarget;
  /** Called after each replication with the number done and the number planned so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Every replication's result, in replication order (e.g. for paired comparisons). */
  readonly onResult?: (result: ReplicationResult) => void;
  /** Called as each replication completes, with the runner (worker thread) that did it. */
  readonly onReplicationDone?: (replication: number, runnerId: number) => void;
  /** Add the `outcomes` section (exit reasons, abandoned wait, work per group and type, line occupancy). */
  readonly outcomes?: boolean;
}

export type SimulatedRun = RunOutput & { precision?: PrecisionReport; outcomes?: Outcomes };

/**
 * Simulate a scenario on a pool and reduce the results in replication order. With a precision
 * target, replications are added in batches of the first run's size until the service level's
 * half-width of the target's type (default: the widest) is at most the target or the cap is
 * reached; batches are fixed, so the result is the same for any number of workers.
 */
export async function simulateScenario(scenario: Scenario, pool: Replicator, options: SimulateScenarioOptions = {}): Promise<SimulatedRun> {
  checkPrecisionType(scenario, options.precision);
  const batch = options.replications ?? RUN_DEFAULTS.replications;
  const seed = options.seed ?? RUN_DEFAULTS.seed;
  const config = buildModel(scenario);
  const reducer = new RunReducer(config);
  const outcomes = options.outcomes === true ? new OutcomeReducer(config) : null;
  // Only the reducer reads the results, unless outcomes or the caller want them whole.
  const job: ReplicationJob = { scenario, staff: null, ...(outcomes === null && options.onResult === undefined ? { observationsOnly: true } : {}) };
  const cap = options.precision ? Math.max(batch, options.precision.maxReplications ?? 1000) : batch;
  const labels = intervalLabels(scenario);
  const output = (): SimulatedRun => reducer.output({ scenario: scenario.name, seed, intervalLabels: labels });
  const finish = (run: SimulatedRun): SimulatedRun => (outcomes === null ? run : { ...run, outcomes: outcomes.output() });
  let done = 0;
  let planned = Math.min(batch, cap);
  for (;;) {
    const from = done;
    await pool.run(job, seed, from, planned, {
      onResult: (result) => {
        reducer.add(result);
        outcomes?.add(result);
        options.onResult?.(result);
      },
      onProgress: (n) => options.onProgress?.(from + n, planned),
      ...(options.onReplicationDone ? { onReplicationDone: options.onReplicationDone } : {}),
    });
    done = planned;
    if (!options.precision) return finish(output());
    const run = output();
    const { type, achieved } = precisionType(run, options.precision);
    const met = achieved !== null && done >= 2 && achieved <= options.precision.halfWidth;
    if (met || done >= cap) {
      const report: PrecisionReport = {
        target: options.precision.halfWidth,
        achieved,
        stoppedBy: met ? 'precision' : 'maxReplications',
        type,
        typeChosenBy: options.precision.type === undefined ? 'widest' : 'given',
      };
      return finish({ ...run, precision: report });
    }
    planned = Math.min(cap, done + batch);
  }
}

/** A run reduced on a pool: its figures as numbers, and the run output built only when asked. */
export interface ReducedRun {
  readonly figures: RunFigures;
  output(): RunOutput;
}

/**
 * Simulate `replications` of `job` (a scenario, or a scenario with staff arrays: a staffing
 * search's candidate) on a pool and reduce them in replication order. What the staffing search
 * runs: it reads `figures`, and builds the report only for the plan it verifies.
 */
export async function reduceJob(
  job: ReplicationJob,
  pool: Replicator,
  options: { readonly replications: number; readonly seed: number; readonly onProgress?: ((done: number, total: number) => void) | undefined },
): Promise<ReducedRun> {
  const reducer = new RunReducer(restaffedModel(buildModel(job.scenario), job.staff));
  await pool.run({ ...job, observationsOnly: true }, options.seed, 0, options.replications, { onResult: (result) => reducer.add(result), onProgress: options.onProgress });
  const labels = intervalLabels(job.scenario);
  return { figures: reducer.figures(), output: () => reducer.output({ scenario: job.scenario.name, seed: options.seed, intervalLabels: labels }) };
}
