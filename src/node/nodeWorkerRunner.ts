import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { remoteRunner, type RunnerFactory } from '../experiment/index.js';
import type { ReplicationWorkerApi, WorkerFault } from '../experiment/replicationWorkerApi.js';
import { workerEntry } from './workerEntry.js';

let live = 0;

/** Worker threads started by this module that have not exited yet (for tests and leak checks). */
export function liveWorkerThreads(): number {
  return live;
}

/**
 * Flags that concern only the main thread's own entry point: the code it evaluates (`-e`,
 * `--eval`, `-p`, `--print`) and how that code is read (`--input-type`, which a worker refuses:
 * "--input-type can only be used with string input via --eval"), a REPL or a syntax check. A
 * worker starts from its own file, so they are never wanted there.
 */
const ENTRY_FLAGS: readonly { pattern: RegExp; value: 'always' | 'unless-flag' | 'never' }[] = [
  { pattern: /^(-e|--eval|-pe|-ep)$/, value: 'always' },
  { pattern: /^(-p|--print)$/, value: 'unless-flag' }, // `-p --eval code`, `-p code`, `--print code`
  { pattern: /^--(input-type)$/, value: 'always' },
  { pattern: /^(--eval|--print|--input-type)=/, value: 'never' },
  { pattern: /^(-i|--interactive|-c|--check)$/, value: 'never' },
];

/**
 * Module loaders (`--import tsx`, `--require ...`, `--loader ...`). The worker runs plain
 * JavaScript (a bundle or the build), so it needs no loader, and a loader costs it speed: tsx's
 * hooks detach an ArrayBuffer inside the worker (see docs/architecture.md, Hot loop rules).
 */
const LOADER = /^--(import|require|loader|experimental-loader)(=|$)|^-r$/;

/**
 * The parent's Node flags a worker should get: all but module loaders and the flags of the main
 * thread's entry point (see ENTRY_FLAGS), or null when there is nothing to drop (the worker then
 * inherits them as usual).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] | null {
  const kept: string[] = [];
  let dropped = false;
  for (let k = 0; k < execArgv.length; k++) {
    const flag = execArgv[k]!;
    const loader = LOADER.exec(flag);
    const entry = ENTRY_FLAGS.find((f) => f.pattern.test(flag));
    if (loader === null && entry === undefined) {
      kept.push(flag);
      continue;
    }
    dropped = true;
    // Skip the value when it follows as its own argument.
    const next = execArgv[k + 1];
    if (loader !== null) {
      if (loader[2] === '' || flag === '-r') k++;
    } else if (entry!.value === 'always' || (entry!.value === 'unless-flag' && next !== undefined && !next.startsWith('-'))) k++;
  }
  return dropped ? kept : null;
}

function startWorker(workerData: unknown): Worker {
  const execArgv = workerExecArgv(process.execArgv);
  let worker: Worker;
  try {
    worker = new Worker(workerEntry(), { workerData, ...(execArgv === null ? {} : { execArgv }) });
  } catch (error) {
    // Flags given explicitly are checked, and V8 or process-wide ones (which apply to every
    // thread anyway) are refused: start the worker with none.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    worker = new Worker(workerEntry(), { workerData, execArgv: [] });
  }
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
