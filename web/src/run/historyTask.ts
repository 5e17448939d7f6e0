/**
 * The page's side of the history worker (historyWorker.ts): one module Web Worker that reads the
 * history files and keeps their tables for the forecast, the fit and the replay plan. A request
 * races the task's signal: aborting (the run panel's Cancel) terminates the worker, which stops a
 * read of a 1 M-row file mid-stream, and the tables go with it (the files are read again next).
 */
import * as Comlink from 'comlink';
import { AbortError } from '../../../src/experiment/index.js';
import type { Reply, HistoryWorkerApi } from './historyWorker.js';

/** A problem with the input (a file's row, an option), in the CLI's words: one problem per line. */
export class HistoryInputError extends Error {
  override readonly name = 'HistoryInputError';
}

let live = 0;

/** History workers started and not yet terminated (for the tests). */
export function liveHistoryWorkers(): number {
  return live;
}

export class HistoryWorkerClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<HistoryWorkerApi> | null = null;
  /** Rejects the request in flight when the worker fails or is stopped. */
  private fail: (error: Error) => void = () => undefined;

  /** Whether a worker holds tables read from files (false after a cancel or a failure). */
  get running(): boolean {
    return this.worker !== null;
  }

  /**
   * Call the worker (started if needed); a `{ error }` reply becomes a thrown HistoryInputError
   * with that message. Aborting `signal` terminates the worker and rejects with AbortError.
   */
  async call<T extends object>(signal: AbortSignal, request: (api: Comlink.Remote<HistoryWorkerApi>) => Promise<Reply<T>>): Promise<T> {
    if (signal.aborted) throw new AbortError();
    const api = this.start();
    const stopped = new Promise<never>((_, reject) => (this.fail = reject));
    const onAbort = () => {
      this.stop();
      this.fail(new AbortError());
    };
    signal.addEventListener('abort', onAbort);
    try {
      const reply = await Promise.race([request(api), stopped]);
      if ('error' in reply) throw new HistoryInputError(reply.error);
      return reply;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Terminate the worker and forget its tables. */
  stop(): void {
    if (this.worker === null) return;
    this.api?.[Comlink.releaseProxy]();
    this.worker.terminate();
    this.worker = null;
    this.api = null;
    live--;
  }

  private start(): Comlink.Remote<HistoryWorkerApi> {
    if (this.api !== null) return this.api;
    const worker = new Worker(new URL('./historyWorker.ts', import.meta.url), { type: 'module', name: 'ccsim-history' });
    live++;
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.stop();
      this.fail(new Error(event.message ? `history worker error: ${event.message}` : 'the history worker failed to load or crashed'));
    });
    worker.addEventListener('messageerror', () => this.fail(new Error('a message from the history worker could not be read')));
    this.worker = worker;
    this.api = Comlink.wrap<HistoryWorkerApi>(worker);
    return this.api;
  }
}
