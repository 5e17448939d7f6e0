import { fileURLToPath } from 'node:url';
import { erlangA } from '../analytic/index.js';
import { simulateInThread } from '../experiment/index.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { comparisonReport } from './comparisonReport.js';
import { percent, seconds, table, wrap } from './format.js';
import type { Metric } from '../stats/index.js';
import type { CliIo } from './io.js';
import { runReport, scenarioHasCost } from './runReport.js';

const scenarioPath = (name: string) => fileURLToPath(new URL(`../../scenarios/${name}`, import.meta.url));

export const DEMO_USAGE = `Usage: ccsim demo [--quick]

What \`npm start\` runs: the retail day beside its voice-bot twin (same customers, same roster), the
two-skills day, and the Erlang check queue beside exact Erlang A. --quick uses 5 replications
instead of 20.
`;

/** `npm start`: the bundled scenarios, as a planner would look at them first. */
export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(DEMO_USAGE);
    return 0;
  }
  const replications = argv.includes('--quick') ? 5 : 20;
  const options = { replications, seed: 1 };
  const retail = simulateInThread(await loadScenarioFile(scenarioPath('retail-day.json')), options);
  const withBot = simulateInThread(await loadScenarioFile(scenarioPath('chatbot-voice.json')), options);
  io.stdout(comparisonReport(retail, withBot));
  io.stdout('\n');
  const twoSkills = await loadScenarioFile(scenarioPath('two-skills.json'));
  io.stdout(runReport(simulateInThread(twoSkills, options), { intervals: false, costed: scenarioHasCost(twoSkills) }));
  io.stdout('\n');

  const check = await loadScenarioFile(scenarioPath('erlang-check.json'));
  const checkRun = simulateInThread(check, options);
  const calls = check.contactTypes[0]!;
  const staff = check.agentGroups[0]!.staff;
  const handle = calls.handleTime;
  if (!Array.isArray(handle) && handle.dist === 'exponential' && !Array.isArray(calls.patience) && calls.patience?.dist === 'exponential' && typeof calls.volume === 'number' && typeof staff === 'number') {
    const theory = erlangA({
      agents: staff,
      arrivalRate: calls.volume / (check.intervalMinutes * 60),
      aht: handle.mean,
      patience: calls.patience.mean,
      slSeconds: calls.serviceLevel.seconds,
    });
    const sim = checkRun.summary;
    const exact = (x: number): Metric => ({ mean: x, ci95: null, n: 1 });
    const rows = [
      ['service level', percent(sim.serviceLevel), percent(exact(theory.serviceLevel))],
      ['ASA', seconds(sim.asa), seconds(exact(theory.asa ?? 0))],
      ['abandoned', percent(sim.abandonRate, 2), percent(exact(theory.pAbandon ?? 0), 2)],
      ['occupancy', percent(sim.occupancy), percent(exact(theory.occupancy))],
    ];
    io.stdout(`${wrap(`${check.name}: simulated vs exact Erlang A (M/M/${staff}+M)`)}\n${table(['', 'simulated', 'Erlang A'], rows)}\n`);
  }
  io.stdout(`\n${wrap('Compare scenarios in the browser, with charts: npm run web (then open the address it prints).')}\n`);
  return 0;
}
