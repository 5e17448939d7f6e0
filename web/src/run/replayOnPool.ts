/**
 * The simulating half of `ccsim replay` in the page: a replay plan (made in the history worker)
 * run by src/history's runReplay on the page's pool of replication Web Workers, the same pool as
 * a run's (browserRunner.ts). Date `day` runs replications day x R .. day x R + R - 1 of the
 * seed, as the CLI does, so the document equals `ccsim replay --json` for the same inputs.
 */
import { checkRunSize, ReplicationPool } from '../../../src/experiment/index.js';
import { runReplay, type ReplayOutput } from '../../../src/history/replay.js';
import type { ReplayPlan } from '../../../src/history/replayPlan.js';
import { browserWorkerRunners, poolSize } from './browserRunner.js';

export interface ReplaySettings {
  readonly replications: number;
  readonly seed: number;
  readonly signal: AbortSignal;
  readonly onProgress: (done: number, total: number) => void;
  /** Called once the pool is up, with its size. */
  readonly onStart?: (workers: number) => void;
}

export async function replayOnPool(plan: ReplayPlan, settings: ReplaySettings): Promise<ReplayOutput> {
  const { replications, seed } = settings;
  // The CLI's limits (without --force: the page replays one date, far below them in practice).
  checkRunSize(plan.dates.map((d) => ({ scenario: d.scenario, replications })));
  const pool = new ReplicationPool(browserWorkerRunners(), poolSize(replications), settings.signal);
  settings.onStart?.(pool.size);
  try {
    return await runReplay(plan, pool, { replications, seed, onProgress: settings.onProgress });
  } finally {
    await pool.close();
  }
}
