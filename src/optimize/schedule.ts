/**
 * `ccsim schedule` core: choose how many agents to hire on each shift template and day, and where
 * their breaks go, so every slot's gross requirement is covered at minimum cost (CONTRACT section
 * 5), as an integer program solved by HiGHS (WebAssembly). Environment-agnostic: no `node:*`
 * imports; HiGHS comes from an injectable loader (see `scheduleHighs.ts`).
 *
 * Model (explicit break placement, after Aykin 1996, "Optimal shift scheduling with multiple break
 * windows", Management Science 42(4)). Integer x[t,d] >= 0 for template t started on day d; for
 * each break window w of (t,d) with several possible starts, integer y[t,d,w,p] >= 0 agents taking
 * that break at start p, with sum_p y[t,d,w,p] = x[t,d]; continuous shortfall s[i] >= 0 per slot:
 *
 *   minimise  sum cost[t] x[t,d] + (penalty / slotsPerInterval) sum s[i]
 *   s.t.      sum { x[t,d] : (t,d) is at work in slot i, breaks aside }
 *               - sum { y[t,d,w,p] : that break covers slot i } + s[i] >= required(interval of i)
 *             sum over part-time (t,d) of length x <= maxPartTimeShare x sum over all of length x
 *
 * A requirement holds in every slot of its interval, so a 15-minute break never leaves half an
 * interval short. Because one template's windows cannot overlap, the counts y decompose into agents
 * (the k-th agent takes the k-th start of every window) with no agent's breaks overlapping.
 *
 * Reductions (they do not change the optimum): slots with no requirement get no row; slots no shift
 * can cover get no row and their shortfall is the whole requirement (so a constant penalty does not
 * dilute HiGHS's relative gap); (t,d) pairs covering no demanded slot get no variable unless `min`
 * forces them; x[t,d] <= max requirement it covers (or `max`), s[i] <= requirement. A greedy
 * schedule (`scheduleGreedy.ts`) is HiGHS's first incumbent and the answer if HiGHS runs out of
 * time before accepting any.
 */
import { greedyCounts } from './scheduleGreedy.js';
import { buildScheduleModel } from './scheduleLp.js';
import { defaultLoadHighs, type HighsLoader } from './scheduleHighs.js';
import {
  shiftColumns,
  shortfallPenaltyOf,
  slotsOf,
  validateProblem,
  workedSlots,
  type ScheduleProblem,
  type ShiftColumn,
} from './scheduleModel.js';

export type { BreakWindow, ScheduleProblem, ShiftTemplate } from './scheduleModel.js';
export { validateProblem, workedSlots } from './scheduleModel.js';
export { createHighsLoader, defaultLoadHighs, type Highs, type HighsLoader } from './scheduleHighs.js';

/** Agents of one hire who take their breaks at the same starts. */
export interface BreakGroup {
  /** Agents (> 0). */
  count: number;
  /** Start of each of the template's breaks, slots after the shift start, in the template's order. */
  starts: number[];
}

/** Agents hired on one template, starting on one day. */
export interface ScheduledShift {
  /** Template id. */
  template: string;
  /** Start day index. */
  day: number;
  /** Agents hired (> 0). */
  count: number;
  /** Where their breaks go; only for templates with a break window of several starts. Counts sum to `count`. */
  breakGroups?: BreakGroup[];
}

