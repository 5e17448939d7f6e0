/** The page's long-task lifecycle (no browser): one task at a time; done, cancelled or failed, each shown one way. */
import { describe, expect, test } from 'vitest';
import { AbortError } from '../../src/experiment/index.js';
import { TaskRunner, type Task, type TaskHost } from '../../web/src/run/task.js';

/** A host that writes down what the page would show, in order. */
function recordingHost(): { host: TaskHost; shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    host: {
      setBusy: (busy) => shown.push(`busy ${busy}`),
      setStatus: (text, kind) => shown.push(`status ${kind}: ${text}`),
      showFailure: (message) => shown.push(`failure: ${message}`),
    },
  };
}

/** Work that waits until `release` is called, or rejects with AbortError as the replication pool does. */
function pending<T>(): { work: (signal: AbortSignal) => Promise<T>; release: (value: T) => void; signal: () => AbortSignal | undefined } {
  let release: (value: T) => void = () => undefined;
  let seen: AbortSignal | undefined;
  return {
    work: (signal) => {
      seen = signal;
      return new Promise<T>((resolve, reject) => {
        release = resolve;
        signal.addEventListener('abort', () => reject(new AbortError('the run was aborted')));
      });
    },
    release: (value) => release(value),
    signal: () => seen,
  };
}

const task = <T>(shown: string[], work: (signal: AbortSignal) => Promise<T>, extra: Partial<Task<T>> = {}): Task<T> => ({
  name: 'The run',
  work,
  done: (result) => shown.push(`done ${String(result)}`),
  cancelled: () => 'Cancelled after 3 of 10 replications.',
  ...extra,
});

describe('TaskRunner', () => {
  test('done: busy while it works, idle again before the result is shown', async () => {
    const { host, shown } = recordingHost();
    const runner = new TaskRunner(host);
    const p = pending<number>();
    const outcome = runner.run(task(shown, p.work, { done: (r) => shown.push(`done ${r} (busy ${runner.busy})`) }));
    expect(runner.busy).toBe(true);
    p.release(42);
    expect(await outcome).toBe('done');
    expect(shown).toEqual(['busy true', 'busy false', 'done 42 (busy false)']);
    expect(p.signal()?.aborted).toBe(false);
  });

  test('cancel aborts the work’s signal; the status is the task’s own line; nothing is shown as a failure', async () => {
    const { host, shown } = recordingHost();
    const runner = new TaskRunner(host);
    const p = pending<number>();
    const outcome = runner.run(task(shown, p.work));
    runner.cancel();
    expect(await outcome).toBe('cancelled');
    expect(p.signal()?.aborted).toBe(true);
    expect(shown).toEqual(['busy true', 'busy false', 'status info: Cancelled after 3 of 10 replications.']);
    expect(runner.busy).toBe(false);
  });

  test('a failure: tidied up, then named in the status and shown as a failure', async () => {
    const { host, shown } = recordingHost();
    const runner = new TaskRunner(host);
    const failing = task(shown, () => Promise.reject(new Error('worker boom')), { failed: () => shown.push('tidied') });
    expect(await runner.run(failing)).toBe('failed');
    expect(shown).toEqual(['busy true', 'busy false', 'tidied', 'status error: The run failed: worker boom', 'failure: The run failed: worker boom']);
    // A throw while showing the result is a failure too, not an unhandled rejection.
    const { host: host2, shown: shown2 } = recordingHost();
    const showing = task(shown2, () => Promise.resolve(1), { name: 'The staffing search', done: () => { throw new Error('cannot draw'); } });
    expect(await new TaskRunner(host2).run(showing)).toBe('failed');
    expect(shown2.slice(-2)).toEqual(['status error: The staffing search failed: cannot draw', 'failure: The staffing search failed: cannot draw']);
  });

  test('one task at a time: another is refused while one runs, and starts once it has ended', async () => {
    const { host, shown } = recordingHost();
    const runner = new TaskRunner(host);
    const first = pending<string>();
    const running = runner.run(task(shown, first.work));
    let started = false;
    const second = task(shown, async () => ((started = true), 'second'));
    expect(await runner.run(second)).toBe('busy');
    expect(started).toBe(false);
    first.release('first');
    expect(await running).toBe('done');
    expect(await runner.run(second)).toBe('done');
    expect(shown).toEqual(['busy true', 'busy false', 'done first', 'busy true', 'busy false', 'done second']);
  });

  test('cancel with nothing running does nothing, and does not cancel the next task', async () => {
    const { host, shown } = recordingHost();
    const runner = new TaskRunner(host);
    runner.cancel();
    expect(shown).toEqual([]);
    expect(await runner.run(task(shown, async () => 7))).toBe('done');
    expect(shown).toEqual(['busy true', 'busy false', 'done 7']);
  });
});
