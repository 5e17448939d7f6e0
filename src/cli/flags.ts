import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from '../scenario/index.js';
import { parseColumnMap } from '../history/columns.js';
import { dayNumber } from '../history/calendar.js';
import type { ColumnMap } from '../history/types.js';
import { UsageError, type CliIo } from './io.js';

/** An integer flag's value, or `fallback` when absent; anything else is a UsageError naming the flag. */
export function integerFlag(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${name}: must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** `--time-limit SECONDS` of the solvers: a number > 0, or undefined when absent. */
export function timeLimitFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new UsageError(`--time-limit: must be a number of seconds > 0, got ${JSON.stringify(raw)}`);
  return value;
}

/** `--gap FRACTION` of the solvers: a fraction in [0, 1), or `fallback` when absent. */
export function gapFlag(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !(value >= 0 && value < 1)) throw new UsageError(`--gap: must be a fraction in [0, 1), got ${JSON.stringify(raw)}`);
  return value;
}

type FlagOptions = NonNullable<ParseArgsConfig['options']>;
/** What parseArgs returns for a command's options (named, so the declaration build can emit it). */
export type CommandLine<T extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: T }>>;

/** A command's flags and positionals; a bad or unknown flag is a UsageError (exit 2). */
export function parseCommandLine<const T extends FlagOptions>(argv: string[], options: T): CommandLine<T> {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    const message = (error as Error).message;
    // `--seed -1`: parseArgs reads "-1" as a flag; say how to pass the value instead.
    const dashed = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    if (dashed) {
      const value = argv[argv.indexOf(dashed[1]!) + 1] ?? '';
      throw new UsageError(`${dashed[1]}: the value ${JSON.stringify(value)} starts with "-"; write ${dashed[1]}=${value} if you mean it`);
    }
    // An unknown flag: name the closest known one (parseArgs's own advice about "--" is noise here).
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    if (unknown) {
      const best = closestName(unknown[1]!, Object.keys(options).map((name) => `--${name}`));
      throw new UsageError(`Unknown option '${unknown[1]}'${best === undefined ? '' : ` (did you mean ${best}?)`}`);
    }
    throw new UsageError(message.split('\n')[0] ?? String(error));
  }
}

/**
 * Every command's preamble: its flags parsed (a bad or unknown one is a UsageError), or, for
 * `--help` / `-h`, its usage printed and undefined returned (the command then exits 0).
 */
export function commandLine<const T extends FlagOptions & { help: { type: 'boolean'; short: 'h' } }>(
  argv: string[],
  io: CliIo,
  usage: string,
  options: T,
): CommandLine<T> | undefined {
  const line = parseCommandLine(argv, options);
  if ((line.values as { help?: boolean }).help === true) {
    io.stdout(usage);
    return undefined;
  }
  return line;
}

/** The single scenario file a command takes; anything else is a UsageError naming the command. */
export function oneScenarioFile(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file, got ${positionals.length} (see ccsim ${command} --help)`);
  return positionals[0]!;
}

/** `--columns`-style header mapping (`offered="Calls Offered",aht=AHT`), checked before any file is read. */
export function columnsFlag(flag: string, text: string | undefined): ColumnMap | undefined {
  if (text === undefined) return undefined;
  try {
    return parseColumnMap(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message.replace(/^--columns: /, '')}`);
  }
}

/** A `YYYY-MM-DD` flag as its day number, or undefined when absent; anything else names the flag. */
export function dateFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const day = dayNumber(text.trim());
  if (day === undefined) throw new UsageError(`${flag}: must be a calendar date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return day;
}

/** A flag the command cannot do without. */
export function requiredFlag(flag: string, value: string | undefined, what: string, command: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag}: required (${what}; see ccsim ${command} --help)`);
  return value;
}
