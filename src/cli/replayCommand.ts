import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { dateText } from '../history/calendar.js';
import { replayCsv } from '../history/replayCsv.js';
import { replay } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { columnsFlag, commandLine, dateFlag, oneScenarioFile, requiredFlag } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { checkOutputFiles, writeOutputFiles } from './outputFiles.js';
import { replayReport } from './replayReport.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const REPLAY_USAGE = `Usage: ccsim replay <scenario.json> --history <history.csv> --staff <staff.csv> [options]

Simulate each past date with its recorded offered counts (exactly that many arrivals per
interval, spread uniformly within it) and its recorded staff, and set every interval's recorded
service level, ASA and abandonment rate beside the simulated mean and the 90% band of one
simulated day (5th to 95th percentile over replications). Reports, per contact type, how often
the recorded value lies inside the band (coverage: close to 90% for a well-calibrated model),
the bias and the mean absolute error; then the worst intervals. Method: docs/replay.md.

Options:
  --history FILE        interval history: date,interval_start,type,offered[,answered,abandoned,
                        aht,asa,service_level]
  --staff FILE          staff history: date,interval_start,group,staff (agents available)
  --from YYYY-MM-DD     first date to replay (default: the history's first)
  --to YYYY-MM-DD       last date to replay (default: the history's last)
  --columns MAP         header names of another export, e.g. offered="Calls Offered",aht=AHT
                        (both files)
  --staff-columns MAP   header names of the staff file, when they differ from --columns
  --replications N      replications per date (default ${RUN_DEFAULTS.replayReplications}: the band's edges are percentiles,
                        which need many more than a mean)
  --seed S              master seed, an integer >= 0 (default 1)
  --workers W           worker threads (default: available cores, at most N); the output is
                        identical for any W
  --redis URL           run the replications as jobs on this Redis, taken by ccsim worker
                        processes on any machines (docs/cluster.md); same output as here
  --redis-timeout S     with --redis: stop when no worker is connected for S s (default 60)
  --json                print the replay as one JSON document on stdout
  --out FILE            also write the JSON document to FILE (only when the replay succeeds)
  --csv FILE            write one row per date, interval and contact type (recorded, simulated,
                        band and inside, for each KPI)
  --force               run even when the replay is larger than the limits
  -h, --help            show this help

Progress is drawn on stderr when it is a terminal. Ctrl-C stops at once and writes nothing.
`;

const FLAGS = {
  ...RUN_FLAGS,
  history: { type: 'string' },
  staff: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  columns: { type: 'string' },
  'staff-columns': { type: 'string' },
  out: { type: 'string' },
  csv: { type: 'string' },
} as const;

export async function replayCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, REPLAY_USAGE, FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const scenarioFile = oneScenarioFile(positionals, 'replay');
  const historyFile = requiredFlag('--history', values.history, 'the interval history CSV', 'replay');
  const staffFile = requiredFlag('--staff', values.staff, 'the staff history CSV', 'replay');
  const fromDay = dateFlag('--from', values.from);
  const toDay = dateFlag('--to', values.to);
  if (fromDay !== undefined && toDay !== undefined && toDay < fromDay) throw new UsageError(`--to ${values.to} is before --from ${values.from}`);
  const from = fromDay === undefined ? undefined : dateText(fromDay);
  const to = toDay === undefined ? undefined : dateText(toDay);
  const columns = columnsFlag('--columns', values.columns);
  const staffColumns = columnsFlag('--staff-columns', values['staff-columns']);
  const outFile = { flag: '--out', path: values.out };
  const csvFile = { flag: '--csv', path: values.csv };
  await checkOutputFiles([outFile, csvFile]);
  // Replay's own default: a band of percentiles needs far more replications than a run's mean.
  const ctx = runContext(io, 'replaying', { ...values, replications: values.replications ?? String(RUN_DEFAULTS.replayReplications) });
  const scenario = await loadScenarioFile(scenarioFile);
  const out = await ctx.finish(
    replay(scenario, {
      ...ctx.apiOptions,
      history: historyFile,
      staff: staffFile,
      from,
      to,
      columns,
      staffColumns,
    }),
  );
  const json = `${JSON.stringify(out, null, 2)}\n`;
  await writeOutputFiles([
    { ...outFile, text: () => json },
    { ...csvFile, text: () => replayCsv(out) },
  ]);
  io.stdout(values.json ? json : replayReport(out));
  return 0;
}
