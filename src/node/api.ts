import { DEFAULT_MAX_EVALUATIONS, staffScenario, type StaffMethod, type StaffOutput } from '../optimize/staffScenario.js';
import { staffOnPool, staffSearchBounds } from '../optimize/staffOnPool.js';
import {
  buildModel,
  checkPrecisionType,
  compareScenarios,
  simulateScenario,
  sweepScenario,
  sweepVariants,
  type CompareOutput,
  type PrecisionTarget,
  type SimulatedRun,
  type SweepOutput,
} from '../experiment/index.js';
import { parseScenario, type Scenario } from '../scenario/index.js';
import { scheduledScenario, scheduleScenario, type ScenarioSchedule } from '../optimize/scheduleScenario.js';
import { rosteredScenario, rosterScenario, type ScenarioRoster } from '../optimize/rosterScenario.js';
import { loadScenarioFile } from './loadScenarioFile.js';
import { resolveRun, withPool, type RunOptions } from './runPool.js';
import { intradayWith, restOfDay, type IntradayApiOptions, type IntradayOutput, type NowOptions } from './intradayApi.js';

export type { RunOptions } from './runPool.js';
import { defaultWorkers, type NodeRunnerOptions } from './nodeWorkerRunner.js';
import { checkRunSize } from '../experiment/runSize.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';

/** A scenario file path, or a scenario object (validated like a file). */
export type ScenarioSource = string | Scenario | Record<string, unknown>;

/**
 * Read and validate a scenario. A path is read as a JSON file; an object is validated as is.
 * Throws an Error whose message names the file and every field path at fault.
 */
export async function loadScenario(source: ScenarioSource): Promise<Scenario> {
  return typeof source === 'string' ? loadScenarioFile(source) : parseScenario(source);
}

export interface SimulateOptions extends RunOptions {
  /**
   * Add replications until the service level's 95% half-width is at most this: of
   * `precision.type`, or by default of the contact type whose half-width is the widest.
   */
  readonly precision?: PrecisionTarget;
  /** Called as each replication completes, with the id of the thread that ran it. */
  readonly onReplicationDone?: (replication: number, threadId: number) => void;
  /**
   * Add `outcomes`: how contacts ended per type (answered live, callbacks, abandoned, blocked,
   * disconnected, unresolved, contained, bot dropouts, transfers in), the mean wait of abandoned
   * contacts, agent work hours per group and type, and line occupancy (docs/contract.md section 8).
   */
  readonly outcomes?: boolean;
}

/** Simulate a scenario's day over replications (in worker threads) and return the CONTRACT run output. */
export async function simulate(source: ScenarioSource, options: SimulateOptions = {}): Promise<SimulatedRun> {
  return simulateWithRunners(source, options);
}

/**
 * `simulate` with options for the worker threads themselves: the fault-injection hook of the
 * worker tests (NodeRunnerOptions.fault). Not part of the public API (src/index.ts).
 */
export async function simulateWithRunners(source: ScenarioSource, options: SimulateOptions, runnerOptions?: NodeRunnerOptions): Promise<SimulatedRun> {
  const scenario = await loadScenario(source);
  const run = resolveRun(options);
  const planned = options.precision ? Math.max(run.replications, options.precision.maxReplications ?? 1000) : run.replications;
  checkRunSize([{ scenario, replications: planned }], run.force);
  try {
    checkPrecisionType(scenario, options.precision);
  } catch (error) {
    throw new RangeError(`precision.type: ${(error as Error).message}`);
  }
  return withPool(
    run,
    (pool) =>
      simulateScenario(scenario, pool, {
        replications: run.replications,
        seed: run.seed,
        precision: options.precision,
        onProgress: run.onProgress,
        onReplicationDone: options.onReplicationDone,
        outcomes: options.outcomes,
      }),
    runnerOptions,
  );
}

/** Options of `compare`: the run options, and optionally the state of now (intraday what-ifs). */
export interface CompareApiOptions extends RunOptions {
  /**
   * With `now.now` and `now.state`, every scenario is compared over the rest of the day from the
   * same state of now (`ccsim compare --now --state`): the same waiting and in-hand contacts and the
   * same later customers in each, so "keep the plan" against "cancel the training" is paired.
   */
  readonly now?: NowOptions;
}

