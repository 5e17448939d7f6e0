/**
 * `--redis` throughput on this machine (`npm run bench:cluster`, `--json` for one document):
 * a redis-server of its own (as the tests start it), N `ccsim worker` processes, and a client in
 * this process running simulateScenario through a RedisReplicator, as `ccsim run --redis` does.
 * - throughput: erlang-check, 96 replications, with 1, 2 and 4 worker processes of one thread
 *   each and one process of 2 threads, against the same run on a local pool of 2 worker threads;
 * - per-job overhead: bank-week, 480 replications on one 1-thread worker, in jobs of 1 replication
 *   and in jobs of 120: (time with 480 jobs - time with 4) / 476.
 * Skips with one line when redis-server is missing. A benchmark: it asserts nothing.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReplicationPool, runReplication, buildModel, simulateScenario } from '../src/experiment/index.js';
import { nodeWorkerRunners } from '../src/node/nodeWorkerRunner.js';
import { RedisReplicator } from '../src/node/redisReplicator.js';
import { tuneV8ForSimulation } from '../src/node/tuneV8.js';
import { parseScenarioText, type Scenario } from '../src/scenario/index.js';
import { hasRedis, noRedis, startRedis, startWorker, type WorkerProcess } from '../test/support/redis.js';

tuneV8ForSimulation();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JSON_OUT = process.argv.includes('--json');
const SEED = 1;
const load = (file: string): Scenario => parseScenarioText(readFileSync(join(ROOT, file), 'utf8'), file);

async function timedRedis(url: string, scenario: Scenario, replications: number, blockSize?: number): Promise<number> {
  const replicator = await RedisReplicator.connect(url, blockSize === undefined ? {} : { blockSize });
  const t0 = performance.now();
  try {
    await simulateScenario(scenario, replicator, { replications, seed: SEED });
  } finally {
    await replicator.close();
  }
  return (performance.now() - t0) / 1000;
}

async function timedLocal(scenario: Scenario, replications: number, threads: number): Promise<number> {
  const pool = new ReplicationPool(nodeWorkerRunners(), threads);
  await simulateScenario(scenario, pool, { replications: threads, seed: SEED }); // start and warm the threads
  const t0 = performance.now();
  await simulateScenario(scenario, pool, { replications, seed: SEED });
  const s = (performance.now() - t0) / 1000;
  await pool.close();
  return s;
}

async function main(): Promise<void> {
  if (!hasRedis) {
    console.log(noRedis.replace('redis tests', 'cluster benchmark'));
    return;
  }
  const redis = await startRedis();
  const workers: WorkerProcess[] = [];
  const erlang = load('scenarios/erlang-check.json');
  const bank = load('bench/bank-week.json');
  const N = 96;
  let events = 0;
  const config = buildModel(erlang);
  for (let r = 0; r < N; r++) events += runReplication(config, SEED, r).events;
  const rows: { setup: string; seconds: number; replicationsPerS: number; eventsPerS: number }[] = [];
  const row = (setup: string, seconds: number) => rows.push({ setup, seconds, replicationsPerS: N / seconds, eventsPerS: events / seconds });
  try {
    row('local pool, 2 worker threads (no Redis)', await timedLocal(erlang, N, 2));
    for (const n of [1, 2, 4]) {
      while (workers.length < n) workers.push(await startWorker(redis.url, 1));
      await timedRedis(redis.url, erlang, 2 * n); // every worker warm
      row(`${n} worker process${n === 1 ? '' : 'es'} x 1 thread`, await timedRedis(redis.url, erlang, N));
    }
    await Promise.all(workers.splice(0).map((w) => w.kill()));
    workers.push(await startWorker(redis.url, 2));
    await timedRedis(redis.url, erlang, 4);
    row('1 worker process x 2 threads', await timedRedis(redis.url, erlang, N));
    await Promise.all(workers.splice(0).map((w) => w.kill()));
    workers.push(await startWorker(redis.url, 1));
    await timedRedis(redis.url, bank, 8);
    const M = 480;
    const small = await timedRedis(redis.url, bank, M, 1);
    const large = await timedRedis(redis.url, bank, M, 120);
    const overheadMs = ((small - large) / (M - M / 120)) * 1000;
    const out = { machine: `${os.cpus()[0]?.model} x${os.availableParallelism()}`, node: process.version, erlangCheck: { replications: N, events, rows }, perJob: { workload: 'bank-week', replications: M, jobsOf1S: small, jobsOf120S: large, overheadMs } };
    if (JSON_OUT) console.log(JSON.stringify(out, null, 2));
    else {
      console.log(`--redis throughput, erlang-check x ${N} replications (${(events / 1e6).toFixed(1)} M events), ${out.machine}`);
      for (const r of rows) console.log(`  ${r.setup.padEnd(42)} ${r.seconds.toFixed(2).padStart(6)} s  ${r.replicationsPerS.toFixed(1).padStart(6)} repl/s  ${(r.eventsPerS / 1e6).toFixed(2)} M events/s`);
      console.log(`per-job overhead (bank-week, ${M} replications on 1 worker thread): jobs of 1 ${small.toFixed(2)} s, jobs of 120 ${large.toFixed(2)} s -> ${overheadMs.toFixed(2)} ms per job`);
    }
  } finally {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await redis.stop();
  }
}

await main();
