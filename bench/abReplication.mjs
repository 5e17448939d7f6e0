#!/usr/bin/env node
// Same-process A/B of the CPU per warm replication of two checkouts (e.g. a git worktree of the
// commit before a change, and this one): node bench/abReplication.mjs <checkout A> <checkout B>
// <scenario, relative to each checkout> [blocks=40] [replications per block=50] [warm=100]
//
// On a shared machine two processes timed one after the other see different loads (bench/RESULTS.md
// saw +-30 % between runs). Here both checkouts' sources are loaded into one process (each as its
// own esbuild bundle, bin/sourceBundle.mjs, so neither shares code with the other) and their
// replications alternate in blocks (A B, B A, ...): the load falls on both alike, and the median of
// the per-block ratios B / A is the comparison. The CLI's V8 flags (src/node/tuneV8.ts) are set
// first. Both must draw the same replications: the event totals are printed to show it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';

for (const flag of '--max-inlined-bytecode-size-cumulative=3000 --no-lazy-feedback-allocation --no-concurrent-recompilation'.split(' ')) setFlagsFromString(flag);
const [a, b, scenarioPath, blocksArg = '40', perArg = '50', warmArg = '100'] = process.argv.slice(2);
if (a === undefined || b === undefined || scenarioPath === undefined) {
  console.error('usage: node bench/abReplication.mjs <checkout A> <checkout B> <scenario> [blocks] [per block] [warm]');
  process.exit(2);
}
const [blocks, per, warm] = [blocksArg, perArg, warmArg].map(Number);

async function load(dir) {
  const root = resolve(dir);
  const { sourceBundle } = await import(`${root}/bin/sourceBundle.mjs`);
  const experiment = await import(await sourceBundle('src/experiment/index.ts', 'ab-experiment'));
  const scenarios = await import(await sourceBundle('src/scenario/index.ts', 'ab-scenario'));
  const scenario = scenarios.parseScenarioText(readFileSync(`${root}/${scenarioPath}`, 'utf8'), scenarioPath);
  return { root, run: experiment.runReplication, config: experiment.buildModel(scenario), cpu: [], events: 0 };
}

const sides = [await load(a), await load(b)];
for (const side of sides) for (let i = 0; i < warm; i++) side.run(side.config, 1, 1_000_000 + i);
for (let k = 0; k < blocks; k++) {
  for (const side of k % 2 === 0 ? sides : [...sides].reverse()) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < per; i++) side.events += side.run(side.config, 1, k * per + i).events;
    const c = process.cpuUsage(c0);
    side.cpu.push((c.user + c.system) / 1000 / per);
  }
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ratios = sides[1].cpu.map((x, k) => x / sides[0].cpu[k]);
console.log(
  JSON.stringify({
    scenario: scenarioPath,
    blocks,
    perBlock: per,
    a: { checkout: sides[0].root, cpuMsPerReplicationMedian: +median(sides[0].cpu).toFixed(3), events: sides[0].events },
    b: { checkout: sides[1].root, cpuMsPerReplicationMedian: +median(sides[1].cpu).toFixed(3), events: sides[1].events },
    bOverAMedianBlockRatio: +median(ratios).toFixed(3),
    bFasterInBlocks: ratios.filter((r) => r < 1).length,
  }),
);
