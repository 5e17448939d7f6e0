import type { Scenario } from '../scenario/index.js';
import type { Counterfactual } from './counterfactual.js';
import type { ReplicationResult } from './measures.js';

/** Agents per group and interval: `staff[g][i]`. */
export type StaffArrays = readonly (readonly number[])[];

/**
 * What a run simulates: a scenario, or a scenario with every group's staff replaced by
 * `staff` (per interval; shifts replaced: what `withStaff` writes). A staffing search sends each
 * candidate plan as staff arrays against a scenario the workers already hold, so a worker
 * rebuilds only the staff plans, not the whole model (see buildModel's `restaffedModel`).
 */
export interface ReplicationJob {
  readonly scenario: Scenario;
  readonly staff: StaffArrays | null;
  /** `ccsim explain`: one interval's counterfactual applied after the staff (absent or null: none). */
  readonly counterfactual?: Counterfactual | null;
  /**
   * The caller reads only each result's `observations` (a RunReducer and nothing else): a runner
   * that copies results from another thread then leaves the measure tables out (`leanResult`),
   * about two thirds of a long model's result (bank-week: 305 KB -> 186 KB a replication).
   * Absent or false: whole results.
   */
  readonly observationsOnly?: boolean;
}

/**
 * Something that simulates replications: this thread, a Node worker thread or a browser Web
 * Worker. The experiment layer sees only this protocol, so it cannot tell one from another.
 */
export interface ReplicationRunner {
  /**
   * Simulate replication `replication` of `job` under `seed`. Rejects if the runner fails or
   * dies. A runner may keep the model of the last job: it recognises a job's scenario and staff
   * by identity, so a caller passes the same objects for every replication of one run.
   */
  run(job: ReplicationJob, seed: number, replication: number): Promise<ReplicationResult>;
  /** A label for messages and tests (e.g. the worker's thread id). */
  readonly id: number;
  /**
   * Calls the pool keeps in flight on this runner (default 1). A remote worker takes 2: its next
   * replication is already queued when it finishes one, so it never waits for the calling
   * thread (which may be busy reducing) between replications.
   */
  readonly depth?: number;
  /** Stop at once (terminate the worker); pending runs reject. Safe to call twice. */
  close(): Promise<void>;
}

/** Makes one runner; the pool calls it once per worker it needs. */
export type RunnerFactory = (index: number) => ReplicationRunner;
