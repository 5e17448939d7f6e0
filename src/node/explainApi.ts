import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { checkRunSize } from '../experiment/runSize.js';
import { dayNumber } from '../history/calendar.js';
import { planReplay, ReplayInputError } from '../history/replayPlan.js';
import type { ColumnMap, IntervalHistory, StaffHistory } from '../history/types.js';
import { explainInterval, explainIntervalIndex, type ExplainOutput } from '../optimize/explain.js';
import { parseScenario, type Scenario } from '../scenario/index.js';
import { perInterval } from '../scenario/values.js';
import { readIntervalHistoryFile, readStaffHistoryFile } from './historyFiles.js';
import { InputError } from './inputError.js';
import { loadScenarioFile } from './loadScenarioFile.js';
import { columnMap } from './replayApi.js';
import { resolveRun, withPool, type RunOptions } from './runPool.js';

export interface ExplainApiOptions extends RunOptions {
  /** The interval: "HH:MM" (the interval that contains it). */
  readonly interval: string;
  /** Day of the horizon, 0 = the first (needed when the scenario covers several days). */
  readonly day?: number;
  /** The contact type; default the one furthest below its target in the interval. */
  readonly type?: string;
  /**
   * A replayed date (CONTRACT section 6): with `history`, `staff` and `date`, the day explained is
   * that date as `replay` simulates it (recorded offered counts as exact arrivals, recorded staff),
   * and the `volume` cause compares its volumes with the scenario's (the forecast).
   */
  readonly history?: string | IntervalHistory;
  readonly staff?: string | StaffHistory;
  /** `YYYY-MM-DD`: the date to explain (with `history` and `staff`). */
  readonly date?: string;
  /** Header map for both files, as for `replay`. */
  readonly columns?: ColumnMap | string;
  readonly staffColumns?: ColumnMap | string;
}

/**
 * Why an interval misses (CONTRACT section 11, `ccsim explain`; docs/explain.md): the interval's
 * service-level shortfall split into causes by paired counterfactual runs on a worker pool
 * (default 50 replications). Bad input (an interval outside the horizon, an unknown type, a date
 * the files do not cover) throws ExplainInputError or InputError.
 */
export async function explain(source: string | Scenario | Record<string, unknown>, options: ExplainApiOptions): Promise<ExplainOutput> {
  const given = typeof source === 'string' ? await loadScenarioFile(source) : parseScenario(source);
  const replayed = await replayedDate(given, options);
  const scenario = replayed?.scenario ?? given;
  const interval = explainIntervalIndex(scenario, options.interval, options.day);
  const run = resolveRun(options, RUN_DEFAULTS.explainReplications);
  // A baseline and up to five counterfactual runs (the bot wave's counts twice).
  checkRunSize([{ scenario, replications: run.replications * 6 }], run.force);
  const out = await withPool(run, (pool) =>
    explainInterval(scenario, pool, {
      interval,
      replications: run.replications,
      seed: run.seed,
      ...(options.type === undefined ? {} : { type: options.type }),
      ...(run.onProgress === undefined ? {} : { onProgress: run.onProgress }),
      ...(replayed === null ? {} : { forecastVolume: given.contactTypes.map((t) => perInterval(t.volume, given.intervals)) }),
    }),
  );
  return replayed === null ? out : { ...out, date: replayed.date };
}

/** The date's replay scenario, or null without history files. */
async function replayedDate(scenario: Scenario, options: ExplainApiOptions): Promise<{ scenario: Scenario; date: string } | null> {
  const given = [options.history, options.staff, options.date].filter((x) => x !== undefined).length;
  if (given === 0) return null;
  if (given < 3) throw new InputError('history, staff and date: give all three to explain a replayed date (or none)');
  const day = dayNumber(options.date!);
  if (day === undefined) throw new InputError(`date: must be a date YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
  const columns = columnMap('columns', options.columns);
  const staffColumns = options.staffColumns === undefined ? columns : columnMap('staffColumns', options.staffColumns);
  const fileOptions = (map: ColumnMap | undefined) => ({ intervalMinutes: scenario.intervalMinutes, columns: map });
  const history = typeof options.history === 'string' ? await readIntervalHistoryFile(options.history, fileOptions(columns)) : options.history!;
  const staff = typeof options.staff === 'string' ? await readStaffHistoryFile(options.staff, fileOptions(staffColumns)) : options.staff!;
  try {
    const plan = planReplay(scenario, history, staff, { fromDay: day, toDay: day });
    const date = plan.dates[0];
    if (date === undefined) throw new InputError(`date: ${options.date} cannot be replayed (${plan.skipped[0]?.reason ?? 'no rows in the files'})`);
    return { scenario: date.scenario, date: date.date };
  } catch (error) {
    if (error instanceof ReplayInputError) throw new InputError(`date ${options.date}: ${error.message}`);
    throw error;
  }
}
