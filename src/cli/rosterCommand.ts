import type { RunOutput } from '../experiment/index.js';
import { verifyRoster } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { DEFAULT_ROSTER_GAP, rosterCsv, rosterScenario, type ScenarioRoster } from '../optimize/rosterScenario.js';
import { dayClockLabel, ScheduleInputError } from '../optimize/scheduleScenario.js';
import { ScenarioError, type Scenario } from '../scenario/index.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { commandLine, gapFlag, integerFlag, oneScenarioFile, timeLimitFlag } from './flags.js';
import { ciNote, percent, seconds, table, wrap } from './format.js';
import { UsageError, type CliIo } from './io.js';
import { checkOutputFiles, writeOutputFiles } from './outputFiles.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const ROSTER_USAGE = `Usage: ccsim roster <scenario.json> [options]

Give shifts from the scenario's "shiftTemplates" to the named people of its top-level "agents"
(each: "id", "group", "minutesPerWeek": [min, max], "daysOff", "consecutiveDaysOff"?,
"availability"?, "maxWeekendsPerMonth"?, "preferences"?), so each group's requirement ("staff"
grossed up by shrinkage) is covered at minimum cost: one integer program per group, solved with
HiGHS. Each person works at most one shift a day, inside their availability and contract; break
windows are placed per person. What nobody can cover is reported as shortfall; rules that
cannot all hold are named with the agent and the rule.

Options:
  --out FILE            write the roster CSV: agent,day,start,end,breaks (one row per shift)
  --verify              simulate the roster (shrinkage applied per shift) and report service level
  --replications N      replications of the verification run (default 10)
  --seed S              master seed of the verification run (default 1)
  --workers W           worker threads of the verification run (default: cores, at most N)
  --redis URL           run the verification's replications on ccsim worker processes
  --redis-timeout S     with --redis: stop when no worker is connected for S s (default 60)
  --force               run even when larger than the limits (docs/reliability.md)
  --time-limit SECONDS  solver time limit per group (default 60); on expiry the best roster found
                        is reported with status "time-limit"
  --gap FRACTION        stop when the cost is proved within this fraction of the optimum
                        (default 0.01 = 1%)
  --json                print one JSON document: { shifts, cost, byGroup, unassigned, agents },
                        plus "verification": <run output> with --verify
  -h, --help            show this help
`;

const ROSTER_FLAGS = { ...RUN_FLAGS, out: { type: 'string' }, verify: { type: 'boolean' }, 'time-limit': { type: 'string' }, gap: { type: 'string' } } as const;

export async function rosterCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, ROSTER_USAGE, ROSTER_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'roster');
  const timeLimitSeconds = timeLimitFlag(values['time-limit']);
  const mipRelGap = gapFlag(values.gap, DEFAULT_ROSTER_GAP);
  integerFlag('--replications', values.replications, RUN_DEFAULTS.replications, 1);
  integerFlag('--seed', values.seed, RUN_DEFAULTS.seed, 0);
  integerFlag('--workers', values.workers, 1, 1);
  const out = { flag: '--out', path: values.out };
  await checkOutputFiles([out]);
  const scenario = await loadScenarioFile(scenarioFile);
  let solved: ScenarioRoster;
  try {
    solved = await rosterScenario(scenario, { timeLimitSeconds, mipRelGap });
  } catch (error) {
    if (error instanceof ScheduleInputError) throw new UsageError(error.message);
    throw error;
  }
  let verification: RunOutput | undefined;
  if (values.verify) {
    const ctx = runContext(io, 'verifying', values);
    try {
      verification = await ctx.finish(verifyRoster(scenario, solved, ctx.apiOptions));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new UsageError(`--verify: the rostered scenario is invalid: ${error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    }
  }
  await writeOutputFiles([{ ...out, text: () => rosterCsv(solved) }]);
  if (values.json) {
    const { horizon: _horizon, ...doc } = solved;
    io.stdout(`${JSON.stringify({ ...doc, verification }, null, 2)}\n`);
  } else {
    io.stdout(rosterReport(scenario, solved, verification));
  }
  return 0;
}

