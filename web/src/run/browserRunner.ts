/**
 * ReplicationRunners on browser Web Workers: the same worker module as the Node runner
 * (workers/replicationWorker.ts, which calls Comlink.expose in a WorkerGlobalScope), wrapped
 * with comlink. A worker that fails to load or dies rejects its pending call instead of hanging.
 */
import * as Comlink from 'comlink';
import type { ReplicationResult, ReplicationRunner, RunnerFactory } from '../../../src/experiment/index.js';
import type { Scenario } from '../../../src/scenario/index.js';
import type { ReplicationWorkerApi } from '../../../workers/replicationWorker.js';

let nextJob = 1;
let live = 0;

/** Web Workers started here and not yet terminated (shown on the page, used by the tests). */
export function liveWorkers(): number {
  return live;
}

export function browserWorkerRunners(): RunnerFactory {
  return (index) => {
    const worker = new Worker(new URL('../../../workers/replicationWorker.ts', import.meta.url), {
      type: 'module',
      name: `ccsim-replications-${index + 1}`,
    });
    live++;
    const api = Comlink.wrap<ReplicationWorkerApi>(worker);
    let death: Error | null = null;
    const onDeath = new Set<(error: Error) => void>();
    const die = (error: Error) => {
      if (death !== null) return;
      death = error;
      onDeath.forEach((f) => f(error));
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      die(new Error(event.message ? `worker error: ${event.message}` : 'the worker failed to load or crashed'));
    });
    worker.addEventListener('messageerror', () => die(new Error('a message from the worker could not be read')));

    const guarded = <T>(call: Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (death !== null) return reject(death);
        const fail = (error: Error) => reject(error);
        onDeath.add(fail);
        call.then(resolve, reject).finally(() => onDeath.delete(fail));
      });

    let preparedFor: Scenario | null = null;
    let job = 0;
    let closed = false;
    const runner: ReplicationRunner = {
      id: index + 1,
      async run(scenario, seed, replication): Promise<ReplicationResult> {
        if (preparedFor !== scenario) {
          job = nextJob++;
          await guarded(api.prepare(job, scenario));
          preparedFor = scenario;
        }
        return guarded(api.replicate(job, seed, replication));
      },
      async close() {
        die(new Error('worker closed'));
        if (closed) return;
        closed = true;
        api[Comlink.releaseProxy]();
        worker.terminate();
        live--;
      },
    };
    return runner;
  };
}

/** Workers for a run: the browser's logical cores, at most 8 and at most the replications. */
export function poolSize(replications: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, 8, replications));
}