/** The chosen schedule and how well it covers the requirement. */
export interface ScheduleSolution {
  /** Hires with count > 0, sorted by day, then template order in the problem. */
  shifts: ScheduledShift[];
  /** Total template cost of the hires (shortfall penalty excluded). */
  cost: number;
  /** Gross requirement per interval (a copy of the problem's). */
  required: number[];
  /** Agents at work per interval: the mean over its slots (a share of an interval counts partly). */
  coverage: number[];
  /** max(0, required - coverage) per interval, agents. */
  shortfall: number[];
  /** Agents at work per slot of the horizon (`slotsPerInterval` per interval). */
  slotCoverage: number[];
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

/** The rules of a problem cannot all hold (e.g. `min` counts against the part-time cap). */
export class ScheduleInfeasibleError extends RangeError {
  override readonly name = 'ScheduleInfeasibleError';
}

const defaultTimeLimitSeconds = 60;

/** Per column: the start counts of each window (index = start - earliest), for every window of `windows`. */
export type Placements = number[][][];

/** Rounds away float noise (9.499999999 -> 9.5) in shares of intervals. */
function tidy(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** The hire's agents grouped by break starts: the k-th agent takes the k-th start of every window. */
export function breakGroupsOf(problem: ScheduleProblem, column: ShiftColumn, count: number, placements: number[][]): BreakGroup[] {
  const template = problem.templates[column.template];
  if (template === undefined) return [];
  const startsOf = template.breaks.map((b, j) => {
    const w = column.windows.indexOf(j);
    const counts = w >= 0 ? (placements[w] ?? []) : [];
    const out: number[] = [];
    counts.forEach((n, p) => {
      for (let k = 0; k < n; k += 1) out.push(b.earliest + p);
    });
    while (out.length < count) out.push(b.earliest);
    return out;
  });
  const groups: BreakGroup[] = [];
  for (let k = 0; k < count; k += 1) {
    const starts = startsOf.map((list) => list[k] ?? 0);
    const last = groups[groups.length - 1];
    if (last !== undefined && last.starts.every((s, j) => s === starts[j])) last.count += 1;
    else groups.push({ count: 1, starts });
  }
  return groups;
}

/** The solution record for per-column counts and break placements (recomputing coverage, shortfall and cost). */
export function solutionOf(
  problem: ScheduleProblem,
  columns: ShiftColumn[],
  counts: number[],
  placements: Placements,
  rest: Pick<ScheduleSolution, 'solveMs' | 'mipGap' | 'status'>,
): ScheduleSolution {
  const slots = slotsOf(problem);
  const slotCoverage = new Array<number>(problem.required.length * slots).fill(0);
  const shifts: (ScheduledShift & { order: number })[] = [];
  let cost = 0;
  columns.forEach((c, j) => {
    const count = counts[j] ?? 0;
    const template = problem.templates[c.template];
    if (count <= 0 || template === undefined) return;
    cost += count * template.cost;
    const groups = breakGroupsOf(problem, c, count, placements[j] ?? []);
    for (const g of groups) for (const s of workedSlots(problem, template, c.day, g.starts)) slotCoverage[s] = (slotCoverage[s] ?? 0) + g.count;
    shifts.push({ template: template.id, day: c.day, count, order: c.template, ...(c.windows.length > 0 ? { breakGroups: groups } : {}) });
  });
  shifts.sort((a, b) => a.day - b.day || a.order - b.order);
  const coverage = problem.required.map((_, i) => {
    let sum = 0;
    for (let s = i * slots; s < (i + 1) * slots; s += 1) sum += slotCoverage[s] ?? 0;
    return tidy(sum / slots);
  });
  return {
    shifts: shifts.map(({ order: _order, ...shift }) => shift),
    cost,
    required: [...problem.required],
    coverage,
    shortfall: problem.required.map((r, i) => tidy(Math.max(0, r - (coverage[i] ?? 0)))),
    slotCoverage,
    ...rest,
  };
}

export function infoNumber(read: () => number | bigint): number | undefined {
  try {
    const value = Number(read());
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** HiGHS's mip_gap, else (primal - dual bound) / |primal| from its info, else null. */
export function mipGapOf(info: { get(name: string): number | bigint }): number | null {
  const gap = infoNumber(() => info.get('mip_gap'));
  if (gap !== undefined && gap >= 0) return gap;
  const primal = infoNumber(() => info.get('objective_function_value'));
  const dual = infoNumber(() => info.get('mip_dual_bound'));
  if (primal === undefined || dual === undefined) return null;
  if (primal === 0) return dual >= 0 ? 0 : null;
  return Math.max(0, (primal - dual) / Math.abs(primal));
}

/** Every window's starts all at the earliest (the greedy's placement). */
function earliestPlacements(problem: ScheduleProblem, columns: ShiftColumn[], counts: number[]): Placements {
  return columns.map((c, j) => c.windows.map((w) => {
    const b = problem.templates[c.template]?.breaks[w];
    const out = new Array<number>(b === undefined ? 0 : b.latest - b.earliest + 1).fill(0);
    out[0] = counts[j] ?? 0;
    return out;
  }));
}

/**
 * Solves the scheduling integer program. Validates `problem` first (RangeError naming the field).
 * An interval no shift can cover (or one left uncovered because `shortfallPenalty` is cheaper
 * than hiring) is reported in `shortfall`, never as an error. Throws a
 * {@link ScheduleInfeasibleError} when the rules (`min`, `max`, `maxPartTimeShare`) contradict
 * each other, and otherwise only for malformed input or a HiGHS failure.
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
    return solutionOf(problem, columns, [], [], { solveMs: 0, mipGap: 0, status: 'optimal' });
  }
  const highs = await (options.loadHighs ?? defaultLoadHighs)();
  const started = performance.now();
  const built = buildScheduleModel(highs, problem, columns);
  const greedy = greedyCounts(problem, columns, shortfallPenaltyOf(problem));
  const model = highs.createModel(built.data);
  try {
    model.options.set({ output_flag: false, time_limit: timeLimit });
    if (mipRelGap !== undefined) model.options.set('mip_rel_gap', mipRelGap);
    const greedyPlacements = earliestPlacements(problem, columns, greedy);
    const greedyCoverage = solutionOf(problem, columns, greedy, greedyPlacements, { solveMs: 0, mipGap: null, status: 'feasible' }).slotCoverage;
    const slack = built.rowSlots.map((s, r) => Math.max(0, (built.rowRequired[r] ?? 0) - (greedyCoverage[s] ?? 0)));
    model.setSolution({ colValue: [...greedy, ...greedyPlacements.flat(2), ...slack] });
    model.run();
    const code = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (code === codes.infeasible || code === codes.unboundedOrInfeasible) {
      throw new ScheduleInfeasibleError(
        'templates: the rules cannot all hold: the templates\' "min" counts, "max" counts and maxPartTimeShare contradict each other',
      );
    }
    const hasSolution = infoNumber(() => model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const status = code === codes.optimal ? 'optimal' : code === codes.timeLimit ? 'time-limit' : 'feasible';
    if (!hasSolution) {
      if (code !== codes.timeLimit) throw new Error(`HiGHS found no schedule (model status ${code}, ${built.data.numRows} rows)`);
      // Out of time before HiGHS accepted any incumbent: fall back to the greedy start.
      return solutionOf(problem, columns, greedy, greedyPlacements, { solveMs: performance.now() - started, mipGap: null, status });
    }
    const values = model.getSolution().colValue;
    const value = (k: number) => Math.max(0, Math.round(values[k] ?? 0));
    const counts = columns.map((_, j) => value(j));
    const placements = built.placementColumns.map((windows) => windows.map((first) => first.map((k) => value(k))));
    const mipGap = code === codes.optimal ? Math.max(0, mipGapOf(model.info) ?? 0) : mipGapOf(model.info);
    return solutionOf(problem, columns, counts, placements, { solveMs: performance.now() - started, mipGap, status });
  } finally {
    model.dispose();
  }
}

export {
  grossRequirement,
  templatesFromScenario,
  type ScenarioShiftBreak,
  type ScenarioShiftTemplate,
  type TemplateContext,
} from './scheduleTemplates.js';
