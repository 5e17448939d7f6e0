import { compare } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { restOfDay } from '../node/intradayApi.js';
import { compareReport } from './comparisonReport.js';
import { commandLine } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const COMPARE_USAGE = `Usage: ccsim compare <baseline.json> <other.json>... [options]

Run every scenario with common random numbers (replication r of each sees the same customers)
and report each one's paired differences from the baseline with 95% confidence half-widths,
for all contact types pooled and for each type against its own service-level threshold.

Options:
  --replications N   replications per scenario (default 10)
  --seed S           master seed (default 1)
  --workers W        worker threads (default: available cores, at most N)
  --redis URL        run the replications as jobs on this Redis, taken by ccsim worker
                     processes on any machines (docs/cluster.md); same output as here
  --redis-timeout S  with --redis: stop when no worker is connected for S s (default 60)
  --now HH:MM        with --state: compare the rest of the day from now, every scenario started
                     with the same state of now (see ccsim intraday --help)
  --state FILE       the state of now (waiting and in-hand contacts, staff now)
  --actuals FILE     with --now: reforecast the rest of the day from today's intervals so far
  --json             print one JSON document: { baseline, runs, deltas }; each delta has
                     summary (all types pooled) and byType (per contact type)
  --force            run even when larger than the limits (docs/reliability.md)
  -h, --help         show this help
`;

const COMPARE_FLAGS = { ...RUN_FLAGS, now: { type: 'string' }, state: { type: 'string' }, actuals: { type: 'string' } } as const;

export async function compareCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, COMPARE_USAGE, COMPARE_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  if (positionals.length < 2) throw new UsageError(`expected a baseline and at least one other scenario, got ${positionals.length} (see ccsim compare --help)`);
  if ((values.now === undefined) !== (values.state === undefined)) throw new UsageError('--now and --state go together: the rest of the day from the state of now (see ccsim compare --help)');
  if (values.actuals !== undefined && values.now === undefined) throw new UsageError('--actuals: needs --now and --state');
  const now = values.now === undefined ? undefined : { now: values.now, state: values.state!, actuals: values.actuals };
  const ctx = runContext(io, 'comparing', values);
  const scenarios = [];
  // With --now, each scenario becomes its rest of the day from the same state of now.
  for (const path of positionals) scenarios.push(now === undefined ? await loadScenarioFile(path) : (await restOfDay(path, now)).scenario);
  const out = await ctx.finish(
    compare(scenarios, ctx.apiOptions),
  );
  io.stdout(values.json ? `${JSON.stringify(out, null, 2)}\n` : compareReport(out, scenarios));
  return 0;
}
