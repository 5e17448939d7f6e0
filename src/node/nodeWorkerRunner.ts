import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ReplicationRunner, RunnerFactory, ReplicationResult } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';
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

let nextJob = 1;

/** Runners on Node worker threads, talking comlink. A worker that errors or exits fails its pending run. */
export function nodeWorkerRunners(options: NodeRunnerOptions = {}): RunnerFactory {
  return () => {
    const worker = startWorker({ fault: options.fault });
    const api = Comlink.wrap<ReplicationWorkerApi>(nodeEndpoint(worker as unknown as Parameters<typeof nodeEndpoint>[0]));
    let death: Error | null = null;
    const onDeath = new Set<(error: Error) => void>();
    const die = (error: Error) => {
      if (death !== null) return;
      death = error;
      onDeath.forEach((f) => f(error));
    };
    worker.on('error', (error) => die(error));
    worker.on('exit', (code) => die(new Error(`worker thread exited with code ${code}`)));
    let preparedFor: Scenario | null = null;
    let job = 0;

    const guarded = <T>(call: Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (death !== null) return reject(death);
        const fail = (error: Error) => reject(error);
        onDeath.add(fail);
        call.then(resolve, reject).finally(() => onDeath.delete(fail));
      });

    const runner: ReplicationRunner = {
      id: worker.threadId,
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
        api[Comlink.releaseProxy]();
        await worker.terminate();
      },
    };
    return runner;
  };
}

/** Worker threads to use by default: the available cores, at most `replications`. */
export function defaultWorkers(replications: number): number {
  return Math.max(1, Math.min(availableParallelism(), replications));
}
