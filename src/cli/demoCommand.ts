import { fileURLToPath } from 'node:url';
import { erlangA } from '../analytic/index.js';
import { simulateInThread } from '../experiment/index.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { percent, seconds } from './format.js';
import type { CliIo } from './io.js';
import { runReport } from './runReport.js';

const scenarioPath = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

/**
 * `npm start`: runs the bundled scenarios and prints what a planner looks at first, with the
 * stationary Erlang A answer beside the simulated one for the single-queue check scenario.
 */
export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const replications = argv.includes('--quick') ? 5 : 20;
  const check = await loadScenarioFile(scenarioPath('erlang-check.json'));
  const checkRun = simulateInThread(check, { replications, seed: 1 });
  io.stdout(runReport(checkRun, { intervals: false }));
  const calls = check.contactTypes[0]!;
  const volume = typeof calls.volume === 'number' ? calls.volume : (calls.volume[0] ?? 0);
  const staff = check.agentGroups[0]!.staff;
  const theory = erlangA({
    agents: typeof staff === 'number' ? staff : (staff[0] ?? 0),
    arrivalRate: volume / (check.intervalMinutes * 60),
    aht: calls.handleTime.dist === 'exponential' ? calls.handleTime.mean : NaN,
    patience: calls.patience?.dist === 'exponential' ? calls.patience.mean : NaN,
    slSeconds: calls.serviceLevel.seconds,
  });
  const sim = checkRun.summary;
  io.stdout(
    `Erlang A (exact, stationary) for the same queue: service level ${(theory.serviceLevel * 100).toFixed(1)}%` +
      ` (simulated ${percent(sim.serviceLevel)}), ASA ${(theory.asa ?? 0).toFixed(1)} s (simulated ${seconds(sim.asa)}),` +
      ` abandon ${((theory.pAbandon ?? 0) * 100).toFixed(2)}% (simulated ${percent(sim.abandonRate, 2)}),` +
      ` occupancy ${(theory.occupancy * 100).toFixed(1)}% (simulated ${percent(sim.occupancy)})\n\n`,
  );
  const two = await loadScenarioFile(scenarioPath('two-skills.json'));
  io.stdout(runReport(simulateInThread(two, { replications, seed: 1 })));
  return 0;
}
