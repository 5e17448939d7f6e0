import { createHash } from 'node:crypto';
import { InputError } from './inputError.js';
import type { Counterfactual, StaffArrays } from '../experiment/index.js';

/**
 * What a `--redis` client and `ccsim worker` agree on (CONTRACT section 9; docs/cluster.md).
 * One BullMQ queue carries every run's blocks; a job names its run and block, so a result can
 * never land in another run, and its scenario by content hash, stored once per run beside the
 * queue (a worker fetches it once and keeps it).
 */
/**
 * The shape of what travels, raised whenever it changes (2: compact observations and
 * `observationsOnly`, 2026-12-04). It is part of the queue's name, so a client and workers of
 * different wire versions never take each other's jobs: such a client waits for a worker of its
 * own version, says so, and stops at --redis-timeout, instead of failing on a result it cannot
 * read.
 */
export const WIRE_VERSION = 2;
export const QUEUE_NAME = `ccsim-replications-v${WIRE_VERSION}`;
/** BullMQ's key prefix, so ccsim's keys sit together in a shared Redis. */
export const QUEUE_PREFIX = 'ccsim';
/** How long a scenario stays in Redis after a run last stored it (a day). */
export const SCENARIO_TTL_SECONDS = 24 * 3600;
/** Completed and failed jobs the client did not collect (it died) expire after an hour. */
export const JOB_RETENTION_SECONDS = 3600;

/**
 * A job's lock: a worker renews it every half of this while its block runs (the simulation is on
 * worker threads, so the event loop is free to), and a killed worker's job is taken again within
 * about LOCK_MS + STALLED_CHECK_MS.
 */
export const LOCK_MS = lockMs();
export const STALLED_CHECK_MS = Math.max(500, Math.round(LOCK_MS / 2));

/** CCSIM_QUEUE_LOCK_MS (docs/cluster.md): a shorter lock retries a dead worker's job sooner. */
function lockMs(): number {
  const raw = typeof process === 'undefined' ? undefined : process.env['CCSIM_QUEUE_LOCK_MS'];
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(value) && value >= 1000 ? value : 10_000;
}
/** A block whose worker died this many times fails the run (a block that kills every worker). */
export const MAX_STALLED = 3;

export interface BlockData {
  /** The run (a random id per pool.run call). */
  readonly run: string;
  readonly block: number;
  /** The scenario's key suffix: sha256 of its bytes (resultCodec's encodeScenario). */
  readonly scenario: string;
  readonly staff: StaffArrays | null;
  /** `ccsim explain`'s counterfactual (absent: none; older clients never send it). */
  readonly counterfactual?: Counterfactual | null;
  /** The client reads only observations (ReplicationJob.observationsOnly; absent: whole results, as older clients expect). */
  readonly observationsOnly?: boolean;
  readonly seed: number;
  /** Replications from .. to - 1. */
  readonly from: number;
  readonly to: number;
}

export const scenarioKey = (hash: string): string => `${QUEUE_PREFIX}:scenario:${hash}`;
/**
 * Where a worker leaves a block's results (resultCodec's bytes); the job's return value is this
 * key, so BullMQ's job hash and event stream carry a name, not megabytes. The client deletes it.
 */
export const resultKey = (run: string, block: number): string => `${QUEUE_PREFIX}:result:${run}-${block}`;
export const jobId = (run: string, block: number): string => `${run}-${block}`;
export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A Redis address as the CLI takes it: redis://[user:pass@]host:port[/db] or rediss://. */
export function checkRedisUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`--redis ${url}: not a URL (expected redis://HOST:PORT)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new RedisUrlError(`--redis ${url}: expected redis://HOST:PORT or rediss://HOST:PORT, got ${parsed.protocol}`);
  if (parsed.hostname === '') throw new RedisUrlError(`--redis ${url}: no host`);
  return parsed;
}

/** A Redis address that is malformed or cannot be reached: a usage error (exit 2). */
export class RedisUrlError extends InputError {
  override readonly name = 'RedisUrlError';
}

/** No ccsim worker took a run's jobs within --redis-timeout (exit 1: nothing was written). */
export class NoWorkerError extends InputError {
  override readonly name = 'NoWorkerError';
  override readonly exitCode: number = 1;
}
