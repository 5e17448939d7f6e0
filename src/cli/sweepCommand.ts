import { sweepVariants, type SweepOutput } from '../experiment/index.js';
import { sweep } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { ScenarioError } from '../scenario/index.js';
import { ciNote, percent, seconds, table, wrap } from './format.js';
import { parseCommandLine, oneScenarioFile } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const SWEEP_USAGE = `Usage: ccsim sweep <scenario.json> --set <path>=<v1>,<v2>,... [options]

Run the scenario with one field set to each value in turn, all with the same seed (common random
numbers). The path names a field like contactTypes[0].bot.containment or agentGroups[1].staff;
a value *f multiplies the current value (an array element by element; integers such as staff
are rounded), e.g. --set contactTypes[0].volume=*0.9,*1,*1.1.

Options:
  --set PATH=VALUES  the field and its values (required)
  --replications N   replications per value (default 10)
  --seed S           master seed (default 1)
  --workers W        worker threads (default: available cores, at most N)
  --json             print one JSON document: { parameter, points: [ { value, summary } ] }
  --force            run even when larger than the limits (docs/reliability.md)
  -h, --help         show this help
`;

export async function sweepCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(SWEEP_USAGE);
    return 0;
  }
  const scenarioFile = oneScenarioFile(positionals, 'sweep');
  const set = values.set;
  const eq = set?.indexOf('=') ?? -1;
  if (set === undefined || eq <= 0 || eq === set.length - 1) throw new UsageError('--set: expected PATH=V1,V2,... (e.g. agentGroups[0].staff=20,22,24)');
  const path = set.slice(0, eq);
  const list = set.slice(eq + 1).split(',').map((v) => v.trim());
  const scenario = await loadScenarioFile(scenarioFile);
  try {
    sweepVariants(scenario, path, list); // validate every variant before simulating anything
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--set: ${error.message}`);
    if (error instanceof ScenarioError) throw new UsageError(`--set ${path}: a value makes the scenario invalid:\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    throw error;
  }
  const ctx = runContext(io, 'sweeping', values);
  const out = await ctx.finish(
    sweep(scenario, path, list, ctx.apiOptions),
  );
  io.stdout(values.json ? `${JSON.stringify(out, null, 2)}\n` : sweepReport(out, ctx.apiOptions.replications));
  return 0;
}

export function sweepReport(out: SweepOutput, replications: number): string {
  const rows = out.points.map((p) => [
    String(p.value),
    percent(p.summary.serviceLevel),
    seconds(p.summary.asa),
    percent(p.summary.abandonRate),
    percent(p.summary.occupancy),
    p.summary.offered.mean === null ? '-' : p.summary.offered.mean.toFixed(0),
  ]);
  const note = ciNote(replications);
  return `${wrap(`${out.parameter}  (${replications} replications per value, common random numbers)`)}\n\n` +
    `${table([out.parameter, 'service level', 'ASA', 'abandon', 'occupancy', 'offered'], rows)}\n${note === null ? '' : `\n${wrap(note)}\n`}`;
}

function parse(argv: string[]) {
  return parseCommandLine(argv, { ...RUN_FLAGS, set: { type: 'string' } });
}
