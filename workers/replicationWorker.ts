/**
 * The replication worker: one module for Node worker_threads and browser Web Workers. It exposes
 * `ReplicationWorkerApi` through comlink; the model of the last scenario is kept between calls.
 */
import * as Comlink from 'comlink';
// Only what a replication needs (not the experiment index, which pulls in the scenario validator).
import { buildModel } from '../src/experiment/buildModel.js';
import type { ReplicationResult } from '../src/experiment/measures.js';
import { runReplication } from '../src/experiment/replication.js';
import { threadWarmUp } from '../src/experiment/warmUp.js';
import type { ContactCenterConfig } from '../src/model/index.js';
import type { Scenario } from '../src/scenario/index.js';

/** What a worker does, seen from the main thread through comlink. */
export interface ReplicationWorkerApi {
  /** Build the model of `scenario` under the name `job` (sent once, then replicated many times). */
  prepare(job: number, scenario: Scenario): void;
  /**
   * Simulate one replication of job `job`. The result is copied to the caller, not transferred:
   * transferring would detach its buffers in this thread (see docs/architecture.md, Hot loop
   * rules). The copy costs microseconds.
   */
  replicate(job: number, seed: number, replication: number): ReplicationResult;
}

/** Test hook (Node only, through workerData): fail on purpose at one replication. */
export interface WorkerFault {
  readonly replication: number;
  readonly kind: 'throw' | 'exit';
}

let prepared: { job: number; config: ContactCenterConfig } | null = null;
let fault: WorkerFault | null = null;
/** This thread's JIT warm-up (the module is the thread: one instance per worker). */
const warmUp = threadWarmUp();

const api: ReplicationWorkerApi = {
  prepare(job, scenario) {
    prepared = { job, config: buildModel(scenario) };
    warmUp(scenario);
  },
  replicate(job, seed, replication) {
    if (fault !== null && fault.replication === replication) {
      if (fault.kind === 'exit') process.exit(7);
      throw new Error(`injected fault at replication ${replication}`);
    }
    if (prepared?.job !== job) throw new Error(`replicationWorker: job ${job} was not prepared`);
    return runReplication(prepared.config, seed, replication);
  },
};

if ('WorkerGlobalScope' in globalThis) {
  Comlink.expose(api);
} else {
  const [{ parentPort, workerData }, { default: nodeEndpoint }, { tuneV8ForSimulation }] = await Promise.all([
    import('node:worker_threads'),
    import('comlink/dist/esm/node-adapter.mjs'),
    import('../src/node/tuneV8.js'),
  ]);
  tuneV8ForSimulation();
  fault = (workerData as { fault?: WorkerFault } | null)?.fault ?? null;
  if (parentPort === null) throw new Error('replicationWorker: not started as a worker');
  Comlink.expose(api, nodeEndpoint(parentPort as unknown as Parameters<typeof nodeEndpoint>[0]));
}
