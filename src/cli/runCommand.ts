import { checkPrecisionType, traceReplication, type PrecisionReport } from '../experiment/index.js';
import { simulate } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { intervalCsv } from '../experiment/intervalCsv.js';
import { checkOutputFiles, writeOutputFiles } from './outputFiles.js';
import { commandLine, oneScenarioFile } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { outcomesReport, runReport, scenarioHasCost } from './runReport.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const RUN_USAGE = `Usage: ccsim run <scenario.json> [options]

Simulate a scenario's day over independent replications and report KPIs with 95% confidence
half-widths (a readable table by default).

Options:
  --replications N      replications of the day (default 10; with --precision, the batch size)
  --seed S              master seed, an integer >= 0 (default 1)
  --workers W           worker threads (default: available cores, at most N); the output is
                        identical for any W
  --redis URL           run the replications as jobs on this Redis, taken by ccsim worker
                        processes on any machines (docs/cluster.md); same output as here
  --redis-timeout S     with --redis: stop when no worker is connected for S s (default 60)
  --precision H         keep adding batches of N replications until the service level's 95%
                        half-width is at most H (e.g. 0.01) for every contact type (the type
                        with the widest interval after each batch), or --max-replications
  --precision-type ID   with --precision: the contact type whose service level must reach H
  --max-replications M  cap for --precision (default 1000)
  --json                print the run output as one JSON document on stdout
  --out FILE            also write the JSON document to FILE (only when the run succeeds)
  --csv FILE            write the per-interval table as CSV: per interval a row per contact
                        type, then a row per agent group (occupancy, staffed, scheduled)
  --trace FILE          write every event of replication 0 (same seed) as JSON lines:
                        { t, kind, contact, type, agent, group, wait, work, value }; t is seconds
                        from the start of the warm-up; kind is arrive, bot, contained, dropout,
                        retry, repeat, queue, answer, end, abandon, unresolved, staff, interval,
                        and with section-8 fields blocked, disconnected, callback-accepted,
                        callback-declined, callback, transfer, dial or connect
  --type ID             show only this contact type in the readable report and --csv (repeat
                        the flag for several); the JSON output always has every type
  --group ID            show only this agent group (repeat for several), likewise
  --no-intervals        leave the interval-by-interval table out of the readable report
  --outcomes            add how contacts ended per type (live answers, callbacks, abandoned,
                        blocked, disconnected, unresolved, bot, transfers in), the mean wait of
                        abandoned contacts, agent work hours per group and type, and line
                        occupancy (JSON: an \`outcomes\` key after the others)
  --force               run even when the run is larger than the limits (about 2e8 contacts x
                        replications, 1e6 agents, 1e5 interval cells; see docs/reliability.md)
  -h, --help            show this help

Progress is drawn on stderr when it is a terminal. Ctrl-C stops at once and writes nothing.
`;

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, RUN_USAGE, RUN_COMMAND_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'run');
  const precision = precisionFlags(values.precision, values['max-replications'], values['precision-type']);
  const outFile = { flag: '--out', path: values.out };
  const csvFile = { flag: '--csv', path: values.csv };
  const traceFile = { flag: '--trace', path: values.trace };
  await checkOutputFiles([outFile, csvFile, traceFile]);
  const ctx = runContext(io, 'simulating', values);
  const scenario = await loadScenarioFile(scenarioFile);
  try {
    checkPrecisionType(scenario, precision);
  } catch (error) {
    throw new UsageError(`--precision-type: ${(error as Error).message}`);
  }
  const shown = {
    types: selected('--type', values.type, scenario.contactTypes.map((t) => t.id), 'contact type'),
    groups: selected('--group', values.group, scenario.agentGroups.map((g) => g.id), 'agent group'),
  };
  const out = await ctx.finish(
    simulate(scenario, { ...ctx.apiOptions, ...(precision ? { precision } : {}), outcomes: values.outcomes === true }),
  );
  const json = `${JSON.stringify(out, null, 2)}\n`;
  await writeOutputFiles([
    { ...outFile, text: () => json },
    { ...csvFile, text: () => intervalCsv(out, shown) },
    { ...traceFile, text: () => `${traceReplication(scenario, ctx.apiOptions.seed, 0).map((e) => JSON.stringify(e)).join('\n')}\n` },
  ]);
  io.stdout(values.json ? json : runReport(out, { intervals: !values['no-intervals'], costed: scenarioHasCost(scenario), ...shown }));
  if (out.outcomes !== undefined && !values.json) io.stdout(outcomesReport(out.outcomes, shown));
  if (out.precision && !values.json) io.stdout(precisionLine(out.precision, out.replications));
  return 0;
}

/** What a --precision run reached, and for which contact type's service level. */
export function precisionLine(p: PrecisionReport, replications: number): string {
  const half = p.achieved === null ? '-' : (p.achieved * 100).toFixed(2);
  const which =
    p.type === null ? 'no contact type had a service level (none answered or abandoned)'
    : p.typeChosenBy === 'given' ? `${p.type}: given by --precision-type`
    : `${p.type}: the contact type with the widest interval (--precision-type ID to choose one)`;
  return [
    '',
    `precision: ${p.type ?? 'the'} service level ±${half} points after ${replications} replications (target ±${(p.target * 100).toFixed(2)})`,
    `  ${which}`,
    `  stopped by ${p.stoppedBy === 'precision' ? 'the precision target' : '--max-replications'}`,
    '',
  ].join('\n');
}

/**
 * The ids a repeatable filter flag names (undefined when absent), in the scenario's order.
 * @throws UsageError naming the flag, the unknown id and the valid ones
 */
function selected(flag: string, given: readonly string[] | undefined, valid: readonly string[], what: string): readonly string[] | undefined {
  if (given === undefined) return undefined;
  const unknown = given.find((id) => !valid.includes(id));
  if (unknown !== undefined) throw new UsageError(`${flag}: unknown ${what} ${JSON.stringify(unknown)} (the scenario has: ${valid.join(', ')})`);
  return valid.filter((id) => given.includes(id));
}

function precisionFlags(precision: string | undefined, max: string | undefined, type: string | undefined) {
  if (precision === undefined) {
    if (max !== undefined) throw new UsageError('--max-replications: only with --precision');
    if (type !== undefined) throw new UsageError('--precision-type: only with --precision');
    return undefined;
  }
  const halfWidth = Number(precision);
  if (precision.trim() === '' || !(halfWidth > 0 && halfWidth < 1)) throw new UsageError(`--precision: must be a number in (0, 1), got ${JSON.stringify(precision)}`);
  const maxReplications = max === undefined ? 1000 : Number(max);
  if (!Number.isSafeInteger(maxReplications) || maxReplications < 2) {
    throw new UsageError(`--max-replications: must be an integer >= 2, got ${JSON.stringify(max)}`);
  }
  return { halfWidth, maxReplications, type };
}

const RUN_COMMAND_FLAGS = {
  ...RUN_FLAGS,
  precision: { type: 'string' },
  'max-replications': { type: 'string' },
  outcomes: { type: 'boolean' },
  'precision-type': { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
  trace: { type: 'string' },
  'no-intervals': { type: 'boolean' },
  type: { type: 'string', multiple: true },
  group: { type: 'string', multiple: true },
} as const;
