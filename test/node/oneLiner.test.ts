/**
 * The Node API from a one-liner, as a user would write it: `node -e` and
 * `node --input-type=module -e`, importing the package by its name (the built `build/`, through
 * package.json's exports; `npm test` builds it first) and running on 2 worker threads. Workers
 * used to inherit the parent's `--input-type`, which a worker refuses.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/node/nodeWorkerRunner.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const scenario = {
  name: 'one-liner',
  intervalMinutes: 30,
  intervals: 2,
  contactTypes: [{ id: 'calls', channel: 'voice', volume: 40, handleTime: { dist: 'exponential', mean: 180 }, serviceLevel: { seconds: 20, target: 0.8 } }],
  agentGroups: [{ id: 'team', skills: ['calls'], staff: 6 }],
};

/** Runs `simulate` with 2 workers and prints how many replications ran on how many other threads. */
const body = `const threads = new Set();
const run = await simulate(${JSON.stringify(scenario)}, { workers: 2, replications: 4, onReplicationDone: (r, t) => threads.add(t) });
console.log(JSON.stringify({ replications: run.replications, threads: threads.size, main: threads.has(0) }));`;

function node(args: string[]) {
  if (!existsSync(`${root}build/src/index.js`)) throw new Error('build/ is missing: run `npx tsc -p tsconfig.build.json` (npm test does) first');
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('the Node API from node -e', () => {
  it.each([
    ['node -e (CommonJS, dynamic import)', ['-e', `import('ccsim').then(async ({ simulate }) => { ${body} }).catch((e) => { console.error(e.message); process.exit(1); });`]],
    ['node --input-type=module -e', ['--input-type=module', '-e', `import { simulate } from 'ccsim';\n${body}`]],
    ['node --input-type module --eval', ['--input-type', 'module', '--eval', `import { simulate } from 'ccsim';\n${body}`]],
    ['node -p', ['-p', `import('ccsim').then(async ({ simulate }) => { ${body} }).catch((e) => { console.error(e.message); process.exit(1); }), ''`]],
  ])('%s runs simulate on 2 worker threads', (_name, args) => {
    const r = node(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toEqual({ replications: 4, threads: 2, main: false });
  });
});

describe('workerExecArgv(execArgv)', () => {
  it('drops the flags of the main thread\'s entry point with their values', () => {
    expect(workerExecArgv(['--input-type=module', '-e', 'code'])).toEqual([]);
    expect(workerExecArgv(['--input-type', 'module', '--eval', 'code', '--expose-gc'])).toEqual(['--expose-gc']);
    expect(workerExecArgv(['-pe', 'code', '--max-old-space-size=512'])).toEqual(['--max-old-space-size=512']);
    expect(workerExecArgv(['-p', '--eval', 'code'])).toEqual([]);
    expect(workerExecArgv(['-p', 'code', '--expose-gc'])).toEqual(['--expose-gc']);
    expect(workerExecArgv(['--print', 'code'])).toEqual([]);
    expect(workerExecArgv(['-i', '--check', '--expose-gc'])).toEqual(['--expose-gc']);
    expect(workerExecArgv(['-r', '/x/preload.cjs', '--expose-gc'])).toEqual(['--expose-gc']);
  });

  it('keeps every other flag, and returns null when there is nothing to drop', () => {
    expect(workerExecArgv(['--expose-gc', '--stack-size=2000'])).toBeNull();
  });
});
