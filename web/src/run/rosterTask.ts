/**
 * `ccsim roster` in the page: the scenario rostered in a dedicated module Web Worker
 * (rosterWorker.ts), so the page stays responsive during the solve. Aborting the signal (the run
 * panel's Cancel) terminates the worker, which stops HiGHS mid-solve.
 */
import * as Comlink from 'comlink';
import { AbortError } from '../../../src/experiment/index.js';
import type { ScenarioRoster } from '../../../src/optimize/rosterScenario.js';
import type { Scenario } from '../../../src/scenario/index.js';
import type { RosterWorkerApi } from './rosterWorker.js';

export interface RosterResult {
  readonly scenario: Scenario;
  readonly roster: ScenarioRoster;
  /** rosterCsv(roster): what `ccsim roster --out` writes. */
  readonly csv: string;
  /** Parse and solve time in the worker, s. */
  readonly seconds: number;
}

let live = 0;

/** Roster workers started and not yet terminated (for the tests). */
export function liveRosterWorkers(): number {
  return live;
}

export async function rosterInWorker(scenario: Scenario, signal: AbortSignal): Promise<RosterResult> {
  if (signal.aborted) throw new AbortError();
  const worker = new Worker(new URL('./rosterWorker.ts', import.meta.url), { type: 'module', name: 'ccsim-roster' });
  live++;
  const api = Comlink.wrap<RosterWorkerApi>(worker);
  let stop: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const onAbort = () => stop(new AbortError());
  signal.addEventListener('abort', onAbort);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    stop(new Error(event.message ? `roster worker error: ${event.message}` : 'the roster worker failed to load or crashed'));
  });
  worker.addEventListener('messageerror', () => stop(new Error('a message from the roster worker could not be read')));
  try {
    const reply = await Promise.race([api.roster(JSON.stringify(scenario)), stopped]);
    if ('error' in reply) throw new Error(reply.error);
    return { scenario, ...reply };
  } finally {
    signal.removeEventListener('abort', onAbort);
    api[Comlink.releaseProxy]();
    worker.terminate();
    live--;
  }
}
