import { AbortError, ReplicationError } from '../experiment/index.js';
import { defaultWorkers } from '../node/nodeWorkerRunner.js';
import type { RunOptions } from '../node/api.js';
import { integerFlag } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { progressBar } from './progressBar.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { checkRedisUrl } from '../node/redisQueue.js';
import { REDIS_TIMEOUT_DEFAULT } from '../node/runPool.js';

/** The flags every simulating command shares. */
export const RUN_FLAGS = {
  replications: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  redis: { type: 'string' },
  'redis-timeout': { type: 'string' },
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

export function runContext(
  io: CliIo,
  label: string,
  values: { replications?: string; seed?: string; workers?: string; force?: boolean; redis?: string; 'redis-timeout'?: string },
): RunContext {
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
    redis: redisFlag(values.redis),
    redisTimeout: secondsFlag('--redis-timeout', values['redis-timeout'], REDIS_TIMEOUT_DEFAULT),
    log: (line: string) => io.stderr(`ccsim: ${line}\n`),
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

/** `--redis URL`, checked before anything runs (a malformed address is a UsageError). */
function redisFlag(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    checkRedisUrl(url);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return url;
}

/** A positive number of seconds, or `fallback` when absent. */
export function secondsFlag(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new UsageError(`${name}: must be a number of seconds > 0, got ${JSON.stringify(raw)}`);
  return value;
}

/** Ctrl-C: nothing was written; exit 130 like a shell. */
export class InterruptedError extends UsageError {
  override readonly exitCode: number = 130;
}

/** A replication failed in a worker: exit 1 with the replication and the worker's message. */
export class RunFailedError extends UsageError {
  override readonly exitCode: number = 1;
}
