/**
 * Runs `ccsim` in-process inside a worker thread for the hardening tests, so a case that hangs in
 * synchronous code can be stopped (the thread is terminated) instead of hanging the test run.
 * Messages in: { id, argv }. Messages out: { id, code, stdout, stderr, threw, pollution }.
 * Bundled by sandbox.ts with esbuild (tsx does not register inside worker threads).
 */
import { parentPort } from 'node:worker_threads';
import { prototypeSnapshot, pollutionSince } from './pollution.js';

// In a worker, process.argv[1] is this file, which main.ts would take for "run as a program".
process.argv.splice(1);
const { runCli } = await import('../../../src/cli/main.js');
const port = parentPort!;
const before = prototypeSnapshot();

port.on('message', async ({ id, argv }: { id: number; argv: string[] }) => {
  let stdout = '';
  let stderr = '';
  let code = -1;
  let threw: string | null = null;
  try {
    code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false, columns: 100 });
  } catch (error) {
    threw = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  }
  // Keep messages small: a valid run's JSON is checked here, only its verdict crosses the port.
  port.postMessage({ id, code, stdout: stdout.length > 4e6 ? stdout.slice(0, 4e6) : stdout, stdoutLength: stdout.length, stderr: stderr.slice(0, 1e5), threw, pollution: pollutionSince(before) });
});
