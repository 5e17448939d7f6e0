/**
 * The protocol between a replication runner (Node worker threads: src/node/nodeWorkerRunner.ts;
 * Web Workers: web/src/run/browserRunner.ts) and the worker module (workers/replicationWorker.ts),
 * kept here, below both, so neither side imports the other.
 */
import type { ReplicationResult } from './measures.js';
import type { Scenario } from '../scenario/index.js';
import type { StaffArrays } from './replicationRunner.js';
import type { Counterfactual } from './counterfactual.js';

/** What a worker does, seen from the main thread through comlink. */
export interface ReplicationWorkerApi {
  /** Build the model of `scenario` under the name `job` (sent once, then replicated many times). */
  prepare(job: number, scenario: Scenario): void;
  /**
   * Job `job` is the model of the prepared job `base` with every group's staff replaced by
   * `staff` (null: the base model itself): a staffing search's candidate plan, sent as arrays;
   * then `counterfactual` applied (`ccsim explain`; absent or null: none).
   */
  restaff(job: number, base: number, staff: StaffArrays | null, counterfactual?: Counterfactual | null): void;
  /**
   * Simulate one replication of job `job`. The result is copied to the caller, not transferred:
   * transferring would detach its buffers in this thread (see docs/architecture.md, Hot loop
   * rules). The copy costs microseconds; with `observationsOnly` (ReplicationJob) the result is
   * `leanResult`'s, about a third of the bytes for a long model.
   */
  replicate(job: number, seed: number, replication: number, observationsOnly?: boolean): ReplicationResult;
}

/** Test hook (Node only, through workerData): fail on purpose at one replication. */
export interface WorkerFault {
  readonly replication: number;
  readonly kind: 'throw' | 'exit';
}

