/**
 * Worker threads must never detach an ArrayBuffer: the first detach in a V8 isolate invalidates
 * its "array buffer detaching protector" for good, and every typed-array access of the
 * simulation then carries a detach check (replications measured 18 % slower). Two things used to
 * do it in every worker: transferring the result's buffers back to the caller, and tsx's module
 * loader, inherited through the parent's `--import tsx`. Counted with V8's own trace, not timed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/node/nodeWorkerRunner.js';

describe('worker threads keep V8’s typed-array fast path', () => {
  it('under tsx (--import tsx, as npm start runs), a pool of 2 workers invalidates the detaching protector of no worker', () => {
    const script = fileURLToPath(new URL('./fixtures/poolProtector.ts', import.meta.url));
    const invalidations = (workers: number) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--trace-protector-invalidation', script, String(workers)], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`results ${workers > 0 ? 6 : 0}`);
      return (r.stdout + r.stderr).split('\n').filter((l) => l.includes('Invalidating protector cell ArrayBufferDetaching')).length;
    };
    // The main thread and tsx's loader thread pay it (tsx runs there); the workers must add nothing.
    expect(invalidations(2)).toBe(invalidations(0));
  });

  it('workers get the parent’s flags without module loaders', () => {
    expect(workerExecArgv(['--require', '/x/tsx/preflight.cjs', '--import', 'file:///x/tsx/loader.mjs', '--expose-gc', '--max-old-space-size=4096'])).toEqual([
      '--expose-gc',
      '--max-old-space-size=4096',
    ]);
    expect(workerExecArgv(['--import=tsx', '--loader', 'ts-node/esm', '--experimental-loader=x', '--inspect'])).toEqual(['--inspect']);
    expect(workerExecArgv(['--expose-gc'])).toBeNull(); // nothing to drop: the worker inherits as usual
    expect(workerExecArgv([])).toBeNull();
  });
});
