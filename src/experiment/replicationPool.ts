import type { ReplicationResult } from './measures.js';
import type { ReplicationJob, ReplicationRunner, RunnerFactory } from './replicationRunner.js';

/** A run that stopped because its AbortSignal fired. */
export class AbortError extends Error {
  override readonly name = 'AbortError';
}

/** A replication failed in a runner (it threw, or its worker died). */
export class ReplicationError extends Error {
  override readonly name = 'ReplicationError';
  constructor(
    readonly replication: number,
    readonly runner: number,
    message: string,
  ) {
    super(`replication ${replication} failed (worker ${runner}): ${message}`);
  }
}

export interface PoolRunOptions {
  /** Called with each result in replication order (never in completion order). */
  readonly onResult: (result: ReplicationResult) => void;
  /** Called after each completed replication with the count done in this call and its total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called as each replication completes, with the runner that did it (tests, debugging). */
  readonly onReplicationDone?: (replication: number, runnerId: number) => void;
}

/**
 * What simulates replications for the experiment layer: a ReplicationPool of local runners, or a
 * queue of blocks on Redis (src/node/redisReplicator.ts). Either hands results to `onResult` in
 * replication order, so whatever reduces them cannot tell one from the other.
 */
export interface Replicator {
  /** Simulate replications `from .. to-1` of `job`. */
  run(job: ReplicationJob, seed: number, from: number, to: number, options: PoolRunOptions): Promise<void>;
  /** Stop and release everything (workers, connections); safe to call twice. */
  close(): Promise<void>;
}

/**
 * A fixed set of runners that simulate replications in parallel. Results are handed on in
 * replication order, so whatever reduces them gets the same floating-point sums for any number
 * of runners. The first failure or an abort stops everything: all runners are closed.
 */
export class ReplicationPool implements Replicator {
  private readonly runners: ReplicationRunner[];
  private closing: Promise<void> | null = null;
  private readonly abortListener: () => void;

  constructor(
    factory: RunnerFactory,
    size: number,
    private readonly signal?: AbortSignal,
  ) {
    this.runners = Array.from({ length: Math.max(1, size) }, (_, i) => factory(i));
    this.abortListener = () => void this.close();
    signal?.addEventListener('abort', this.abortListener, { once: true });
  }

  get size(): number {
    return this.runners.length;
  }

  /** Simulate replications `from .. to-1` of `job`. */
  async run(job: ReplicationJob, seed: number, from: number, to: number, options: PoolRunOptions): Promise<void> {
    this.throwIfAborted();
    if (this.closing !== null) throw new Error('ReplicationPool: closed');
    const total = to - from;
    const waiting = new Map<number, ReplicationResult>();
    let next = from;
    let expected = from;
    let done = 0;
    let failure: unknown = null;

    const deliver = (result: ReplicationResult) => {
      waiting.set(result.replication, result);
      for (let r = waiting.get(expected); r !== undefined; r = waiting.get(expected)) {
        waiting.delete(expected);
        expected++;
        options.onResult(r);
      }
    };

    const work = async (runner: ReplicationRunner) => {
      while (failure === null && next < to) {
        const replication = next++;
        let result: ReplicationResult;
        try {
          result = await runner.run(job, seed, replication);
        } catch (error) {
          if (failure === null) {
            failure = this.signal?.aborted
              ? this.abortError()
              : new ReplicationError(replication, runner.id, error instanceof Error ? error.message : String(error));
          }
          return;
        }
        if (failure !== null) return;
        options.onReplicationDone?.(replication, runner.id);
        deliver(result);
        done++;
        options.onProgress?.(done, total);
      }
    };

    await Promise.all(this.runners.flatMap((runner) => Array.from({ length: Math.max(1, runner.depth ?? 1) }, () => work(runner))));
    if (failure === null && this.signal?.aborted) failure = this.abortError();
    if (failure !== null) {
      await this.close();
      throw failure;
    }
  }

  /** Terminate every runner; every call waits until they are all gone. */
  close(): Promise<void> {
    if (this.closing === null) {
      this.signal?.removeEventListener('abort', this.abortListener);
      this.closing = Promise.all(this.runners.map((r) => r.close())).then(() => undefined);
    }
    return this.closing;
  }

  private abortError(): AbortError {
    const reason = this.signal?.reason;
    return new AbortError(reason instanceof Error ? reason.message : 'the run was aborted');
  }

  private throwIfAborted(): void {
    if (this.signal?.aborted) throw this.abortError();
  }
}
