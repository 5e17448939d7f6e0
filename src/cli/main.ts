import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tuneV8ForSimulation } from '../node/tuneV8.js';
import { demoCommand } from './demoCommand.js';
import { erlangCommand } from './erlangCommand.js';
import { DEFAULT_COLUMNS, type CliIo } from './io.js';
import { closestName } from '../scenario/index.js';
import { withOutputWidth } from './outputWidth.js';
import { wrap } from './format.js';
import { RunTooLargeError } from '../experiment/runSize.js';
import { InputError } from '../node/inputError.js';
import { runCommand } from './runCommand.js';
import { compareCommand } from './compareCommand.js';
import { sweepCommand } from './sweepCommand.js';
import { staffCommand } from './staffCommand.js';
import { schemaCommand } from './schemaCommand.js';
import { scheduleCommand } from './scheduleCommand.js';
import { rosterCommand } from './rosterCommand.js';
import { explainCommand } from './explainCommand.js';
import { forecastCommand } from './forecastCommand.js';
import { fitCommand } from './fitCommand.js';
import { replayCommand } from './replayCommand.js';
import { intradayCommand } from './intradayCommand.js';
import { workerCommand } from './workerCommand.js';

export const USAGE = `ccsim: contact-center simulation and staffing

Usage:
  ccsim run <scenario.json> [--replications N] [--seed S] [--workers W] [--json] [--out FILE]
            [--csv FILE] [--precision H [--precision-type ID] [--max-replications M]]
            [--trace FILE] [--type ID] [--group ID]
  ccsim compare <baseline.json> <other.json>... [--replications N] [--seed S] [--workers W] [--json]
  ccsim sweep <scenario.json> --set <path>=<v1>,<v2>,... [--replications N] [--seed S]
              [--workers W] [--json]
  ccsim schedule <scenario.json> [--verify] [--replications N] [--seed S] [--workers W]
                 [--time-limit SECONDS] [--gap F] [--json]
  ccsim roster <scenario.json> [--out roster.csv] [--verify] [--replications N] [--seed S]
               [--time-limit SECONDS] [--gap F] [--json]
  ccsim explain <scenario.json> --interval HH:MM [--day N] [--type ID] [--replications N] [--seed S]
                [--json]
  ccsim staff <scenario.json> [--method simulation|erlang-a|erlang-c] [--write-scenario FILE]
              [--max-evaluations E] [--json]
  ccsim erlang (--volume V --interval-minutes M | --volume-per-hour V) --aht SECONDS --sl-seconds T
               (--agents N | [--target F] [--target-asa S] [--max-occupancy F] | --table FROM..TO)
               [--patience SECONDS] [--shrinkage F] [--json]
  ccsim forecast <history.csv> --start YYYY-MM-DD --days N [--backtest-weeks K] [--holidays FILE]
                 [--columns MAP] [--out FILE] [--json]
  ccsim fit <scenario.json> --history <history.csv> [--contacts <log.csv>] [--date YYYY-MM-DD]
            [--columns MAP] [--out FILE] [--json]
  ccsim replay <scenario.json> --history <history.csv> --staff <staff.csv> [--from D --to D]
               [--replications N] [--seed S] [--workers W] [--columns MAP] [--json] [--csv FILE]
  ccsim intraday <scenario.json> --now HH:MM --state <state.json> [--actuals <history.csv>]
                 [--replications N] [--seed S] [--workers W] [--json] [--csv FILE]
  ccsim worker --redis URL [--concurrency W]
                          take replications from a Redis queue (docs/cluster.md)
  ccsim schema            print the scenario file's JSON Schema
  ccsim demo              run the bundled scenarios (what \`npm start\` does)

Run \`ccsim <command> --help\` for a command's options. A run larger than the limits of
docs/reliability.md (about 2e8 contacts x replications) is refused unless --force. Every
simulating command takes --redis URL to run on ccsim worker processes (docs/cluster.md).
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;
const COMMANDS: Record<string, Command> = {
  run: runCommand,
  compare: compareCommand,
  sweep: sweepCommand,
  staff: staffCommand,
  erlang: erlangCommand,
  schedule: scheduleCommand,
  roster: rosterCommand,
  explain: explainCommand,
  forecast: forecastCommand,
  fit: fitCommand,
  replay: replayCommand,
  intraday: intradayCommand,
  schema: schemaCommand,
  demo: demoCommand,
  worker: workerCommand,
};

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  // A terminal may report 0 columns (e.g. some CI shells); a pipe or file reports none.
  columns: process.stdout.isTTY === true && process.stdout.columns > 0 ? process.stdout.columns : DEFAULT_COLUMNS,
};

/**
 * Run the CLI with `argv` (arguments after the program name) and return the exit code: 0 done,
 * 2 bad usage or input (one line on stderr, nothing written), 1 an internal failure.
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(wrap(USAGE, io.columns));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('ccsim 0.1.0\n');
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    const best = closestName(name, Object.keys(COMMANDS));
    io.stderr(`ccsim: unknown command "${name}"${best === undefined ? '' : ` (did you mean ${best}?)`} (commands: ${Object.keys(COMMANDS).join(', ')}; see ccsim --help)\n`);
    return 2;
  }
  try {
    return await withOutputWidth(io.columns, () => command(rest, io));
  } catch (error) {
    if (error instanceof InputError || error instanceof RunTooLargeError) {
      io.stderr(`ccsim ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ccsim ${name}: internal error: ${message}\n`);
    if (process.env.CCSIM_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return 1;
  }
}

/**
 * `ccsim run x.json --json | head`: when the reader of stdout has gone, stop quietly (exit code as
 * far as the command got, 0 by default), as any Unix filter does, instead of dying on an unhandled
 * EPIPE with a stack trace. For the process's own CLI only (bin/ccsim.js), not for runCli in-process.
 */
export function stopQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
})();
if (invokedDirectly) {
  stopQuietlyOnClosedPipe();
  tuneV8ForSimulation();
  process.exitCode = await runCli(process.argv.slice(2));
}
