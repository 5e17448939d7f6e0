import type { Scenario } from '../scenario/index.js';
import { buildModel, restaffedModel } from './buildModel.js';
import type { ReplicationRunner, StaffArrays } from './replicationRunner.js';
import { runReplication } from './replication.js';
import { threadWarmUp } from './warmUp.js';
import type { ContactCenterConfig } from '../model/index.js';
import type { Counterfactual } from './counterfactual.js';

/** Lets pending I/O and signals (Ctrl-C, abort) through between replications. */
const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise((r) => setImmediate(r)) : () => new Promise((r) => setTimeout(r, 0));

/**
 * Runs replications in this thread, one at a time, yielding to the event loop before each so an
 * abort can land between them. Each runner warms the JIT up once (`threadWarmUp`).
 */
export function inThreadRunner(): ReplicationRunner {
  let cached: { scenario: Scenario; base: ContactCenterConfig } | null = null;
  let staffed: { staff: StaffArrays | null; counterfactual: Counterfactual | null; config: ContactCenterConfig } | null = null;
  let closed = false;
  const warmUp = threadWarmUp();
  return {
    id: 0,
    async run(job, seed, replication) {
      await yieldToEventLoop();
      if (closed) throw new Error('runner closed');
      if (cached?.scenario !== job.scenario) {
        cached = { scenario: job.scenario, base: buildModel(job.scenario) };
        staffed = null;
        warmUp(job.scenario);
      }
      const counterfactual = job.counterfactual ?? null;
      if (staffed === null || staffed.staff !== job.staff || staffed.counterfactual !== counterfactual) {
        staffed = { staff: job.staff, counterfactual, config: restaffedModel(cached.base, job.staff, counterfactual) };
      }
      return runReplication(staffed.config, seed, replication);
    },
    async close() {
      closed = true;
    },
  };
}
