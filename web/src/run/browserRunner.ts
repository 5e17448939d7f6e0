/**
 * ReplicationRunners on browser Web Workers: the same worker module as the Node runner
 * (workers/replicationWorker.ts, which calls Comlink.expose in a WorkerGlobalScope), wrapped
 * with comlink. A worker that fails to load or dies rejects its pending call instead of hanging.
 */
import * as Comlink from 'comlink';
import { remoteRunner, type RunnerFactory } from '../../../src/experiment/index.js';
import type { ReplicationWorkerApi } from '../../../src/experiment/replicationWorkerApi.js';

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
    const runner = remoteRunner(index + 1, api, () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
      live--;
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      runner.die(new Error(event.message ? `worker error: ${event.message}` : 'the worker failed to load or crashed'));
    });
    worker.addEventListener('messageerror', () => runner.die(new Error('a message from the worker could not be read')));
    return runner;
  };
}

/** Workers for a run: the browser's logical cores, at most 8 and at most the replications. */
export function poolSize(replications: number): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(cores, 8, replications));
}
