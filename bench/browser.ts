/**
 * Web Workers in Chromium against Node's worker threads, on the same runs (`npm run bench:browser`;
 * `--json` for one JSON document). For each workload: the built page (vite build, served on
 * loopback, headless Debian Chromium driven by playwright-core, as the browser tests do) runs the
 * scenario as a planner would, a fresh pool of Web Workers from Run to results; Node runs the same
 * replications and seed on a fresh pool of as many worker threads, reduced the same way
 * (simulateScenario). Events are the replications' logical events (the same count in both: the
 * runs are identical), counted once in this thread. Each side's median of RUNS runs; the page's
 * wall time is its own (`data-seconds` of the run summary), from the pool's start to the output.
 * A benchmark, not a test: it asserts nothing, and skips with one line when Chromium is missing.
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildModel, ReplicationPool, runReplication, simulateScenario } from '../src/experiment/index.js';
import { nodeWorkerRunners } from '../src/node/nodeWorkerRunner.js';
import { tuneV8ForSimulation } from '../src/node/tuneV8.js';
import { parseScenarioText, type Scenario } from '../src/scenario/index.js';
import { buildApp } from '../test/browser/support/buildApp.js';
import { chromiumPath, launchChromium, noChromium } from '../test/browser/support/chromium.js';
import { serveStatic } from '../test/browser/support/staticServer.js';

tuneV8ForSimulation();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JSON_OUT = process.argv.includes('--json');
const RUNS = 3;
const SEED = 1;

interface Workload {
  readonly name: string;
  readonly file: string;
  /** Bundled in the page (chosen by its hash) or uploaded as a file, as a planner would. */
  readonly bundled: boolean;
  readonly replications: number;
}

const WORKLOADS: readonly Workload[] = [
  { name: 'erlang-check', file: 'scenarios/erlang-check.json', bundled: true, replications: 100 },
  { name: 'bank-week', file: 'bench/bank-week.json', bundled: false, replications: 1000 },
];

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function load(file: string): { text: string; scenario: Scenario } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return { text, scenario: parseScenarioText(text, file) };
}

function eventsOf(scenario: Scenario, replications: number): number {
  const config = buildModel(scenario);
  let events = 0;
  for (let r = 0; r < replications; r++) events += runReplication(config, SEED, r).events;
  return events;
}

async function nodeSeconds(scenario: Scenario, replications: number, workers: number): Promise<number> {
  const started = performance.now();
  const pool = new ReplicationPool(nodeWorkerRunners(), workers);
  try {
    await simulateScenario(scenario, pool, { replications, seed: SEED });
  } finally {
    await pool.close();
  }
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  if (chromiumPath() === null) {
    console.log(noChromium().replace('browser tests', 'browser benchmark'));
    return;
  }
  const dist = await buildApp();
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const chromium = browser.version();
  const results = [];
  try {
    for (const w of WORKLOADS) {
      const { text, scenario } = load(w.file);
      const browserRuns: number[] = [];
      let workers = 0;
      for (let k = 0; k < RUNS; k++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${server.url}#s=${w.bundled ? w.name : 'erlang-check'}&reps=${w.replications}&seed=${SEED}`);
        if (!w.bundled) {
          await page.getByTestId('upload').setInputFiles({ name: `${w.name}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
          await page.getByTestId('scenario-card-2').waitFor();
          await page.getByTestId('remove-1').click();
        }
        await page.getByTestId('run').click();
        const summary = page.getByTestId('run-summary');
        await summary.waitFor({ timeout: 600_000 });
        browserRuns.push(Number(await summary.getAttribute('data-seconds')));
        workers = Number(/(\d+) Web Worker/.exec((await summary.textContent()) ?? '')?.[1] ?? 0);
        await context.close();
      }
      const nodeRuns: number[] = [];
      for (let k = 0; k < RUNS; k++) nodeRuns.push(await nodeSeconds(scenario, w.replications, workers));
      const events = eventsOf(scenario, w.replications);
      const browserS = median(browserRuns);
      const nodeS = median(nodeRuns);
      results.push({
        workload: w.name, replications: w.replications, workers, events,
        browser: { runsS: browserRuns, medianS: browserS, eventsPerS: events / browserS },
        node: { runsS: nodeRuns, medianS: nodeS, eventsPerS: events / nodeS },
        nodeOverBrowser: browserS / nodeS,
      });
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
  if (JSON_OUT) {
    console.log(JSON.stringify({ machine: `${os.cpus()[0]?.model} x${os.availableParallelism()}`, node: process.version, chromium, seed: SEED, results }, null, 2));
    return;
  }
  console.log(`Web Workers (Chromium ${chromium}) vs Node worker threads (${process.version}), fresh pool each run, median of ${RUNS}`);
  for (const r of results) {
    const f = (x: number) => `${(x / 1e6).toFixed(2)} M events/s`;
    console.log(
      `${r.workload.padEnd(13)} ${r.replications} reps x ${r.workers} workers: browser ${r.browser.medianS.toFixed(2)} s (${f(r.browser.eventsPerS)}), ` +
        `node ${r.node.medianS.toFixed(2)} s (${f(r.node.eventsPerS)}), browser/node time ${r.nodeOverBrowser.toFixed(2)}x`,
    );
  }
}

await main();
