/**
 * `ccsim schedule` core: choose how many agents to hire on each shift template and day so every
 * interval's gross requirement is covered at minimum cost (CONTRACT section 5), as an integer
 * program solved by HiGHS (WebAssembly). Environment-agnostic: no `node:*` imports; HiGHS comes
 * from an injectable loader (see `scheduleHighs.ts`).
 *
 * Model. Integer x[t,d] >= 0 for template t started on day d (d in t.days, inside the horizon);
 * continuous shortfall s[i] >= 0 per interval:
 *
 *   minimise  sum cost[t] x[t,d] + penalty sum s[i]
 *   s.t.      sum { x[t,d] : (t,d) works all of interval i } + s[i] >= required[i]   for each i
 *
 * Reductions (they do not change the optimum): intervals with no requirement get no row;
 * intervals no shift can cover get no row and their shortfall is the whole requirement (so a
 * constant penalty does not dilute HiGHS's relative gap); (t,d) pairs covering no demanded
 * interval get no variable; x[t,d] <= max requirement it covers, s[i] <= required[i].
 * A greedy schedule (`scheduleGreedy.ts`) is HiGHS's first incumbent and the answer if HiGHS
 * runs out of time before accepting any.
 */
import type { Highs } from 'highs';
import { greedyCounts } from './scheduleGreedy.js';
import { defaultLoadHighs, type HighsLoader } from './scheduleHighs.js';
import {
  coveredIntervals,
  shiftColumns,
  shortfallPenaltyOf,
  validateProblem,
  type ScheduleProblem,
  type ShiftColumn,
} from './scheduleModel.js';

export type { ScheduleProblem, ShiftBreak, ShiftTemplate } from './scheduleModel.js';
export { coveredIntervals, validateProblem } from './scheduleModel.js';
export { createHighsLoader, defaultLoadHighs, type Highs, type HighsLoader } from './scheduleHighs.js';

/** Agents hired on one template, starting on one day. */
export interface ScheduledShift {
  /** Template id. */
  template: string;
  /** Start day index. */
  day: number;
  /** Agents hired (> 0). */
  count: number;
}

/** The chosen schedule and how well it covers the requirement. */
export interface ScheduleSolution {
  /** Hires with count > 0, sorted by day, then template order in the problem. */
  shifts: ScheduledShift[];
  /** Total template cost of the hires (shortfall penalty excluded). */
  cost: number;
  /** Gross requirement per interval (a copy of the problem's). */
  required: number[];
  /** Agents working all of each interval under this schedule. */
  coverage: number[];
  /** max(0, required - coverage) per interval, agents. */
  shortfall: number[];
  /** Wall-clock milliseconds to build and solve the model (HiGHS loading excluded). */
  solveMs: number;
  /**
   * Relative MIP gap as a fraction (0.01 = 1%): (incumbent - dual bound) / |incumbent| of the
   * objective HiGHS minimised (cost plus penalised coverable shortfall); 0 when proved optimal
   * without a solver call; null when HiGHS gives no bound.
   */
  mipGap: number | null;
  /** 'optimal' (within HiGHS's gap tolerance), 'time-limit' (best found when time ran out), or 'feasible' (stopped otherwise with a solution). */
  status: 'optimal' | 'time-limit' | 'feasible';
}