/** The per-agent week view: one row per agent, one column per day, "HH:MM-HH:MM" or "off". */
function weekTable(scenario: Scenario, r: ScenarioRoster, week: number): string {
  const days = Math.min(7, r.horizon.days - 7 * week);
  const header = ['agent', ...Array.from({ length: days }, (_, k) => `d${7 * week + k}`), 'hours', 'off'];
  const rows = (scenario.agents ?? []).map((a) => {
    const cells = Array.from({ length: days }, (_, k) => {
      const s = r.shifts.find((x) => x.agent === a.id && x.day === 7 * week + k);
      return s === undefined ? '.' : `${s.start.replace(':', '')}-${s.end.replace(':', '')}`;
    });
    const figures = r.agents.find((x) => x.agent === a.id);
    return [a.id, ...cells, ((figures?.minutesPerWeek[week] ?? 0) / 60).toFixed(1), String(figures?.daysOff[week] ?? days)];
  });
  return table(header, rows);
}

/** The readable report: cost and solve figures per group, the week view, unassigned people, coverage misses. */
export function rosterReport(scenario: Scenario, r: ScenarioRoster, verification?: RunOutput): string {
  const { horizon } = r;
  const parts = [wrap(
    `${scenario.name}: roster of ${(scenario.agents ?? []).length} agents  (${horizon.days} day${horizon.days === 1 ? '' : 's'} from ${horizon.start}; ` +
      `dN = day N from the start; shifts as HHMM-HHMM; . = day off; hours paid, breaks included)`,
  )];
  for (const [id, g] of Object.entries(r.byGroup)) {
    const gap = g.mipGap === null ? 'unknown' : `${(g.mipGap * 100).toFixed(2)}%`;
    const short = g.shortfall.reduce((a, b) => a + b, 0);
    const firstShort = g.shortfall.findIndex((x) => x > 0);
    parts.push(wrap(
      `== group ${id}: ${g.agents} agents; cost ${g.cost.toLocaleString('en-US', { maximumFractionDigits: 2 })}` +
        `${g.wishCost > 0 ? ` (+ ${g.wishCost} against preferences)` : ''}; solved in ${(g.solveMs / 1000).toFixed(2)} s, MIP gap ${gap} (${g.status}) ==\n` +
        (short === 0
          ? 'coverage >= required in every interval (no shortfall)'
          : `SHORTFALL in ${g.shortfall.filter((x) => x > 0).length} intervals (${short.toFixed(1)} agent-intervals; first at ${dayClockLabel(horizon, firstShort)})`),
    ));
  }
  for (let week = 0; week < Math.ceil(horizon.days / 7); week += 1) {
    if (horizon.days > 7) parts.push(`week ${week + 1}`);
    parts.push(weekTable(scenario, r, week));
  }
  if (r.unassigned.length > 0) parts.push(['no shift:', ...r.unassigned.map((u) => wrap(`  ${u.agent}: ${u.why}`))].join('\n'));
  if (verification !== undefined) {
    parts.push(wrap(`== verification: the roster simulated (${verification.replications} replications, seed ${verification.seed}; ± is the 95% half-width) ==`));
    parts.push(table(['type', 'service level', 'target', 'ASA', 'abandon'], scenario.contactTypes.map((t) => {
      const k = verification.byType[t.id];
      return [t.id, k ? percent(k.serviceLevel) : '-', `${(t.serviceLevel.target * 100).toFixed(0)}% in ${t.serviceLevel.seconds} s`, k ? seconds(k.asa) : '-', k ? percent(k.abandonRate) : '-'];
    })));
    const note = ciNote(verification.replications);
    if (note !== null) parts.push(wrap(note));
  }
  return `${parts.join('\n\n')}\n`;
}

