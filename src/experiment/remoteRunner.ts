import type { Scenario } from '../scenario/index.js';
import type { Counterfactual } from './counterfactual.js';
import type { ReplicationResult } from './measures.js';
import type { ReplicationJob, ReplicationRunner, StaffArrays } from './replicationRunner.js';

/** A replication worker seen from the calling thread (the comlink proxy of workers/replicationWorker.ts). */
export interface ReplicationRemote {
  prepare(job: number, scenario: Scenario): Promise<void>;
  restaff(job: number, base: number, staff: StaffArrays | null, counterfactual?: Counterfactual | null): Promise<void>;
  replicate(job: number, seed: number, replication: number, observationsOnly?: boolean): Promise<ReplicationResult>;
}

/** A runner on a remote worker, plus the hook its owner calls when the worker errors or exits. */
export interface RemoteRunner extends ReplicationRunner {
  /** The worker is gone: every pending and later call rejects with `error`. */
  die(error: Error): void;
}

let nextJob = 1;

/**
 * A ReplicationRunner over a remote worker (Node worker thread or Web Worker). A scenario is
 * sent once (`prepare`); a job with staff arrays sends only them (`restaff`) against the
 * scenario the worker holds; then replications go by number. A call never hangs on a dead worker:
 * `die` rejects whatever is pending. `terminate` stops the worker when the runner is closed.
 */
export function remoteRunner(id: number, remote: ReplicationRemote, terminate: () => Promise<void> | void): RemoteRunner {
  let death: Error | null = null;
  const onDeath = new Set<(error: Error) => void>();
  const die = (error: Error) => {
    if (death !== null) return;
    death = error;
    onDeath.forEach((f) => f(error));
  };
  const guarded = <T>(call: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (death !== null) return reject(death);
      const fail = (error: Error) => reject(error);
      onDeath.add(fail);
      call.then(resolve, reject).finally(() => onDeath.delete(fail));
    });
  let preparedFor: Scenario | null = null;
  let preparedStaff: StaffArrays | null = null;
  let preparedCounterfactual: Counterfactual | null = null;
  let base = 0;
  let job = 0;
  let closed = false;
  /** The worker's job for `next`, sending the scenario or the staff first when they changed. */
  const jobFor = async (next: ReplicationJob): Promise<number> => {
    if (preparedFor !== next.scenario) {
      base = job = nextJob++;
      preparedFor = null;
      await guarded(remote.prepare(base, next.scenario));
      preparedFor = next.scenario;
      preparedStaff = null;
      preparedCounterfactual = null;
    }
    const counterfactual = next.counterfactual ?? null;
    if (preparedStaff !== next.staff || preparedCounterfactual !== counterfactual) {
      job = nextJob++;
      // Sent only when there is one: the protocol of a plain restaff is unchanged.
      await guarded(counterfactual === null ? remote.restaff(job, base, next.staff) : remote.restaff(job, base, next.staff, counterfactual));
      preparedStaff = next.staff;
      preparedCounterfactual = counterfactual;
    }
    return job;
  };
  // Calls may overlap (the pool keeps `depth` in flight): preparations run one after another, and
  // the worker takes its messages in order, so a replication never runs before its model is there.
  let preparing: Promise<unknown> = Promise.resolve();
  return {
    id,
    die,
    depth: 2,
    run(next, seed, replication) {
      const ready = preparing.then(() => jobFor(next));
      preparing = ready.catch(() => undefined);
      const lean = next.observationsOnly === true;
      return ready.then((j) => guarded(lean ? remote.replicate(j, seed, replication, true) : remote.replicate(j, seed, replication)));
    },
    async close() {
      die(new Error('worker closed'));
      if (closed) return;
      closed = true;
      await terminate();
    },
  };
}
