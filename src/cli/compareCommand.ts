import type { CompareOutput } from '../experiment/index.js';
import { compare } from '../node/api.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import type { Metric } from '../stats/index.js';
import { ciNote, count, countChange, percent, pointsChange, seconds, secondsChange, table, wrap } from './format.js';
import { parseCommandLine } from './flags.js';
import { UsageError, type CliIo } from './io.js';
import { RUN_FLAGS, runContext } from './runContext.js';

export const COMPARE_USAGE = `Usage: ccsim compare <baseline.json> <other.json>... [options]

Run every scenario with common random numbers (replication r of each sees the same customers)
and report each one's paired differences from the baseline with 95% confidence half-widths.

Options:
  --replications N   replications per scenario (default 10)
  --seed S           master seed (default 1)
  --workers W        worker threads (default: available cores, at most N)
  --json             print one JSON document: { baseline, runs, deltas }
  --force            run even when larger than the limits (docs/reliability.md)
  -h, --help         show this help
`;

export async function compareCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.stdout(COMPARE_USAGE);
    return 0;
  }
  if (positionals.length < 2) throw new UsageError(`expected a baseline and at least one other scenario, got ${positionals.length} (see ccsim compare --help)`);
  const ctx = runContext(io, 'comparing', values);
  const scenarios = [];
  for (const path of positionals) scenarios.push(await loadScenarioFile(path));
  const out = await ctx.finish(
    compare(scenarios, ctx.apiOptions),
  );
  io.stdout(values.json ? `${JSON.stringify(out, null, 2)}\n` : compareReport(out));
  return 0;
}

const ROWS: [key: string, label: string, kind: 'count' | 'percent' | 'seconds'][] = [
  ['arrivals', 'arrivals', 'count'],
  ['contained', 'contained by bot', 'count'],
  ['offered', 'offered to agents', 'count'],
  ['answered', 'answered', 'count'],
  ['abandoned', 'abandoned', 'count'],
  ['serviceLevel', 'service level', 'percent'],
  ['asa', 'ASA', 'seconds'],
  ['abandonRate', 'abandon rate', 'percent'],
  ['occupancy', 'occupancy', 'percent'],
];

/** Baseline value, each variant's value, and its paired delta with the 95% half-width. */
export function compareReport(out: CompareOutput): string {
  const base = out.runs[0]!;
  const header = ['summary', out.baseline];
  out.deltas.forEach((d) => header.push(d.scenario, 'change (paired 95% CI)'));
  const rows = ROWS.map(([key, label, kind]) => {
    const cells = [label, value(pick(base.summary, key), kind)];
    out.deltas.forEach((d, i) => cells.push(value(pick(out.runs[i + 1]!.summary, key), kind), delta(pick(d.summary, key), kind)));
    return cells;
  });
  // Each variant's value and its change stay side by side when the table is split to fit.
  const groups = [{ size: 1 }, ...out.deltas.map(() => ({ size: 2 }))];
  const note = ciNote(base.replications);
  const lines = [
    wrap(`${out.baseline} vs ${out.deltas.map((d) => d.scenario).join(', ')}  (${base.replications} replications, seed ${base.seed}, common random numbers)`),
    '',
    table(header, rows, { groups }),
    '',
    ...(note === null ? [] : [wrap(note)]),
    wrap('A change whose interval excludes 0 is a real difference, not noise.'),
  ];
  return `${lines.join('\n')}\n`;
}

function pick(summary: object, key: string): Metric {
  return (summary as Record<string, Metric>)[key] ?? { mean: null, ci95: null, n: 0 };
}

/** A scenario's value, without its half-width (the change column carries the paired one). */
function value(m: Metric, kind: 'count' | 'percent' | 'seconds'): string {
  const bare = { ...m, ci95: null };
  return kind === 'percent' ? percent(bare) : kind === 'seconds' ? seconds(bare) : count(m);
}

function delta(m: Metric, kind: 'count' | 'percent' | 'seconds'): string {
  return kind === 'percent' ? pointsChange(m) : kind === 'seconds' ? secondsChange(m) : countChange(m);
}

function parse(argv: string[]) {
  return parseCommandLine(argv, RUN_FLAGS);
}
