import { intraday, type IntradayOutput } from '../node/api.js';
import { intervalCsv } from '../experiment/intervalCsv.js';
import { checkOutputFiles, writeOutputFiles } from './outputFiles.js';
import { columnsFlag, commandLine, oneScenarioFile, requiredFlag } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { sweepVariants } from '../experiment/index.js';
import { ScenarioError, type Scenario } from '../scenario/index.js';
import { table, wrap } from './format.js';
import { runReport } from './runReport.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const INTRADAY_USAGE = `Usage: ccsim intraday <scenario.json> --now HH:MM --state <state.json> [options]

The rest of today from the state of now: the scenario's intervals from --now on, started with the
contacts waiting now (each with its wait so far: it keeps its place in line, its service level
counts from its original join and its remaining patience is drawn given that wait) and the
contacts in hand (their remaining handle time drawn given the time spent), simulated over
replications. What-ifs: edit the scenario (or its staff now in the state) and run again, or
compare them on the same customers with ccsim compare ... --now --state.

state.json: { "waiting": { "<type>": [seconds waited so far, ...] },
              "inService": { "<group>": { "<type>": [seconds handled so far, ...] } },
              "staff": { "<group>": agents present now } }      (staff optional: the scenario's)

Options:
  --now HH:MM           the time of now: an interval boundary of the scenario's day (required)
  --state FILE          the state of now, as above (required)
  --actuals FILE        today's interval history so far (date,interval_start,type,offered,...):
                        the rest of the day's volume is multiplied, per type, by the posterior mean
                        of the day's busyness ((a + offered) / (a + forecast), a = 1/cv^2, cv the
                        type's volumeUncertainty.cv or 0.15): few contacts so far move it little
  --columns MAP         the actuals' headers: offered="Calls Offered",...
  --set PATH=VALUE      a what-if on the scenario before it runs, as in sweep (repeat the flag
                        for several): e.g. agentGroups[0].staff=*1.2 or contactTypes[1].volume=80
  --replications N      replications (default 10)
  --seed S              master seed, an integer >= 0 (default 1)
  --workers W           worker threads (default: available cores, at most N)
  --redis URL           run the replications as jobs on this Redis, taken by ccsim worker
                        processes on any machines (docs/cluster.md); same output as here
  --redis-timeout S     with --redis: stop when no worker is connected for S s (default 60)
  --json                print the output as one JSON document: a run output over the intervals
                        from --now, plus "reforecast", "carriedIn" and "notes"
  --out FILE            also write the JSON document to FILE
  --csv FILE            write the per-interval table from --now as CSV
  --force               run even when the run is larger than the limits
  -h, --help            show this help
`;

const FLAGS = {
  ...RUN_FLAGS,
  now: { type: 'string' },
  state: { type: 'string' },
  actuals: { type: 'string' },
  columns: { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
  set: { type: 'string', multiple: true },
} as const;

export async function intradayCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, INTRADAY_USAGE, FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'intraday');
  const now = requiredFlag('--now', values.now, 'the time of now, HH:MM', 'intraday');
  const state = requiredFlag('--state', values.state, 'the state of now, a JSON file', 'intraday');
  const columns = columnsFlag('--columns', values.columns);
  const outFile = { flag: '--out', path: values.out };
  const csvFile = { flag: '--csv', path: values.csv };
  await checkOutputFiles([outFile, csvFile]);
  let scenario = await loadScenarioFile(scenarioFile);
  for (const set of values.set ?? []) scenario = withSet(scenario, set);
  const ctx = runContext(io, 'simulating the rest of the day', values);
  const out = await ctx.finish(intraday(scenario, { ...ctx.apiOptions, now, state, actuals: values.actuals, columns }));
  const json = `${JSON.stringify(out, null, 2)}\n`;
  await writeOutputFiles([
    { ...outFile, text: () => json },
    { ...csvFile, text: () => intervalCsv(out) },
  ]);
  io.stdout(values.json ? json : intradayReport(out));
  return 0;
}

/** `--set PATH=VALUE` applied to the scenario (one value, as sweep's `--set` takes several). */
function withSet(scenario: Scenario, set: string): Scenario {
  const eq = set.indexOf('=');
  if (eq <= 0 || eq === set.length - 1) throw new UsageError('--set: expected PATH=VALUE (e.g. agentGroups[0].staff=*1.2)');
  const path = set.slice(0, eq);
  try {
    return sweepVariants(scenario, path, [set.slice(eq + 1).trim()])[0]!.scenario;
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--set: ${error.message}`);
    if (error instanceof ScenarioError) throw new UsageError(`--set ${path}: the value makes the scenario invalid:\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    throw error;
  }
}

/** The run report of the rest of the day, headed by what was carried in and the reforecast. */
export function intradayReport(out: IntradayOutput): string {
  const lines = [wrap(`The rest of the day from ${out.now}: ${out.intervals.length} intervals, started with the contacts of the state of now.`), ''];
  const rows = Object.keys(out.carriedIn).map((id) => {
    const d = out.reforecastDetail?.[id];
    return [id, String(out.carriedIn[id]), out.reforecast[id]!.toFixed(3), d === undefined ? '-' : `${d.offered} / ${d.expected.toFixed(0)}`, d === undefined ? '-' : `${(d.weight * 100).toFixed(0)}%`];
  });
  lines.push(table(['type', 'waiting now', 'volume factor', 'offered / forecast so far', 'weight of actuals'], rows), '');
  lines.push(runReport(out));
  if (out.notes.length > 0) lines.push('notes:', ...out.notes.map((n) => wrap(`  - ${n}`)), '');
  return lines.join('\n');
}
