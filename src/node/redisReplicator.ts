import { randomUUID } from 'node:crypto';
// Types only: the packages are loaded when a --redis run connects (loading bullmq and ioredis
// costs about 0.3 s of start-up that every other command would pay; bench/RESULTS.md, issue 17).
import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  AbortError,
  estimateRunSize,
  ReplicationError,
  type PoolRunOptions,
  type ReplicationJob,
  type ReplicationResult,
  type Replicator,
} from '../experiment/index.js';
import { decodeResults, encodeScenario } from './resultCodec.js';
import {
  checkRedisUrl,
  hashBytes,
  JOB_RETENTION_SECONDS,
  jobId,
  QUEUE_NAME,
  QUEUE_PREFIX,
  NoWorkerError,
  RedisUrlError,
  resultKey,
  SCENARIO_TTL_SECONDS,
  scenarioKey,
  WIRE_VERSION,
  type BlockData,
} from './redisQueue.js';

export interface RedisReplicatorOptions {
  /** Stop with an error when no `ccsim worker` has been connected for this long (default 60 s). */
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
  /** Where the client says what it waits for (stderr in the CLI). */
  readonly log?: (line: string) => void;
  /** Replications per job (default: about 0.5 s of one thread's work, from the run-size estimate). */
  readonly blockSize?: number;
}

/** Seconds of one thread's work a block aims at (BullMQ's per-job overhead is a few ms). */
const BLOCK_SECONDS = 0.5;
/** Rough single-thread cost of one contact (about three events at ~330 ns), for block sizes only. */
const SECONDS_PER_CONTACT = 1e-6;
/** How often the client looks for results it may have missed and for connected workers. */
const POLL_MS = 1000;
/** Blocks past the next one in order that a poll looks at (the rest wait until they are next). */
const POLLED_BLOCKS = 16;

/**
 * Replications as BullMQ jobs on Redis (CONTRACT section 9): the Replicator the experiment layer
 * sees, beside the local ReplicationPool. A run stores its scenario once under its content hash,
 * adds one job per block of replications, and hands the results on in replication order as the
 * blocks come back, so the output is the local one, bit for bit. A block's first result wins: a
 * block done twice (its first worker died after all) is ignored the second time.
 */
