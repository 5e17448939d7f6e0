import { parseArgs } from 'node:util';
import { simulateInThread, traceReplication, type RunOutput } from '../experiment/index.js';
import { loadScenarioFile } from '../node/loadScenarioFile.js';
import { writeFileAtomic } from '../node/writeFileAtomic.js';
import { intervalCsv } from './intervalCsv.js';
import { UsageError, type CliIo } from './io.js';
import { integerFlag } from './flags.js';
import { runReport } from './runReport.js';

export const RUN_USAGE = `Usage: ccsim run <scenario.json> [options]

Simulate a scenario's day over independent replications and report KPIs with 95% confidence
half-widths (a readable table by default).

Options:
  --replications N   replications of the day (default 10)
  --seed S           master seed, an integer >= 0 (default 1)
  --workers W        worker threads (accepted; replications currently run in this thread)
  --json             print the run output as one JSON document on stdout
  --out FILE         also write the JSON document to FILE (only when the run succeeds)
  --csv FILE         write the per-interval table (one row per interval and type) as CSV
  --trace FILE       write every event of replication 0 (same seed) as JSON lines:
                     { t, kind, contact, type, agent, group, wait, value }; t is seconds from
                     the start of the warm-up
  --no-intervals     leave the interval-by-interval table out of the readable report
  -h, --help         show this help
`;

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv);
  if (values.help) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`run: expected one scenario file, got ${positionals.length} (see ccsim run --help)`);
  const replications = integerFlag('--replications', values.replications, 10, 1);
  const seed = integerFlag('--seed', values.seed, 1, 0);
  integerFlag('--workers', values.workers, 1, 1);
  const scenario = await loadScenarioFile(positionals[0]!);
  const out: RunOutput = simulateInThread(scenario, { replications, seed });
  const json = `${JSON.stringify(out, null, 2)}\n`;
  if (values.out !== undefined) await writeFileAtomic(values.out, json);
  if (values.csv !== undefined) await writeFileAtomic(values.csv, intervalCsv(out));
  if (values.trace !== undefined) {
    const lines = traceReplication(scenario, seed, 0).map((e) => JSON.stringify(e));
    await writeFileAtomic(values.trace, `${lines.join('\n')}\n`);
  }
  io.stdout(values.json ? json : runReport(out, { intervals: !values['no-intervals'] }));
  return 0;
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        replications: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        csv: { type: 'string' },
        trace: { type: 'string' },
        'no-intervals': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(`run: ${(error as Error).message}`);
  }
}
