/**
 * Run in a fresh process by test/experiment/warmUp.test.ts: `warm` or `cold`, then scenario files.
 * Prints the JSON run output (2 replications, seed 1) of each scenario, simulated after the
 * thread's warm-up (`warm`: as a runner does, before each scenario's first replication) or with
 * no warm-up at all (`cold`).
 */
import { readFileSync } from 'node:fs';
import { simulateInThread } from '../../src/experiment/simulate.js';
import { threadWarmUp } from '../../src/experiment/warmUp.js';
import { parseScenarioText } from '../../src/scenario/index.js';

const [mode, ...files] = process.argv.slice(2);
const warmUp = threadWarmUp();
const outputs = files.map((file) => {
  const scenario = parseScenarioText(readFileSync(file, 'utf8'), file);
  if (mode === 'warm') warmUp(scenario);
  return simulateInThread(scenario, { replications: 2, seed: 1 });
});
process.stdout.write(JSON.stringify(outputs));
