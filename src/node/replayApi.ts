import { RUN_DEFAULTS } from '../experiment/runDefaults.js';
import { checkRunSize } from '../experiment/runSize.js';
import { dayNumber } from '../history/calendar.js';
import { parseColumnMap } from '../history/columns.js';
import { runReplay, type ReplayOutput } from '../history/replay.js';
import { planReplay, ReplayInputError } from '../history/replayPlan.js';
import type { ColumnMap, IntervalHistory, StaffHistory } from '../history/types.js';
import { parseScenario, type Scenario } from '../scenario/index.js';
import { readIntervalHistoryFile, readStaffHistoryFile } from './historyFiles.js';
import { InputError } from './inputError.js';
import { loadScenarioFile } from './loadScenarioFile.js';
import { resolveRun, withPool, type RunOptions } from './runPool.js';

/**
 * Options of `replay`; the run options as for `simulate` (seed: date `day` runs replications
 * day x R .. day x R + R - 1; progress counts replications over all dates).
 */
export interface ReplayApiOptions extends RunOptions {
  /** The interval history: a CSV file path (CONTRACT section 6) or a table already read. */
  readonly history: string | IntervalHistory;
  /** The staff history: a CSV file path or a table already read. */
  readonly staff: string | StaffHistory;
  /** First date to replay, `YYYY-MM-DD` (default: the history's first date). */
  readonly from?: string;
  /** Last date to replay, `YYYY-MM-DD` (default: the history's last date). */
  readonly to?: string;
  /** Header map for both files (`{ offered: "Calls Offered" }` or the `--columns` text). */
  readonly columns?: ColumnMap | string;
  /** Header map for the staff file only, when its export differs (default: `columns`). */
  readonly staffColumns?: ColumnMap | string;
  /** Replications per date (default 100, RUN_DEFAULTS.replayReplications: a band of percentiles needs many). */
  readonly replications?: number;
}

/**
 * Replay past dates (CONTRACT section 6, `ccsim replay`): each open date of the range simulated
 * with its recorded offered counts as exact arrivals and its recorded staff, and every interval's
 * recorded service level, ASA and abandonment rate set beside the simulated mean and the 90% band
 * of one simulated day; coverage, bias and MAE per contact type. See docs/replay.md.
 * @throws InputError for files or dates that cannot be replayed (the message names the file,
 *   line and column, or the date or option); RunTooLargeError above the limits unless `force`
 */
export async function replay(source: string | Scenario | Record<string, unknown>, options: ReplayApiOptions): Promise<ReplayOutput> {
  const scenario = typeof source === 'string' ? await loadScenarioFile(source) : parseScenario(source);
  const run = resolveRun(options, RUN_DEFAULTS.replayReplications);
  const { replications } = run;
  if (!Number.isInteger(replications) || replications < 1) throw new InputError(`replications: must be an integer >= 1, got ${replications}`);
  const range = { ...dateOption('from', options.from), ...dateOption('to', options.to) };
  const columns = columnMap('columns', options.columns);
  const staffColumns = options.staffColumns === undefined ? columns : columnMap('staffColumns', options.staffColumns);
  const fileOptions = (map: ColumnMap | undefined) => ({ intervalMinutes: scenario.intervalMinutes, columns: map });
  const history = typeof options.history === 'string' ? await readIntervalHistoryFile(options.history, fileOptions(columns)) : options.history;
  const staff = typeof options.staff === 'string' ? await readStaffHistoryFile(options.staff, fileOptions(staffColumns)) : options.staff;
  let plan;
  try {
    plan = planReplay(scenario, history, staff, {
      fromDay: range.from,
      toDay: range.to,
    });
  } catch (error) {
    if (error instanceof ReplayInputError) throw new InputError(error.message);
    throw error;
  }
  checkRunSize(plan.dates.map((d) => ({ scenario: d.scenario, replications })), run.force);
  return withPool(run, (pool) => runReplay(plan, pool, { replications, seed: run.seed, onProgress: run.onProgress }));
}

export function dateOption(name: 'from' | 'to', text: string | undefined): { from?: number; to?: number } {
  if (text === undefined) return {};
  const day = dayNumber(text);
  if (day === undefined) throw new InputError(`${name}: must be a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return { [name]: day };
}

export function columnMap(name: string, map: ColumnMap | string | undefined): ColumnMap | undefined {
  if (typeof map !== 'string') return map;
  try {
    return parseColumnMap(map);
  } catch (error) {
    throw new InputError(`${name}: ${(error as Error).message.replace(/^--columns: /, '')}`);
  }
}
