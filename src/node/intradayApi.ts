import type { SimulatedRun } from '../experiment/index.js';
import { reforecast, reforecastScenario, ReforecastError, type TypeReforecast } from '../intraday/reforecast.js';
import { scenarioFromNow } from '../intraday/fromNow.js';
import { parseIntradayState, StateError } from '../intraday/state.js';
import type { ColumnMap, IntervalHistory } from '../history/types.js';
import { parseScenario, ScenarioError, type Scenario } from '../scenario/index.js';
import { issueLines } from '../scenario/scenarioError.js';
import { utf8Text } from '../scenario/utf8Text.js';
import { readIntervalHistoryFile } from './historyFiles.js';
import { InputError } from './inputError.js';
import { loadScenarioFile, readInput } from './loadScenarioFile.js';
import type { RunOptions } from './runPool.js';

/** Options of `intraday`: the time and state of now, today's actuals, and the run options. */
export interface IntradayApiOptions extends RunOptions {
  /** `HH:MM`, an interval boundary of the scenario's day. */
  readonly now: string;
  /** The state of now: a state.json path, or the object (CONTRACT section 7). */
  readonly state: string | Record<string, unknown>;
  /** Today's interval history so far (a CSV path or the table), to reforecast the rest of the day. */
  readonly actuals?: string | IntervalHistory;
  /** Header map of the actuals file (`--columns`). */
  readonly columns?: ColumnMap;
}

/** A run output over the intervals from now on, plus what the state and the actuals did. */
export type IntradayOutput = SimulatedRun & {
  readonly now: string;
  /** Per contact type: the factor the rest of the day's volume was multiplied by (1 without actuals). */
  readonly reforecast: Record<string, number>;
  /** Per contact type: how the factor came about (only with actuals). */
  readonly reforecastDetail?: Record<string, TypeReforecast>;
  /** Per contact type: the waiting contacts carried in (they count in the first interval, not in arrivals). */
  readonly carriedIn: Record<string, number>;
  readonly notes: readonly string[];
};

/** The rest of the day as a scenario, and what the state and the actuals contributed. */
export interface RestOfDay {
  readonly scenario: Scenario;
  readonly reforecast: Record<string, number>;
  readonly reforecastDetail: Record<string, TypeReforecast> | undefined;
  readonly carriedIn: Record<string, number>;
  readonly notes: readonly string[];
}

/** What `intraday` and `compare --now --state` share: the options of the state of now. */
export type NowOptions = Pick<IntradayApiOptions, 'now' | 'state' | 'actuals' | 'columns'>;

/**
 * The scenario's rest of the day from `options.now`: the state parsed against it, the volume
 * reforecast from the actuals, the intervals from now on with the state as `initialState`.
 * @throws InputError naming the option, file, or `state` path at fault (exit 2)
 */
export async function restOfDay(source: string | Scenario | Record<string, unknown>, options: NowOptions): Promise<RestOfDay> {
  const scenario = typeof source === 'string' ? await loadScenarioFile(source) : parseScenario(source);
  const stateInput = typeof options.state === 'string' ? await readStateFile(options.state) : options.state;
  const where = typeof options.state === 'string' ? options.state : 'state';
  let state;
  try {
    state = parseIntradayState(scenario, options.now, stateInput);
  } catch (error) {
    if (error instanceof StateError) throw stateError(where, error);
    throw error;
  }
  const notes: string[] = [];
  let planned = scenario;
  let detail: Record<string, TypeReforecast> | undefined;
  if (options.actuals !== undefined) {
    const actuals = typeof options.actuals === 'string' ? await readIntervalHistoryFile(options.actuals, { columns: options.columns }) : options.actuals;
    try {
      const result = reforecast(scenario, actuals, state.nowInterval);
      planned = reforecastScenario(scenario, result, state.nowInterval);
      detail = result.byType;
      notes.push(...result.notes);
    } catch (error) {
      if (error instanceof ReforecastError) throw new InputError(`--actuals: ${error.message}`);
      throw error;
    }
  }
  let rest: Scenario;
  try {
    rest = parseScenario(scenarioFromNow(planned, state));
  } catch (error) {
    if (error instanceof StateError) throw stateError(where, error);
    if (error instanceof ScenarioError) throw new InputError(`the rest of the day from ${options.now} is not a valid scenario:\n${issueLines(error.issues, '  ').join('\n')}`);
    throw error;
  }
  return {
    scenario: rest,
    reforecast: Object.fromEntries(scenario.contactTypes.map((t) => [t.id, detail?.[t.id]?.factor ?? 1])),
    reforecastDetail: detail,
    carriedIn: Object.fromEntries(scenario.contactTypes.map((t, ti) => [t.id, state.waiting[ti]!.length])),
    notes,
  };
}

/**
 * The rest of today from the state of now (CONTRACT section 7, `ccsim intraday`): `restOfDay`
 * simulated through `run` (the caller's `simulate`, so the same worker pool and options).
 */
export async function intradayWith(
  source: string | Scenario | Record<string, unknown>,
  options: IntradayApiOptions,
  run: (scenario: Scenario, options: RunOptions) => Promise<SimulatedRun>,
): Promise<IntradayOutput> {
  const rest = await restOfDay(source, options);
  const out = await run(rest.scenario, options);
  return { ...out, now: options.now, reforecast: rest.reforecast, reforecastDetail: rest.reforecastDetail, carriedIn: rest.carriedIn, notes: rest.notes };
}

async function readStateFile(path: string): Promise<unknown> {
  const bytes = await readInput(path, (why) => `${path}: ${why}`);
  try {
    return JSON.parse(utf8Text(bytes, '(file)', '')) as unknown;
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(`${path}: ${error.message}`);
    throw new InputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

function stateError(where: string, error: StateError): InputError {
  const n = error.issues.length;
  return new InputError(`${where}: invalid state (${n} problem${n === 1 ? '' : 's'})\n${issueLines(error.issues, '  ').join('\n')}`);
}
