/**
 * The lifecycle every long task of the page shares (a run, a staffing search, ...): one at a
 * time, a Cancel that aborts it, and one way to end: done, cancelled or failed, each shown the
 * same way. The runner holds the AbortController; what a task shows while it works (progress,
 * its opening status line) is the task's own business.
 */
import { AbortError } from '../../../src/experiment/index.js';

/** Where the runner shows a task's state (the run panel and the error box on the page). */
export interface TaskHost {
  /** A task started (true) or ended (false): Run and the buttons that start tasks, Cancel. */
  setBusy(busy: boolean): void;
  setStatus(text: string, kind: 'info' | 'error' | 'done'): void;
  /** A task failed: say so where the page's problems are listed, and bring it into view. */
  showFailure(message: string): void;
}

export interface Task<T> {
  /** Names the task in its failure: "The run" (failed: ...). */
  readonly name: string;
  /**
   * The work. It runs once the page is busy, so its synchronous start may set the opening
   * status and progress; it rejects with AbortError once `signal` aborts.
   */
  readonly work: (signal: AbortSignal) => Promise<T>;
  /** Show the result (the page is no longer busy by then). A throw counts as a failure. */
  readonly done: (result: T) => void;
  /** After a cancel: tidy up, and return the status line (the workers have been stopped by then). */
  readonly cancelled: () => string;
  /** After a failure, before it is shown: tidy up. */
  readonly failed?: () => void;
}

/** How a task ended; `busy` when it did not start because another was running. */
export type TaskOutcome = 'done' | 'cancelled' | 'failed' | 'busy';

export class TaskRunner {
  private controller: AbortController | null = null;

  constructor(private readonly host: TaskHost) {}

  /** A task is running. */
  get busy(): boolean {
    return this.controller !== null;
  }

  /** Abort the running task, if any. */
  cancel(): void {
    this.controller?.abort(new Error('cancelled'));
  }

  /** Run `task` unless another is running; resolves once it has ended and been shown. */
  async run<T>(task: Task<T>): Promise<TaskOutcome> {
    if (this.controller !== null) return 'busy';
    const controller = new AbortController();
    this.controller = controller;
    this.host.setBusy(true);
    const idle = () => {
      if (this.controller !== controller) return;
      this.controller = null;
      this.host.setBusy(false);
    };
    try {
      const result = await task.work(controller.signal);
      idle();
      task.done(result);
      return 'done';
    } catch (error) {
      idle();
      if (error instanceof AbortError) {
        this.host.setStatus(task.cancelled(), 'info');
        return 'cancelled';
      }
      task.failed?.();
      const message = `${task.name} failed: ${error instanceof Error ? error.message : String(error)}`;
      this.host.setStatus(message, 'error');
      this.host.showFailure(message);
      return 'failed';
    }
  }
}
