import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { remoteRunner, type RunnerFactory } from '../experiment/index.js';
import type { ReplicationWorkerApi, WorkerFault } from '../../workers/replicationWorker.js';
import { workerEntry } from './workerEntry.js';

let live = 0;

/** Worker threads started by this module that have not exited yet (for tests and leak checks). */
export function liveWorkerThreads(): number {
  return live;
}

function startWorker(workerData: unknown): Worker {
  const worker = new Worker(workerEntry(), { workerData });
  live++;
  worker.once('exit', () => live--);
  return worker;
}

export interface NodeRunnerOptions {
  /** Test hook: make the worker fail at one replication (throw, or exit the thread). */
  readonly fault?: WorkerFault;
}


/** Runners on Node worker threads, talking comlink. A worker that errors or exits fails its pending run. */
export function nodeWorkerRunners(options: NodeRunnerOptions = {}): RunnerFactory {
  return () => {
    const worker = startWorker({ fault: options.fault });
    const api = Comlink.wrap<ReplicationWorkerApi>(nodeEndpoint(worker as unknown as Parameters<typeof nodeEndpoint>[0]));
    const runner = remoteRunner(worker.threadId, api, async () => {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    });
    worker.on('error', (error) => runner.die(error));
    worker.on('exit', (code) => runner.die(new Error(`worker thread exited with code ${code}`)));
    return runner;
  };
}

/** Worker threads to use by default: the available cores, at most `replications`. */
export function defaultWorkers(replications: number): number {
  return Math.max(1, Math.min(availableParallelism(), replications));
}
