import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Whether Debian's redis-server is on the PATH. */
export const hasRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** The one line printed when the Redis tests are skipped. */
export const noRedis = 'redis tests skipped: no redis-server on the PATH; apt-get install redis-server (.ci/run does)';

export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A redis-server of our own: loopback, a free port, a temp dir, no persistence; stopped by stop(). */
export async function startRedis(port?: number): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-redis-'));
  port ??= await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${seen}`)), 10_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${seen}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A `ccsim worker` process on `url` (one thread unless told), started and taking jobs. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The lock the test workers use: a SIGKILLed worker's block is taken again within ~3 s. */
export const TEST_LOCK_MS = '2000';

export async function startWorker(url: string, threads = 1, ready = 'taking jobs'): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [join(repo, 'bin/ccsim.js'), 'worker', '--redis', url, '--concurrency', String(threads)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CCSIM_QUEUE_LOCK_MS: TEST_LOCK_MS },
  });
  let err = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ccsim worker did not start: ${err}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`ccsim worker exited with ${code}: ${err}`)));
  });
  return {
    child,
    stderr: () => err,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}
