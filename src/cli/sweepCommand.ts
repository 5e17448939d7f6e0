import { sweepVariants, type SweepOutput, type SweepPoint } from '../experiment/index.js';
import { sweep } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { mixedTargets, ScenarioError, serviceLevelTargets, thresholdText, type Scenario } from '../scenario/index.js';
import type { Metric } from '../stats/index.js';
import { changeText, plainValue } from './comparisonReport.js';
import { ciNote, table, wrap } from './format.js';
import { commandLine, oneScenarioFile } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const SWEEP_USAGE = `Usage: ccsim sweep <scenario.json> --set <path>=<v1>,<v2>,... [options]

Run the scenario with one field set to each value in turn, all with the same seed (common random
numbers), and report each value's KPIs, all types pooled and per contact type, with its paired
change against the first value. The path names a field like contactTypes[0].bot.containment or agentGroups[1].staff;
a value *f multiplies the current value (an array element by element; integers such as staff
are rounded), e.g. --set contactTypes[0].volume=*0.9,*1,*1.1.

Options:
  --set PATH=VALUES  the field and its values (required)
  --replications N   replications per value (default 10)
  --seed S           master seed (default 1)
  --workers W        worker threads (default: available cores, at most N)
  --redis URL        run the replications as jobs on this Redis, taken by ccsim worker
                     processes on any machines (docs/cluster.md); same output as here
  --redis-timeout S  with --redis: stop when no worker is connected for S s (default 60)
  --json             print one JSON document: { parameter, points: [ { value, summary, byType,
                     delta } ] }; delta (from the second point on) is the paired change against
                     the first point: { summary, byType }
  --force            run even when larger than the limits (docs/reliability.md)
  -h, --help         show this help
`;

export async function sweepCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, SWEEP_USAGE, SWEEP_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'sweep');
  const set = values.set;
  const eq = set?.indexOf('=') ?? -1;
  if (set === undefined || eq <= 0 || eq === set.length - 1) throw new UsageError('--set: expected PATH=V1,V2,... (e.g. agentGroups[0].staff=20,22,24)');
  const path = set.slice(0, eq);
  const list = set.slice(eq + 1).split(',').map((v) => v.trim());
  const scenario = await loadScenarioFile(scenarioFile);
  let variants: Scenario[];
  try {
    variants = sweepVariants(scenario, path, list).map((v) => v.scenario); // validate every variant before simulating anything
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--set: ${error.message}`);
    if (error instanceof ScenarioError) throw new UsageError(`--set ${path}: a value makes the scenario invalid:\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    throw error;
  }
  const ctx = runContext(io, 'sweeping', values);
  const out = await ctx.finish(
    sweep(scenario, path, list, ctx.apiOptions),
  );
  io.stdout(values.json ? `${JSON.stringify(out, null, 2)}\n` : sweepReport(out, variants, ctx.apiOptions.replications));
  return 0;
}

/**
 * The sweep as a planner reads it: one table for all types pooled, then one per contact type
 * (when there are several), each value's figures beside their paired change against the first.
 */
export function sweepReport(out: SweepOutput, scenarios: readonly Scenario[], replications: number): string {
  const lines = [
    wrap(`${out.parameter}  (${replications} replications per value, common random numbers)`),
    wrap('vs first: the paired change against the first value, in points or as a duration, with its 95% CI'),
    '',
    'all types pooled',
    pointsTable(out.points, (p) => p.summary, (p) => p.delta?.summary, true),
  ];
  const targets = serviceLevelTargets(scenarios);
  if (targets.size > 1) {
    const note = mixedTargets(scenarios);
    if (note !== null) lines.push('', wrap(`${note}: read the per-type tables.`));
    for (const [type, sl] of targets) {
      lines.push('', `${type} (service level in ${thresholdText(sl.seconds)})`);
      lines.push(pointsTable(out.points, (p) => p.byType[type], (p) => p.delta?.byType[type], false));
    }
  }
  const note = ciNote(replications);
  if (note !== null) lines.push('', wrap(note));
  return `${lines.join('\n')}\n`;
}

/** The figures a sweep table shows (a run's summary or a type's KPIs, or their paired deltas). */
type Figures = { readonly serviceLevel?: Metric; readonly asa?: Metric; readonly abandonRate?: Metric; readonly offered?: Metric; readonly occupancy?: Metric } | undefined;

function pointsTable(points: readonly SweepPoint[], values: (p: SweepPoint) => Figures, deltas: (p: SweepPoint) => Figures, occupancy: boolean): string {
  const rows = points.map((p) => {
    const v = values(p);
    const d = deltas(p);
    return [
      String(p.value),
      plainValue(v?.serviceLevel, 'percent'),
      changeText(d?.serviceLevel, 'percent', false),
      plainValue(v?.asa, 'seconds'),
      changeText(d?.asa, 'seconds', false),
      plainValue(v?.abandonRate, 'percent'),
      changeText(d?.abandonRate, 'percent', false),
      ...(occupancy ? [plainValue(v?.occupancy, 'percent')] : []),
      plainValue(v?.offered, 'count'),
    ];
  });
  // Each figure and its change stay side by side when the table is split to fit.
  const groups = [{ size: 2 }, { size: 2 }, { size: 2 }, ...(occupancy ? [{ size: 1 }] : []), { size: 1 }];
  return table(['value', 'SL', 'vs first', 'ASA', 'vs first', 'abandon', 'vs first', ...(occupancy ? ['occupancy'] : []), 'offered'], rows, { groups });
}

const SWEEP_FLAGS = { ...RUN_FLAGS, set: { type: 'string' } } as const;
