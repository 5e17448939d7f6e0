import type { Scenario } from '../scenario/index.js';
import type { ReplicationResult } from './measures.js';

/**
 * Something that simulates replications: this thread, a Node worker thread or a browser Web
 * Worker. The experiment layer sees only this protocol, so it cannot tell one from another.
 */
export interface ReplicationRunner {
  /** Simulate replication `replication` of `scenario` under `seed`. Rejects if the runner fails or dies. */
  run(scenario: Scenario, seed: number, replication: number): Promise<ReplicationResult>;
  /** A label for messages and tests (e.g. the worker's thread id). */
  readonly id: number;
  /** Stop at once (terminate the worker); pending runs reject. Safe to call twice. */
  close(): Promise<void>;
}

/** Makes one runner; the pool calls it once per worker it needs. */
export type RunnerFactory = (index: number) => ReplicationRunner;
