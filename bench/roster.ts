/**
 * Roster scale (issue 19): `npm run bench:roster` (`--json` for one document). The instance of
 * `rosterWeek.ts`: 300 agents, 7 days of 15-minute intervals, 40 templates with break windows,
 * solved with the default 1% gap and a 120 s limit (the LP relaxation's optimum is the bound):
 * with six classes of people (shared availability), with personal availability and wishes (84
 * classes), and with a tighter requirement. A benchmark: it
 * asserts nothing. Reports wall time, the solver's time, the LP bound and the gap to it.
 */
import os from 'node:os';
import { rosterScenario } from '../src/optimize/rosterScenario.js';
import { parseScenario } from '../src/scenario/index.js';
import { defaultLoadHighs } from '../src/optimize/schedule.js';
import { rosterWeek } from './rosterWeek.js';

const JSON_OUT = process.argv.includes('--json');
const timeLimitSeconds = 120;

async function measure(name: string, personal: boolean, demand?: number) {
  const scenario = parseScenario(rosterWeek(300, personal, demand));
  const classes = new Set((scenario.agents ?? []).map(({ id: _id, ...rules }) => JSON.stringify(rules))).size;
  const t0 = performance.now();
  const roster = await rosterScenario(scenario, { timeLimitSeconds });
  const wall = (performance.now() - t0) / 1000;
  const g = roster.byGroup['team'];
  const gapToLp = g?.objective == null || g.lpBound === undefined ? null : (g.objective - g.lpBound) / g.objective;
  return {
    name,
    agents: scenario.agents?.length ?? 0,
    classes,
    templates: scenario.shiftTemplates?.length ?? 0,
    wallSeconds: Number(wall.toFixed(2)),
    solveSeconds: Number(((g?.solveMs ?? 0) / 1000).toFixed(2)),
    status: g?.status,
    objective: g?.objective,
    lpBound: g?.lpBound,
    gapToLpBound: gapToLp === null ? null : Number(gapToLp.toFixed(5)),
    mipGap: g?.mipGap,
    shifts: roster.shifts.length,
    shortfallAgentIntervals: Number((g?.shortfall.reduce((a, b) => a + b, 0) ?? 0).toFixed(2)),
    unassigned: roster.unassigned.length,
  };
}

await defaultLoadHighs(); // the one-off Wasm load is not part of the figure
const results = [
  await measure('shared availability', false),
  await measure('personal availability and wishes', true),
  await measure('shared availability, demand x 1.25 (tighter)', false, 1.25),
];
const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '?', node: process.version, load: os.loadavg().map((x) => Number(x.toFixed(2))) };
if (JSON_OUT) console.log(JSON.stringify({ machine, timeLimitSeconds, results }, null, 2));
else {
  console.log(`roster benchmark: ${machine.model}, ${machine.cpus} cores, ${machine.node}, load ${machine.load.join(' ')}`);
  for (const r of results) {
    console.log(`${r.name}: ${r.agents} agents (${r.classes} classes), ${r.templates} templates, 7 days x 96 intervals: ` +
      `${r.wallSeconds} s wall (solve ${r.solveSeconds} s), ${r.status}, objective ${r.objective}, LP bound ${r.lpBound}, ` +
      `gap to LP bound ${r.gapToLpBound === null ? '?' : `${(r.gapToLpBound * 100).toFixed(3)}%`}, ${r.shifts} shifts, ` +
      `shortfall ${r.shortfallAgentIntervals} agent-intervals, ${r.unassigned} without a shift`);
  }
}