export class RedisReplicator implements Replicator {
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly url: string,
    private readonly connection: Redis,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly eventsConnection: Redis,
    private readonly options: RedisReplicatorOptions,
  ) {}

  /** Connect (one try, 3 s): a bad or unreachable address is a RedisUrlError, not a hang. */
  static async connect(url: string, options: RedisReplicatorOptions = {}): Promise<RedisReplicator> {
    checkRedisUrl(url);
    const [{ Queue, QueueEvents }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
    const probe = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    let cause: Error | null = null;
    probe.on('error', (error: Error) => (cause ??= error));
    try {
      await probe.connect();
      await probe.ping();
    } catch (error) {
      probe.disconnect();
      const reason = cause ?? (error instanceof Error ? error : new Error(String(error)));
      throw new RedisUrlError(`--redis ${url}: cannot reach Redis (${reason.message})`);
    }
    const connection = probe;
    const queue = new Queue(QUEUE_NAME, { connection, prefix: QUEUE_PREFIX });
    // QueueEvents blocks on the events stream: it needs a connection of its own.
    const eventsConnection = new Redis(url, { maxRetriesPerRequest: null });
    eventsConnection.on('error', () => undefined);
    const events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix: QUEUE_PREFIX });
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    await events.waitUntilReady();
    return new RedisReplicator(url, connection, queue, events, eventsConnection, options);
  }

  async run(job: ReplicationJob, seed: number, from: number, to: number, options: PoolRunOptions): Promise<void> {
    const signal = this.options.signal;
    if (signal?.aborted) throw abortError(signal);
    if (this.closing !== null) throw new Error('RedisReplicator: closed');
    const total = to - from;
    if (total <= 0) return;
    const bytes = encodeScenario(job.scenario);
    const hash = hashBytes(bytes);
    await this.connection.set(scenarioKey(hash), bytes, 'EX', SCENARIO_TTL_SECONDS);

    const run = randomUUID();
    const size = this.options.blockSize ?? blockSizeFor(job, total);
    const blocks: { from: number; to: number }[] = [];
    for (let r = from; r < to; r += size) blocks.push({ from: r, to: Math.min(to, r + size) });
    const results: (ReplicationResult[] | undefined)[] = new Array(blocks.length);
    const ids = blocks.map((_, k) => jobId(run, k));
    let next = 0;
    let done = 0;
    let settle: (error: unknown) => void = () => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === null ? resolve() : reject(error));
    });
    // It may settle (an abort, a failed block) before it is awaited below: never unhandled.
    finished.catch(() => undefined);

    /** Block k's results are at `key` (its job's return value): the first copy to arrive counts. */
    const fetching = new Set<number>();
    const take = async (k: number, key: unknown): Promise<void> => {
      if (results[k] !== undefined || fetching.has(k) || typeof key !== 'string' || key !== resultKey(run, k)) return;
      fetching.add(k);
      const bytes = await this.connection.getBuffer(key);
      if (bytes === null) {
        fetching.delete(k);
        return;
      }
      const list = decodeResults(bytes);
      const block = blocks[k]!;
      if (list.length !== block.to - block.from || list.some((r, i) => r.replication !== block.from + i)) {
        settle(new ReplicationError(block.from, 0, `block ${k} of run ${run} came back with the wrong replications`));
        return;
      }
      results[k] = list;
      void this.connection.del(key).catch(() => undefined);
      void this.queue.remove(ids[k]!).catch(() => undefined);
      // Hand results on in replication order, block by block.
      while (next < blocks.length && results[next] !== undefined) {
        for (const result of results[next]!) {
          options.onResult(result);
          done++;
          options.onProgress?.(done, total);
        }
        results[next] = [];
        next++;
      }
      if (next === blocks.length) settle(null);
    };
    const blockOf = (id: string): number => {
      if (!id.startsWith(`${run}-`)) return -1;
      const k = Number(id.slice(run.length + 1));
      return Number.isInteger(k) && k >= 0 && k < blocks.length ? k : -1;
    };
    const onCompleted = ({ jobId: id, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      const k = blockOf(id);
      if (k >= 0) take(k, returnvalue).catch((error: unknown) => settle(error));
    };
    const onFailed = ({ jobId: id, failedReason }: { jobId: string; failedReason: string }) => {
      const k = blockOf(id);
      if (k >= 0 && results[k] === undefined) settle(new ReplicationError(blocks[k]!.from, 0, `on a ccsim worker: ${failedReason}`));
    };
    const onStalled = ({ jobId: id }: { jobId: string }) => {
      const k = blockOf(id);
      if (k >= 0 && results[k] === undefined) {
        this.options.log?.(`replications ${blocks[k]!.from}..${blocks[k]!.to - 1}: their worker stopped answering; another worker takes them`);
      }
    };
    this.events.on('completed', onCompleted);
    this.events.on('failed', onFailed);
    this.events.on('stalled', onStalled);
    const onAbort = () => settle(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    // Results the events stream did not bring (a reconnect), and whether any worker is there.
    const timeoutMs = (this.options.timeoutSeconds ?? 60) * 1000;
    let alone = 0;
    let said = false;
    const poll = setInterval(() => {
      void (async () => {
        for (let k = next; k < Math.min(blocks.length, next + POLLED_BLOCKS); k++) {
          if (results[k] !== undefined) continue;
          const j = await this.queue.getJob(ids[k]!);
          if (j?.finishedOn !== undefined && j.returnvalue !== undefined && j.returnvalue !== null) await take(k, j.returnvalue);
        }
        const workers = (await this.queue.getWorkers()).length;
        if (workers > 0) {
          alone = 0;
          return;
        }
        alone += POLL_MS;
        if (!said) {
          said = true;
          this.options.log?.(`waiting for a ccsim worker on ${this.url} (start one of this ccsim version, wire ${WIRE_VERSION}: ccsim worker --redis ${this.url})`);
        }
        if (alone >= timeoutMs) settle(new NoWorkerError(`no ccsim worker connected to ${this.url} within ${timeoutMs / 1000} s (--redis-timeout)`));
      })().catch((error: unknown) => settle(error));
    }, POLL_MS);

    try {
      await this.queue.addBulk(
        blocks.map((b, k) => ({
          name: 'replications',
          data: { run, block: k, scenario: hash, staff: job.staff, ...(job.counterfactual ? { counterfactual: job.counterfactual } : {}), ...(job.observationsOnly === true ? { observationsOnly: true } : {}), seed, from: b.from, to: b.to } satisfies BlockData,
          opts: { jobId: ids[k]!, removeOnComplete: { age: JOB_RETENTION_SECONDS }, removeOnFail: { age: JOB_RETENTION_SECONDS } },
        })),
      );
      await finished;
    } catch (error) {
      await this.removePending(run, ids, results);
      throw error;
    } finally {
      clearInterval(poll);
      this.events.off('completed', onCompleted);
      this.events.off('failed', onFailed);
      this.events.off('stalled', onStalled);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Remove the run's jobs that no worker has taken and the results nobody will read (a job being
   * run finishes and is ignored; its results expire with JOB_RETENTION_SECONDS).
   */
  private async removePending(run: string, ids: readonly string[], results: readonly (ReplicationResult[] | undefined)[]): Promise<void> {
    await Promise.all(
      ids.map(async (id, k) => {
        if (results[k] !== undefined) return;
        await this.connection.del(resultKey(run, k)).catch(() => undefined);
        const j = await this.queue.getJob(id).catch(() => undefined);
        if (j === undefined) return;
        const state = await j.getState().catch(() => 'unknown');
        if (state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children' || state === 'failed' || state === 'completed') {
          await j.remove().catch(() => undefined);
        }
      }),
    );
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.events.close().catch(() => undefined);
      await this.queue.close().catch(() => undefined);
      // BullMQ leaves connections it was given open: they are ours to close.
      this.eventsConnection.disconnect();
      this.connection.disconnect();
    })();
    return this.closing;
  }
}

function abortError(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  return new AbortError(reason instanceof Error ? reason.message : 'the run was aborted');
}

/** Replications per job: about BLOCK_SECONDS of one thread's work, at least 1, at most the run. */
export function blockSizeFor(job: ReplicationJob, replications: number): number {
  const contacts = estimateRunSize(job.scenario).contactsPerReplication;
  const perReplication = Number.isFinite(contacts) && contacts > 0 ? contacts * SECONDS_PER_CONTACT : BLOCK_SECONDS;
  return Math.max(1, Math.min(replications, Math.round(BLOCK_SECONDS / perReplication)));
}
