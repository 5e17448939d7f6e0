import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export interface SandboxResult {
  /** Exit code runCli returned; -1 if it threw or the case timed out. */
  readonly code: number;
  readonly stdout: string;
  readonly stdoutLength: number;
  readonly stderr: string;
  /** runCli threw instead of returning an exit code (it must never). */
  readonly threw: string | null;
  /** Changes to built-in prototypes seen after the case (must be empty). */
  readonly pollution: string[];
  /** The case did not finish within its time limit (the thread was terminated). */
  readonly timedOut: boolean;
  /** The worker thread died (an uncaught exception or a fatal error outside runCli). */
  readonly crashed: string | null;
  readonly ms: number;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The sandbox worker bundled with esbuild into node_modules/.cache (packages stay external). */
function bundle(): string {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./sandboxWorker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const dir = `${root}node_modules/.cache/ccsim-hardening`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/sandbox-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  if (!existsSync(file) || readFileSync(file).length !== code.length) writeFileSync(file, code);
  return file;
}

/**
 * `ccsim` run in a worker thread, one case at a time, each with a time limit: a case that does not
 * finish in time is reported as `timedOut` and the thread replaced. Scenarios must be run with
 * `--workers 1` (the bundle cannot start replication workers of its own).
 */
export class CliSandbox {
  private readonly file = bundle();
  private worker: Worker | null = null;
  private nextId = 0;
  /** Threads terminated because a case timed out or crashed. */
  restarts = 0;

  private start(): Worker {
    this.worker ??= new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: 3072 } });
    return this.worker;
  }

  async run(argv: string[], timeoutMs: number): Promise<SandboxResult> {
    const worker = this.start();
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<SandboxResult>((resolve) => {
      const finish = (r: Omit<SandboxResult, 'ms'>, replace: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (replace) {
          this.restarts++;
          this.worker = null;
          void worker.terminate();
        }
        resolve({ ...r, ms: performance.now() - started });
      };
      const empty = { code: -1, stdout: '', stdoutLength: 0, stderr: '', threw: null, pollution: [] };
      const onMessage = (m: { id: number } & Omit<SandboxResult, 'timedOut' | 'crashed' | 'ms'>) => {
        if (m.id === id) finish({ ...m, timedOut: false, crashed: null }, false);
      };
      const onError = (error: Error) => finish({ ...empty, timedOut: false, crashed: `${error.name}: ${error.message}` }, true);
      const onExit = (code: number) => finish({ ...empty, timedOut: false, crashed: `worker exited with code ${code}` }, true);
      const timer = setTimeout(() => finish({ ...empty, timedOut: true, crashed: null }, true), timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, argv });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