/** Solver options. */
export interface ScheduleOptions {
  /** Wall-clock limit for HiGHS, seconds (default 60). On expiry the best schedule found is returned. */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS stops as optimal (default HiGHS's 1e-4). */
  mipRelGap?: number;
  /** Loads the HiGHS runtime (default: `defaultLoadHighs`, which works in Node). */
  loadHighs?: HighsLoader;
}

const defaultTimeLimitSeconds = 60;

/** Coverage per interval of the given per-column counts. */
function coverageOf(problem: ScheduleProblem, columns: ShiftColumn[], counts: number[]): number[] {
  const coverage = new Array<number>(problem.required.length).fill(0);
  columns.forEach((c, j) => {
    const n = counts[j] ?? 0;
    if (n > 0) for (const i of c.covers) coverage[i] = (coverage[i] ?? 0) + n;
  });
  return coverage;
}

/** The solution record for per-column counts (recomputing coverage, shortfall and cost). */
function solutionOf(
  problem: ScheduleProblem,
  columns: ShiftColumn[],
  counts: number[],
  rest: Pick<ScheduleSolution, 'solveMs' | 'mipGap' | 'status'>,
): ScheduleSolution {
  const coverage = coverageOf(problem, columns, counts);
  const shifts: (ScheduledShift & { order: number })[] = [];
  let cost = 0;
  columns.forEach((c, j) => {
    const count = counts[j] ?? 0;
    const template = problem.templates[c.template];
    if (count <= 0 || template === undefined) return;
    cost += count * template.cost;
    shifts.push({ template: template.id, day: c.day, count, order: c.template });
  });
  shifts.sort((a, b) => a.day - b.day || a.order - b.order);
  return {
    shifts: shifts.map(({ template, day, count }) => ({ template, day, count })),
    cost,
    required: [...problem.required],
    coverage,
    shortfall: problem.required.map((r, i) => Math.max(0, r - (coverage[i] ?? 0))),
    ...rest,
  };
}

function infoNumber(read: () => number | bigint): number | undefined {
  try {
    const value = Number(read());
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** HiGHS's mip_gap, else (primal - dual bound) / |primal| from its info, else null. */
function mipGapOf(info: { get(name: string): number | bigint }): number | null {
  const gap = infoNumber(() => info.get('mip_gap'));
  if (gap !== undefined && gap >= 0) return gap;
  const primal = infoNumber(() => info.get('objective_function_value'));
  const dual = infoNumber(() => info.get('mip_dual_bound'));
  if (primal === undefined || dual === undefined) return null;
  if (primal === 0) return dual >= 0 ? 0 : null;
  return Math.max(0, (primal - dual) / Math.abs(primal));
}

/**
 * Solves the scheduling integer program. Validates `problem` first (RangeError naming the field).
 * An interval no shift can cover (or one left uncovered because `shortfallPenalty` is cheaper
 * than hiring) is reported in `shortfall`, never as an error. Throws only for malformed input or
 * a HiGHS failure (load error, solver error).
 */
export async function solveSchedule(problem: ScheduleProblem, options: ScheduleOptions = {}): Promise<ScheduleSolution> {
  validateProblem(problem);
  const timeLimit = options.timeLimitSeconds ?? defaultTimeLimitSeconds;
  if (!(timeLimit > 0)) throw new RangeError(`timeLimitSeconds: must be > 0, got ${String(timeLimit)}`);
  const mipRelGap = options.mipRelGap;
  if (mipRelGap !== undefined && !(mipRelGap >= 0 && mipRelGap < 1)) {
    throw new RangeError(`mipRelGap: must be in [0, 1), got ${String(mipRelGap)}`);
  }
  const columns = shiftColumns(problem);
  if (columns.length === 0) {
    // Nothing to decide: no requirement, or nothing can cover it. Skip loading HiGHS.
    return solutionOf(problem, columns, [], { solveMs: 0, mipGap: 0, status: 'optimal' });
  }
  const highs = await (options.loadHighs ?? defaultLoadHighs)();
  const started = performance.now();
  const { data, rowCount, rowIntervals } = buildScheduleModel(highs, problem, columns);
  const greedy = greedyCounts(problem, columns, shortfallPenaltyOf(problem));
  const model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false, time_limit: timeLimit });
    if (mipRelGap !== undefined) model.options.set('mip_rel_gap', mipRelGap);
    const greedyCoverage = coverageOf(problem, columns, greedy);
    const slack = rowIntervals.map((i) => Math.max(0, (problem.required[i] ?? 0) - (greedyCoverage[i] ?? 0)));
    model.setSolution({ colValue: [...greedy, ...slack] });
    model.run();
    const code = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const hasSolution = infoNumber(() => model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const status = code === codes.optimal ? 'optimal' : code === codes.timeLimit ? 'time-limit' : 'feasible';
    if (!hasSolution) {
      if (code !== codes.timeLimit) throw new Error(`HiGHS found no schedule (model status ${code}, ${rowCount} rows)`);
      // Out of time before HiGHS accepted any incumbent: fall back to the greedy start.
      return solutionOf(problem, columns, greedy, { solveMs: performance.now() - started, mipGap: null, status });
    }
    const values = model.getSolution().colValue;
    const counts = columns.map((_, j) => Math.max(0, Math.round(values[j] ?? 0)));
    const mipGap = code === codes.optimal ? Math.max(0, mipGapOf(model.info) ?? 0) : mipGapOf(model.info);
    return solutionOf(problem, columns, counts, { solveMs: performance.now() - started, mipGap, status });
  } finally {
    model.dispose();
  }
}

/**
 * The HiGHS model data (column-wise): shift columns first, then one shortfall column per row;
 * `rowIntervals[r]` is the interval of row r.
 */
function buildScheduleModel(highs: Highs, problem: ScheduleProblem, columns: ShiftColumn[]) {
  const { required } = problem;
  const coverable = new Array<boolean>(required.length).fill(false);
  for (const c of columns) for (const i of c.covers) coverable[i] = true;
  const rowOf = new Array<number>(required.length).fill(-1);
  const rowLower: number[] = [];
  const rowIntervals: number[] = [];
  required.forEach((r, i) => {
    if (r > 0 && coverable[i] === true) {
      rowOf[i] = rowLower.length;
      rowLower.push(r);
      rowIntervals.push(i);
    }
  });
  const rowCount = rowLower.length;
  const penalty = shortfallPenaltyOf(problem);
  const colCost: number[] = [];
  const colUpper: number[] = [];
  const integrality: (0 | 1)[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  for (const c of columns) {
    colCost.push(problem.templates[c.template]?.cost ?? 0);
    colUpper.push(c.upper);
    integrality.push(1);
    for (const i of c.covers) {
      const row = rowOf[i] ?? -1;
      if (row >= 0) indices.push(row);
    }
    starts.push(indices.length);
  }
  for (let row = 0; row < rowCount; row += 1) {
    colCost.push(penalty);
    colUpper.push(rowLower[row] ?? 0);
    integrality.push(0);
    indices.push(row);
    starts.push(indices.length);
  }
  const numCols = colCost.length;
  const data = {
    numCols,
    numRows: rowCount,
    colCost,
    colLower: new Array<number>(numCols).fill(0),
    colUpper,
    rowLower,
    rowUpper: new Array<number>(rowCount).fill(highs.infinity),
    matrix: { format: 'csc' as const, numRows: rowCount, numCols, starts, indices, values: new Array<number>(indices.length).fill(1) },
    integrality,
  };
  return { data, rowCount, rowIntervals };
}

/** Intervals covered by one agent on `template` (by id) started on `day`; for reports and checks. */
export function shiftCoverage(problem: ScheduleProblem, templateId: string, day: number): number[] {
  const template = problem.templates.find((t) => t.id === templateId);
  if (template === undefined) throw new RangeError(`template: unknown id ${JSON.stringify(templateId)}`);
  return coveredIntervals(problem, template, day);
}
export {
  grossRequirement,
  templatesFromScenario,
  type ScenarioShiftBreak,
  type ScenarioShiftTemplate,
  type TemplateContext,
} from './scheduleTemplates.js';
