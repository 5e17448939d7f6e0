import { readFileSync } from 'node:fs';
import { parseScenarioText } from '../src/scenario/index.js';
import { buildModel, Recorder } from '../src/experiment/index.js';
import { ContactCenter } from '../src/model/index.js';
import { createStream } from '../src/random/index.js';
import { tuneV8ForSimulation } from '../src/node/tuneV8.js';
tuneV8ForSimulation();
const path = process.argv[2] ?? 'bench/bank-week.json';
const N = Number(process.argv[3] ?? 300);
const scenario = parseScenarioText(readFileSync(path, 'utf8'), path);
const config = buildModel(scenario);
const acc = { rec: 0, build: 0, run: 0, result: 0 };
for (let pass = 0; pass < 2; pass++) {
  for (const k of Object.keys(acc) as (keyof typeof acc)[]) acc[k] = 0;
  for (let r = 0; r < N; r++) {
    let t = performance.now();
    const rec = new Recorder(config);
    let u = performance.now(); acc.rec += u - t; t = u;
    const c = new ContactCenter(config, (name) => createStream(1, r, name), rec, {});
    u = performance.now(); acc.build += u - t; t = u;
    c.run();
    u = performance.now(); acc.run += u - t; t = u;
    rec.result(r);
    u = performance.now(); acc.result += u - t;
  }
}
console.log(Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, +(v / N).toFixed(3)])));
