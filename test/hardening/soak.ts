/**
 * `npm run soak`: memory of long and large runs (issue 8, item 2), outside `npm test`.
 *
 * Each experiment runs in a fresh process (`node --expose-gc --import tsx`) so its peak resident
 * memory (getrusage maxRSS, a true high-water mark) is its own. Prints a markdown table; the
 * figures are recorded in docs/reliability.md.
 *
 *   npm run soak                 every experiment
 *   npm run soak -- soak-thread  one of them
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simulate } from '../../src/index.js';
import { checkRunSize, estimateRunSize } from '../../src/experiment/runSize.js';
import { loadScenarioFile } from '../../src/node/loadScenarioFile.js';
import { parseScenario } from '../../src/scenario/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMB = () => {
  gc();
  return +(process.memoryUsage().heapUsed / MB).toFixed(1);
};
const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function queue(p: { volume: number; staff: number; intervals: number; intervalMinutes: number }) {
  return parseScenario({
    name: 'large',
    intervalMinutes: p.intervalMinutes,
    intervals: p.intervals,
    contactTypes: [{ id: 'calls', channel: 'voice', volume: p.volume, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 120 }, serviceLevel: { seconds: 20, target: 0.8 } }],
    agentGroups: [{ id: 'team', skills: ['calls'], staff: p.staff }],
  });
}

type Result = Record<string, string | number>;

const experiments: Record<string, { what: string; run: () => Promise<Result> }> = {
  'soak-thread': {
    what: '1,000 replications of retail-day.json in the calling thread (heap after GC at milestones)',
    async run() {
      const scenario = await loadScenarioFile(`${root}scenarios/retail-day.json`);
      const milestones = new Set([10, 100, 250, 500, 1000]);
      const heap: string[] = [];
      const started = performance.now();
      await simulate(scenario, { replications: 1000, workers: 1, onProgress: (done) => milestones.has(done) && heap.push(`${done}: ${heapMB()}`) });
      return { seconds: +((performance.now() - started) / 1000).toFixed(1), 'heap MB after r replications': heap.join(', '), 'peak RSS MB': peakRssMB() };
    },
  },
  'soak-workers': {
    what: '1,000 replications of retail-day.json on 2 worker threads (process RSS at milestones)',
    async run() {
      const scenario = await loadScenarioFile(`${root}scenarios/retail-day.json`);
      const milestones = new Set([10, 100, 250, 500, 1000]);
      const rss: string[] = [];
      const started = performance.now();
      await simulate(scenario, { replications: 1000, workers: 2, onProgress: (done) => milestones.has(done) && rss.push(`${done}: ${Math.round(process.memoryUsage().rss / MB)}`) });
      return { seconds: +((performance.now() - started) / 1000).toFixed(1), 'RSS MB after r replications': rss.join(', '), 'main heap MB at end': heapMB(), 'peak RSS MB': peakRssMB() };
    },
  },
  'agents-1e6': {
    what: 'the agent limit: 1,000,000 agents, 1 replication, calling thread',
    async run() {
      const scenario = queue({ volume: 1000, staff: 1_000_000, intervals: 2, intervalMinutes: 30 });
      checkRunSize([{ scenario, replications: 1 }]);
      const started = performance.now();
      await simulate(scenario, { replications: 1, workers: 1 });
      return { seconds: +((performance.now() - started) / 1000).toFixed(1), 'peak RSS MB': peakRssMB() };
    },
  },
  'cells-1e5': {
    what: 'the interval-cell limit: 50,000 one-minute intervals x (1 type + 1 group), 1 replication, output as the CLI writes it',
    async run() {
      const scenario = queue({ volume: 1, staff: 1, intervals: 50_000, intervalMinutes: 1 });
      checkRunSize([{ scenario, replications: 1 }]);
      const started = performance.now();
      const out = await simulate(scenario, { replications: 1, workers: 1 });
      const json = JSON.stringify(out, null, 2);
      return { seconds: +((performance.now() - started) / 1000).toFixed(1), 'JSON MB': Math.round(json.length / MB), 'peak RSS MB': peakRssMB() };
    },
  },
  'year-15min': {
    what: 'a 365-day horizon of 15-minute intervals (35,040), 1 replication, output as the CLI writes it',
    async run() {
      const scenario = queue({ volume: 25, staff: 6, intervals: 365 * 96, intervalMinutes: 15 });
      checkRunSize([{ scenario, replications: 1 }]);
      const started = performance.now();
      const out = await simulate(scenario, { replications: 1, workers: 1 });
      const json = JSON.stringify(out, null, 2);
      return { seconds: +((performance.now() - started) / 1000).toFixed(1), contacts: Math.round(out.summary.arrivals.mean ?? 0), 'JSON MB': Math.round(json.length / MB), 'peak RSS MB': peakRssMB() };
    },
  },
  'contacts-2e8': {
    what: 'the contact limit: erlang-check.json (370 agents, 1 h warm-up + 8 h) x 2,900 replications = 1.9e8 contacts, 2 worker threads',
    async run() {
      const scenario = await loadScenarioFile(`${root}scenarios/erlang-check.json`);
      const replications = 2900;
      const estimate = estimateRunSize(scenario).contactsPerReplication * replications;
      checkRunSize([{ scenario, replications }]);
      const started = performance.now();
      const out = await simulate(scenario, { replications, workers: 2 });
      const seconds = (performance.now() - started) / 1000;
      return {
        seconds: +seconds.toFixed(1),
        'contacts (estimate)': estimate.toExponential(2).replace('e+', 'e'),
        'arrivals simulated': ((out.summary.arrivals.mean ?? 0) * replications).toExponential(2).replace('e+', 'e'),
        'peak RSS MB': peakRssMB(),
      };
    },
  },
};

const [name] = process.argv.slice(2);
if (name !== undefined && process.env.CCSIM_SOAK_CHILD === '1') {
  const experiment = experiments[name];
  if (experiment === undefined) throw new Error(`unknown experiment ${name}`);
  process.stdout.write(`${JSON.stringify(await experiment.run())}\n`);
} else {
  const names = name === undefined ? Object.keys(experiments) : [name];
  console.log(`| experiment | figures |\n| --- | --- |`);
  for (const n of names) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), n], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CCSIM_SOAK_CHILD: '1' },
      maxBuffer: 64 * MB,
    });
    if (child.status !== 0) {
      console.log(`| ${n} | failed (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' ')} |`);
      continue;
    }
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as Result;
    console.log(`| ${n}: ${experiments[n]!.what} | ${Object.entries(result).map(([k, v]) => `${k} ${v}`).join('; ')} |`);
  }
}
