/**
 * The replication worker: one module for Node worker_threads and browser Web Workers. It exposes
 * `ReplicationWorkerApi` through comlink; the model of the last scenario is kept between calls.
 */
import * as Comlink from 'comlink';
// Only what a replication needs (not the experiment index, which pulls in the scenario validator).
import { buildModel, restaffedModel } from '../src/experiment/buildModel.js';
import { leanResult } from '../src/experiment/measures.js';
import { runReplication } from '../src/experiment/replication.js';
import { threadWarmUp } from '../src/experiment/warmUp.js';
import type { ContactCenterConfig } from '../src/model/index.js';
import type { ReplicationWorkerApi, WorkerFault } from '../src/experiment/replicationWorkerApi.js';

/** The last scenario's model, and the model replicate uses (the same, or a restaffed copy of it). */
let base: { job: number; config: ContactCenterConfig } | null = null;
let prepared: { job: number; config: ContactCenterConfig } | null = null;
let fault: WorkerFault | null = null;
/** This thread's JIT warm-up (the module is the thread: one instance per worker). */
const warmUp = threadWarmUp();

const api: ReplicationWorkerApi = {
  prepare(job, scenario) {
    base = prepared = { job, config: buildModel(scenario) };
    warmUp(scenario);
  },
  restaff(job, baseJob, staff, counterfactual) {
    if (base?.job !== baseJob) throw new Error(`replicationWorker: job ${baseJob} was not prepared`);
    prepared = { job, config: restaffedModel(base.config, staff, counterfactual ?? null) };
  },
  replicate(job, seed, replication, observationsOnly) {
    if (fault !== null && fault.replication === replication) {
      if (fault.kind === 'exit') process.exit(7);
      throw new Error(`injected fault at replication ${replication}`);
    }
    if (prepared?.job !== job) throw new Error(`replicationWorker: job ${job} was not prepared`);
    const result = runReplication(prepared.config, seed, replication);
    return observationsOnly === true ? leanResult(result) : result;
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
