import { AbortError, ReplicationError } from '../experiment/index.js';
import { defaultWorkers } from '../node/nodeWorkerRunner.js';
import type { RunOptions } from '../node/api.js';
import { integerFlag } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { progressBar } from './progressBar.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';

/** The flags every simulating command shares. */
export const RUN_FLAGS = {
  replications: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parsed shared flags plus an AbortSignal tied to Ctrl-C and a progress bar. */
export interface RunContext {
  /**
   * The Node API's options (simulate, compare, sweep, staff): --replications, --seed, --workers,
   * --force (run even above RUN_LIMITS, src/experiment/runSize.ts), the signal and the bar.
   */
  readonly apiOptions: Required<RunOptions>;
  /** Undo the Ctrl-C handler and the bar; turn run failures into CLI errors. */
  finish<T>(work: Promise<T>): Promise<T>;
}

export function runContext(io: CliIo, label: string, values: { replications?: string; seed?: string; workers?: string; force?: boolean }): RunContext {
  const replications = integerFlag('--replications', values.replications, RUN_DEFAULTS.replications, 1);
  const seed = integerFlag('--seed', values.seed, RUN_DEFAULTS.seed, 0);
  const workers = integerFlag('--workers', values.workers, defaultWorkers(replications), 1);
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted (Ctrl-C)'));
  const bar = progressBar(io, label);
  const apiOptions: Required<RunOptions> = {
    replications,
    seed,
    workers,
    signal: controller.signal,
    force: values.force === true,
    onProgress: (done: number, total: number) => bar.update(done, total),
  };
  return {
    apiOptions,
    async finish<T>(work: Promise<T>): Promise<T> {
      // Listening only while the work runs: a command that fails before it (e.g. on an invalid
      // scenario file) must not leave a handler behind, which would also keep Ctrl-C from
      // ending a program that calls runCli in-process. Signals arrive through the event loop,
      // so none can slip in between starting the work and this line.
      process.once('SIGINT', onSigint);
      try {
        return await work;
      } catch (error) {
        if (error instanceof AbortError) throw new InterruptedError(error.message);
        if (error instanceof ReplicationError) throw new RunFailedError(error.message);
        throw error;
      } finally {
        bar.done();
        process.off('SIGINT', onSigint);
      }
    },
  };
}

/** Ctrl-C: nothing was written; exit 130 like a shell. */
export class InterruptedError extends UsageError {
  override readonly exitCode: number = 130;
}

/** A replication failed in a worker: exit 1 with the replication and the worker's message. */
export class RunFailedError extends UsageError {
  override readonly exitCode: number = 1;
}