/** Run a baseline and variants with common random numbers; paired deltas against the baseline. */
export async function compare(sources: readonly ScenarioSource[], options: CompareApiOptions = {}): Promise<CompareOutput> {
  const now = options.now;
  const scenarios = await Promise.all(sources.map(async (source) => (now === undefined ? loadScenario(source) : (await restOfDay(typeof source === 'string' ? source : (source as Record<string, unknown>), now)).scenario)));
  const run = resolveRun(options);
  checkRunSize(scenarios.map((scenario) => ({ scenario, replications: run.replications })), run.force);
  return withPool(run, (pool) => compareScenarios(scenarios, pool, run));
}

/** Run a scenario with one field set to each value (`"*1.1"` multiplies the current value). */
export async function sweep(source: ScenarioSource, path: string, values: readonly (number | string)[], options: RunOptions = {}): Promise<SweepOutput> {
  const scenario = await loadScenario(source);
  const run = resolveRun(options);
  const variants = sweepVariants(scenario, path, values.map(String));
  checkRunSize(variants.map((v) => ({ scenario: v.scenario, replications: run.replications })), run.force);
  return withPool(run, (pool) => sweepScenario(scenario, path, values.map(String), pool, run));
}

/** Options of `schedule`. */
export interface ScheduleApiOptions extends RunOptions {
  /**
   * Also simulate the schedule (each group's `staff` replaced by the hired shifts, shrinkage
   * applied per shift) and return it as `verification`; the run options apply to that run.
   */
  readonly verify?: boolean;
  /** Solver time limit per group, seconds (default 60); on expiry the best schedule found is kept. */
  readonly timeLimitSeconds?: number;
  /** Stop when the cost is proved within this fraction of the optimum (default 0.001). */
  readonly mipRelGap?: number;
}

/** What `schedule` returns: every group's schedule, and the simulated schedule with `verify`. */
export interface ScheduleApiOutput extends ScenarioSchedule {
  /** The run output (as `simulate` gives) of the scheduled scenario; only with `verify`. */
  readonly verification?: SimulatedRun;
}

/**
 * The cheapest shifts to hire from the scenario's `shiftTemplates` so every interval's `staff`
 * (grossed up for shrinkage) is covered (CONTRACT section 5 `schedule`; what `ccsim schedule`
 * runs). Returns `{ horizon, byGroup: { <id>: { shifts, cost, required, coverage, shortfall,
 * ... } } }` for every group (`ccsim schedule --json` prints a lone group's entry by itself),
 * plus `verification` with `verify`. Throws a ScheduleInputError (a RangeError naming the field)
 * for a scenario that cannot be scheduled as written; what no template covers is `shortfall`.
 */
export async function schedule(source: ScenarioSource, options: ScheduleApiOptions = {}): Promise<ScheduleApiOutput> {
  const scenario = await loadScenario(source);
  const solved = await scheduleScenario(scenario, { timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap });
  if (options.verify !== true) return solved;
  const { verify: _verify, timeLimitSeconds: _limit, mipRelGap: _gap, ...run } = options;
  return { ...solved, verification: await verifySchedule(scenario, solved, run) };
}

/**
 * `schedule`'s verification: the scenario with each scheduled group's `staff` replaced by its
 * hired shifts, simulated. Separate so the CLI can listen for Ctrl-C only while it simulates (the
 * solver blocks the thread, so a handler would only delay Ctrl-C during the solve).
 * Throws a ScenarioError if the scheduled scenario is invalid.
 */
export async function verifySchedule(scenario: Scenario, solved: ScenarioSchedule, options: RunOptions = {}): Promise<SimulatedRun> {
  return simulate(parseScenario(scheduledScenario(scenario, solved)), options);
}

/** Options of `roster`. */
export interface RosterApiOptions extends RunOptions {
  /** Also simulate the roster (each group's `staff` replaced by the rostered shifts) as `verification`. */
  readonly verify?: boolean;
  /** Solver time limit per group, seconds (default 60). */
  readonly timeLimitSeconds?: number;
  /** Stop when the cost is proved within this fraction of the optimum (default 0.01). */
  readonly mipRelGap?: number;
}

/** What `roster` returns: the roster, and its simulation with `verify`. */
export interface RosterApiOutput extends ScenarioRoster {
  readonly verification?: SimulatedRun;
}

