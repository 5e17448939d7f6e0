/**
 * Workers under faults (issue 8, item 4), extending test/node/workers.test.ts (faults and abort
 * of `simulate`, checked with the module's own counter) and test/cli/compareSweep.test.ts (SIGINT
 * exit code): here the operating system is asked too. Threads are counted in /proc/self/task
 * (or /proc/<pid>/task of a spawned CLI), so a worker that our bookkeeping forgot would show.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AbortError, compare, ReplicationError, simulate, sweep } from '../../src/index.js';
import { simulateWithRunners } from '../../src/node/api.js';
import { liveWorkerThreads } from '../../src/node/nodeWorkerRunner.js';
import { cli } from '../support/cli.js';

const root = new URL('../../', import.meta.url).pathname;
const retail = join(root, 'scenarios/retail-day.json');
const erlangCheck = join(root, 'scenarios/erlang-check.json');
const twoSkills = join(root, 'scenarios/two-skills.json');

const hasProc = existsSync('/proc/self/task');
const threads = (pid: number | 'self' = 'self') => {
  try {
    return readdirSync(`/proc/${pid}/task`).length;
  } catch {
    return 0;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Wait until `ok()` holds (polling every 20 ms), at most `ms`; returns whether it did. */
async function until(ok: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) return false;
    await sleep(20);
  }
  return true;
}
/** Threads of this process once idle (libuv's pool and the worker bundle already started by a first run). */
async function baseline(): Promise<number> {
  await until(() => liveWorkerThreads() === 0, 2000);
  await sleep(100);
  return threads();
}

describe.skipIf(!hasProc)('no worker thread outlives a run (counted by the OS)', () => {
  it('after a worker dies mid-run: the run fails naming the replication, and the thread count returns to where it was', async () => {
    await simulate(twoSkills, { replications: 2, workers: 2 }); // start libuv's pool and bundle the worker once
    const before = await baseline();
    const run = simulateWithRunners(retail, { replications: 20, workers: 2 }, { fault: { replication: 5, kind: 'exit' } });
    await expect(run).rejects.toThrow(ReplicationError);
    await expect(run).rejects.toThrow(/^replication 5 failed \(worker \d+\): worker thread exited with code 7$/);
    expect(liveWorkerThreads()).toBe(0);
    expect(await until(() => threads() <= before, 1000)).toBe(true);
  });

  it('a fault in the second batch of a --precision run fails it the same way', async () => {
    const before = await baseline();
    const run = simulateWithRunners(retail, { replications: 4, workers: 2, precision: { halfWidth: 1e-6, maxReplications: 40 } }, { fault: { replication: 6, kind: 'throw' } });
    await expect(run).rejects.toThrow(/^replication 6 failed \(worker \d+\): injected fault at replication 6$/);
    expect(liveWorkerThreads()).toBe(0);
    expect(await until(() => threads() <= before, 1000)).toBe(true);
  });

  it('abort mid-compare and mid-sweep: AbortError at once, no thread left', async () => {
    for (const start of [
      (signal: AbortSignal, onProgress: (n: number) => void) => compare([erlangCheck, erlangCheck], { replications: 100, workers: 2, signal, onProgress }),
      (signal: AbortSignal, onProgress: (n: number) => void) => sweep(erlangCheck, 'agentGroups[0].staff', [370, 375, 380], { replications: 100, workers: 2, signal, onProgress }),
    ]) {
      const before = await baseline();
      const controller = new AbortController();
      const run = start(controller.signal, (n) => n === 2 && controller.abort());
      const started = performance.now();
      await expect(run).rejects.toThrow(AbortError);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(liveWorkerThreads()).toBe(0);
      expect(await until(() => threads() <= before, 1000)).toBe(true);
    }
  });

  it('a signal aborted before the call: rejected, no worker started or left', async () => {
    const before = await baseline();
    await expect(simulate(retail, { replications: 4, workers: 2, signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
    expect(liveWorkerThreads()).toBe(0);
    expect(await until(() => threads() <= before, 1000)).toBe(true);
  });

  it('Ctrl-C of ccsim run --workers 2 in-process: exit 130, one line, its workers gone before runCli returns, no SIGINT handler left', async () => {
    const before = await baseline();
    const listeners = process.listeners('SIGINT');
    const running = cli('run', erlangCheck, '--replications', '400', '--workers', '2', '--json');
    // Both workers are up (seen by the OS) and the handler is installed.
    expect(await until(() => liveWorkerThreads() === 2 && threads() >= before + 2, 10_000)).toBe(true);
    const added = process.listeners('SIGINT').filter((l) => !listeners.includes(l));
    expect(added).toHaveLength(1);
    await sleep(200);
    const sent = performance.now();
    added[0]!('SIGINT'); // what Ctrl-C runs, without signalling the test process itself
    const r = await running;
    expect(performance.now() - sent).toBeLessThan(1000);
    expect(r).toEqual({ code: 130, stdout: '', stderr: 'ccsim run: interrupted (Ctrl-C)\n' });
    expect(liveWorkerThreads()).toBe(0);
    expect(await until(() => threads() <= before, 1000)).toBe(true);
    expect(process.listeners('SIGINT')).toEqual(listeners);
  });
});

describe.skipIf(!hasProc)('Ctrl-C of a spawned ccsim (compare, --workers 2)', () => {
  const spawnCompare = (workers: number) => {
    const child = spawn(process.execPath, [join(root, 'bin/ccsim.js'), 'compare', erlangCheck, erlangCheck, '--replications', '1000', '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    return { child, pid: child.pid!, exited, stderr: () => stderr };
  };
  /** Most threads seen once the count has not grown for 400 ms. */
  async function plateau(pid: number): Promise<number> {
    let most = 0;
    let still = 0;
    await until(() => {
      const n = threads(pid);
      if (n > most) [most, still] = [n, 0];
      else still++;
      return most > 0 && still >= 20;
    }, 15_000);
    return most;
  }

  it('exits 130 within 2 s after the signal; it had 2 more threads than a --workers 1 run and no child process; nothing of it remains', async () => {
    // The same command in one thread: how many threads Node itself uses here.
    const one = spawnCompare(1);
    const own = await plateau(one.pid);
    one.child.kill('SIGKILL');
    await one.exited;

    const two = spawnCompare(2);
    expect(await until(() => threads(two.pid) >= own + 2, 15_000)).toBe(true); // both workers are running
    const children = readdirSync('/proc').filter((p) => {
      try {
        return /^\d+$/.test(p) && /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] === String(two.pid);
      } catch {
        return false;
      }
    });
    expect(children).toEqual([]); // workers are threads, never processes
    await sleep(300);
    const sent = performance.now();
    two.child.kill('SIGINT');
    const code = await two.exited;
    expect(performance.now() - sent).toBeLessThan(2000);
    expect(code).toBe(130);
    expect(two.stderr().trim()).toBe('ccsim compare: interrupted (Ctrl-C)');
    expect(existsSync(`/proc/${two.pid}`)).toBe(false);
  });
});
