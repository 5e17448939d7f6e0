import { explain } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { ExplainInputError, type ExplainOutput } from '../optimize/explain.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { dateText } from '../history/calendar.js';
import { columnsFlag, commandLine, dateFlag, integerFlag, oneScenarioFile } from './flags.js';
import { ciNote, MIN_REPLICATIONS_FOR_CI, percent, wrap } from './format.js';
import { outputWidth } from './outputWidth.js';
import type { Metric } from '../stats/index.js';
import { UsageError, type CliIo } from './io.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const EXPLAIN_USAGE = `Usage: ccsim explain <scenario.json> --interval HH:MM [options]

Why does this interval miss its service level? Splits the interval's shortfall (target minus
simulated service level) into causes by paired counterfactual runs on the same customers
(common random numbers), each cause removed alone (docs/explain.md):
  staff        the interval staffed to its own Erlang A requirement (never fewer than now)
  carry-over   the interval starting with no queue carried over from before
  bot-wave     the bot escalations reaching the queue in the interval spread evenly over it
  volume       the interval's volume held to the forecast (only for a replayed date: --history,
               --staff and --date; the scenario's volumes are the forecast)
Each cause's gain is in service-level points with its 95% confidence interval, largest first.

Options:
  --interval HH:MM      the interval that contains this time of day (required)
  --day N               day of the horizon, 0 = the first (required when HH:MM occurs on
                        several days of the scenario)
  --type ID             the contact type to explain (default: the one furthest below its target)
  --history FILE        with --staff and --date: explain that past date as \`ccsim replay\`
                        simulates it (recorded offered counts and staff), volume cause included
  --staff FILE          the staff history CSV (date,interval_start,group,staff)
  --date YYYY-MM-DD     the date to explain
  --columns MAP         header names of another export, e.g. offered="Calls Offered"
  --staff-columns MAP   header names of the staff file, when they differ from --columns
  --replications N      replications of every run (default ${RUN_DEFAULTS.explainReplications})
  --seed S              master seed (default 1)
  --workers W           worker threads (default: cores, at most N)
  --redis URL           run the replications on ccsim worker processes (docs/cluster.md)
  --redis-timeout S     with --redis: stop when no worker is connected for S s (default 60)
  --force               run even when larger than the limits (docs/reliability.md)
  --json                print one JSON document (CONTRACT section 11)
  -h, --help            show this help
`;

const EXPLAIN_FLAGS = {
  ...RUN_FLAGS,
  interval: { type: 'string' },
  day: { type: 'string' },
  type: { type: 'string' },
  history: { type: 'string' },
  staff: { type: 'string' },
  date: { type: 'string' },
  columns: { type: 'string' },
  'staff-columns': { type: 'string' },
} as const;

export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, EXPLAIN_USAGE, EXPLAIN_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  const file = oneScenarioFile(positionals, 'explain');
  if (values.interval === undefined) throw new UsageError('--interval HH:MM is required (the interval to explain; see ccsim explain --help)');
  const day = values.day === undefined ? undefined : integerFlag('--day', values.day, 0, 0);
  const replayFlags = [values.history, values.staff, values.date].filter((x) => x !== undefined).length;
  if (replayFlags > 0 && replayFlags < 3) throw new UsageError('--history, --staff and --date: give all three to explain a replayed date (see ccsim explain --help)');
  const date = dateFlag('--date', values.date);
  const columns = columnsFlag('--columns', values.columns);
  const staffColumns = columnsFlag('--staff-columns', values['staff-columns']);
  const scenario = await loadScenarioFile(file);
  const ctx = runContext(io, 'explaining', { ...values, replications: values.replications ?? String(RUN_DEFAULTS.explainReplications) });
  let out: ExplainOutput;
  try {
    out = await ctx.finish(
      explain(scenario, {
        ...ctx.apiOptions,
        interval: values.interval,
        ...(day === undefined ? {} : { day }),
        ...(values.type === undefined ? {} : { type: values.type }),
        ...(date === undefined
          ? {}
          : { history: values.history!, staff: values.staff!, date: dateText(date), ...(columns ? { columns } : {}), ...(staffColumns ? { staffColumns } : {}) }),
      }),
    );
  } catch (error) {
    if (error instanceof ExplainInputError) throw new UsageError(error.message);
    throw error;
  }
  io.stdout(values.json ? `${JSON.stringify(out, null, 2)}\n` : explainReport(out));
  return 0;
}

/** The readable answer: the sentence, then one row per cause with its gain and action. */
export function explainReport(out: ExplainOutput): string {
  const when = out.date !== undefined ? `${out.date} ${out.interval}` : out.multiDay ? `day ${out.day} ${out.interval}` : out.interval;
  const parts = [
    wrap(`${out.scenario}: why ${when} ${(out.shortfallPts ?? 0) > 0 ? 'misses' : 'meets its target'} (type ${out.type}; ${out.replications} replications, seed ${out.seed})`),
    wrap(`service level ${percent(out.serviceLevel)} against a target of ${(100 * out.target).toFixed(1)}%`),
    wrap(out.summary),
  ];
  parts.push(causeList(out));
  if (out.skipped.length > 0) parts.push(wrap(`not tried: ${out.skipped.map((s) => `${s.cause} (${s.reason})`).join('; ')}`));
  parts.push(
    wrap(
      'Each gain is the service-level change, in points, of removing that cause alone, paired on the same customers; ' +
        'the gains overlap and need not add up to the shortfall.',
    ),
  );
  const note = ciNote(out.replications);
  if (note !== null) parts.push(wrap(note));
  return `${parts.join('\n\n')}\n`;
}

/** A gain already in points: "+4.9 pts ±1.0". */
function gain(m: Metric): string {
  if (m.mean === null || m.ci95 === null) return '-';
  const ci = m.n < MIN_REPLICATIONS_FOR_CI ? 'n/a' : m.ci95.toFixed(1);
  const mean = Number(m.mean.toFixed(1)) || 0; // no "-0.0"
  return `${mean >= 0 ? '+' : ''}${mean.toFixed(1)} pts ±${ci}`;
}

/** One row per cause: name, gain, and the action wrapped under its own column. */
function causeList(out: ExplainOutput): string {
  const names = Math.max(5, ...out.causes.map((c) => c.cause.length));
  const gains = Math.max(10, ...out.causes.map((c) => gain(c.deltaPts).length));
  const indent = names + gains + 4;
  const width = Math.max(40, outputWidth() - indent);
  const lines = [`${'cause'.padEnd(names)}  ${'gain'.padEnd(gains)}  what to do`];
  for (const c of out.causes) {
    const action = wrap(c.action, width).split('\n');
    lines.push(`${c.cause.padEnd(names)}  ${gain(c.deltaPts).padEnd(gains)}  ${action[0] ?? ''}`);
    for (const more of action.slice(1)) lines.push(`${' '.repeat(indent)}${more.trimStart()}`);
  }
  return lines.join('\n');
}