/**
 * Shifts for the scenario's named `agents` from the `shiftTemplates`, covering each group's
 * `staff` (grossed up for shrinkage) at minimum cost within every agent's rules (CONTRACT section
 * 10; what `ccsim roster` runs). Throws a ScheduleInputError naming the field (the agent and the
 * rule when rules contradict); what nobody can cover is `shortfall`.
 */
export async function roster(source: ScenarioSource, options: RosterApiOptions = {}): Promise<RosterApiOutput> {
  const scenario = await loadScenario(source);
  const solved = await rosterScenario(scenario, { timeLimitSeconds: options.timeLimitSeconds, mipRelGap: options.mipRelGap });
  if (options.verify !== true) return solved;
  const { verify: _verify, timeLimitSeconds: _limit, mipRelGap: _gap, ...run } = options;
  return { ...solved, verification: await verifyRoster(scenario, solved, run) };
}

/** `roster`'s verification: the scenario with each group's `staff` replaced by the roster's shifts, simulated. */
export async function verifyRoster(scenario: Scenario, solved: Pick<ScenarioRoster, 'shifts'>, options: RunOptions = {}): Promise<SimulatedRun> {
  return simulate(parseScenario(rosteredScenario(scenario, solved)), options);
}

/** Options of `staff`. */
export interface StaffApiOptions extends RunOptions {
  /** `simulation` (default), `erlang-c` or `erlang-a`. */
  readonly method?: StaffMethod;
  /** Simulations the search may run (default {@link DEFAULT_MAX_EVALUATIONS}). */
  readonly maxEvaluations?: number;
}

/**
 * The fewest agents per group and interval meeting every target (CONTRACT section 5 `staff`).
 * The simulation method runs its candidates and its verification on a worker pool; every
 * candidate plan is checked against the run-size limits like any run. `onProgress` counts
 * replications against the most the search can take (its budget, the repair rounds and the
 * verification), so its total never grows; it jumps to the end when the search finishes early.
 * `plan.met` is false when the plan misses a target (`plan.misses` says where and why).
 */
export async function staff(source: ScenarioSource, options: StaffApiOptions = {}): Promise<StaffOutput> {
  const scenario = await loadScenario(source);
  const method = options.method ?? 'simulation';
  if (method !== 'simulation') {
    // The Erlang methods simulate nothing but take time in proportion to the agents, so to the volume.
    checkRunSize([{ scenario, replications: 1 }], options.force);
    return staffScenario(scenario, buildModel(scenario), null, { method });
  }
  const run = resolveRun(options, RUN_DEFAULTS.staffReplications);
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const bound = staffSearchBounds(run.replications, maxEvaluations).replications;
  // The whole search at most, on the scenario as given; each candidate plan is checked again.
  checkRunSize([{ scenario, replications: bound }], run.force);
  const onProgress = run.onProgress;
  return withPool({ ...run, workers: options.workers ?? defaultWorkers(run.replications * 2) }, (pool) =>
    staffOnPool(scenario, pool, {
      replications: run.replications,
      seed: run.seed,
      maxEvaluations,
      force: run.force,
      onProgress: onProgress === undefined ? undefined : (p) => onProgress(p.replications, p.replicationBound),
    }),
  );
}
export { explain, type ExplainApiOptions } from './explainApi.js';

export { replay, type ReplayApiOptions } from './replayApi.js';

export { forecast, type ForecastApiOptions } from './forecastHistoryFile.js';
export { fit, type FitApiOptions, type FitApiOutput } from './fitApi.js';
export type { IntradayApiOptions, IntradayOutput } from './intradayApi.js';

/**
 * The rest of today from the state of now (CONTRACT section 7, `ccsim intraday`): the scenario's
 * intervals from `options.now` on, started with the contacts of `options.state` (waiting, with
 * their waits so far; in hand, with the time spent), the volume reforecast from `options.actuals`
 * when given, simulated as `simulate` does (workers, progress, signal). The output is a run output
 * over those intervals plus `reforecast` (factor per type), `carriedIn` and `notes`.
 */
export function intraday(source: ScenarioSource, options: IntradayApiOptions): Promise<IntradayOutput> {
  return intradayWith(typeof source === 'string' ? source : (source as Record<string, unknown>), options, (scenario, run) => simulate(scenario, run));
}
