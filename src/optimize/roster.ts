/**
 * `ccsim roster` core (CONTRACT section 10): give shifts to named agents so a group's requirement
 * is covered at minimum cost, within each agent's rules, as one integer program solved by HiGHS.
 * Environment-agnostic (no `node:*`).
 *
 * Model. The scheduling model of `schedule.ts` (coverage per slot, break windows as explicit
 * placement counts, shortfall), with the hire variables split by person: binary z[a,t,d] = agent a
 * works template t on day d, only where t is the group's, d is one of t's days and the shift lies
 * inside a's availability. Per agent: at most one shift a day; in each 7-day block of the horizon
 * (a shorter last block keeps only what its unseen days cannot make up), paid minutes within minutesPerWeek
 * and at most (days - daysOff) shifts, with a pair of adjacent days off when asked (binary
 * o[a,d] <= 1 - sum_t z[a,t,d], <= 1 - sum_t z[a,t,d+1], sum_d o[a,d] >= 1); at most
 * maxWeekendsPerMonth worked weekends in each 4 weeks (binary w[a,k] >= sum_t z[a,t,d] for each
 * weekend day d of week k). Template min/max bound sum_a z[a,t,d]. Preferences add soft costs
 * to z. Breaks: the placement counts of (t,d) decompose into the agents on it in agent order.
 */
import { breakGroupsOf, infoNumber, mipGapOf, solutionOf, type BreakGroup, type ScheduleSolution } from './schedule.js';
import { defaultLoadHighs, type HighsLoader } from './scheduleHighs.js';
import { buildScheduleModel, type HireColumn, type ModelExtras } from './scheduleLp.js';
import { shiftColumns, slotsOf, validateProblem, workedSlots, type ScheduleProblem, type ShiftColumn } from './scheduleModel.js';
import { weekBlocks, weekPatterns, type PatternRules, type WeekBlock, type WeekPattern } from './rosterPatterns.js';

/** One person, in the units of the problem (slots, day indexes). */
export interface RosterAgent extends PatternRules {
  id: string;
  /**
   * People with equal keys have the same rules, availability and wishes (the roster treats them
   * as one class); default: a class of one.
   */
  classKey?: string;
  /** May they work template t (index) starting on day d? (availability, group) */
  allowed: (template: number, day: number) => boolean;
  /** Worked weekends in every 4 weeks, at most (only with 28 days or more). */
  maxWeekendsPerMonth?: number;
  /** Soft cost of giving them template t on day d (preferences), >= 0. */
  wishCost?: (template: number, day: number) => number;
}

/** A rostering problem for one agent group. */
export interface RosterProblem {
  /** Requirement, templates and rules, as for `solveSchedule`. */
  schedule: ScheduleProblem;
  agents: RosterAgent[];
  /** Day indexes (day % 7) of a weekend (default [5, 6]). */
  weekendDays?: number[];
  /** Slots from the end of a person's shift to the start of their next, at least (default 0: no overlap). */
  minRestSlots?: number;
}

/** One agent's shift. */
export interface RosterShift {
  /** Index into `problem.agents`. */
  agent: number;
  /** Index into `schedule.templates`. */
  template: number;
  day: number;
  /** Start of each of the template's breaks, slots after the shift start. */
  breakStarts: number[];
}

/** The roster and how well it covers the requirement. */
export interface RosterSolution {
  /** By agent, then day. */
  shifts: RosterShift[];
  /** Template cost of the shifts (preferences and shortfall excluded). */
  cost: number;
  /** Soft cost of the shifts against preferences. */
  wishCost: number;
  /** Coverage of the roster, as `solveSchedule` reports it. */
  coverage: Pick<ScheduleSolution, 'required' | 'coverage' | 'shortfall' | 'slotCoverage'>;
  solveMs: number;
  mipGap: number | null;
  status: 'optimal' | 'time-limit' | 'feasible';
  /** What HiGHS minimised: cost, wishes and penalised shortfall. */
  objective: number | null;
  /** The LP relaxation's optimum, a lower bound of `objective` (absent if the LP ran out of time). */
  lpBound?: number;
}

/** Options of {@link solveRoster}. */
export interface RosterOptions {
  /** Wall-clock limit for HiGHS, seconds (default 60). */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS stops (default 0.01). */
  mipRelGap?: number;
  loadHighs?: HighsLoader;
}

/** The rules cannot all hold; `rule` says which (`agent` when one person's rules contradict). */
export class RosterInfeasibleError extends RangeError {
  override readonly name = 'RosterInfeasibleError';
  constructor(message: string, readonly agent: number | null, readonly rule: string) {
    super(message);
  }
}

/** Default relative gap of a roster solve. */
export const DEFAULT_ROSTER_GAP = 0.01;

/** People with the same rules: the first one's rules stand for all. */
interface RosterClass {
  agents: number[];
  rules: RosterAgent;
  /** Per shift column: may the class work it? */
  allowed: boolean[];
  /** Per block: its patterns. */
  patterns: WeekPattern[][];
}

/** Which of a class's rules to leave out (to find the one that blocks). */
type Relaxed = 'minutesPerWeek' | 'availability' | 'daysOff' | 'consecutiveDaysOff' | null;

/** Per day of the block, the shift lengths (slots) the class may work, ascending. */
function lengthsByDay(problem: RosterProblem, columns: readonly ShiftColumn[], allowed: readonly boolean[], block: WeekBlock): number[][] {
  const byDay = Array.from({ length: block.days }, () => new Set<number>());
  columns.forEach((c, j) => {
    const t = problem.schedule.templates[c.template];
    if (t !== undefined && allowed[j] === true && c.day >= block.from && c.day < block.from + block.days) byDay[c.day - block.from]?.add(t.length);
  });
  return byDay.map((set) => [...set].sort((a, b) => a - b));
}

function classPatterns(problem: RosterProblem, columns: readonly ShiftColumn[], rules: RosterAgent, allowed: readonly boolean[], relaxed: Relaxed): WeekPattern[][] {
  const { schedule } = problem;
  const wrap = schedule.cyclic === true && schedule.days === 7;
  const loose: PatternRules = {
    slotsPerWeek: relaxed === 'minutesPerWeek' ? [0, Number.MAX_SAFE_INTEGER] : rules.slotsPerWeek,
    daysOff: relaxed === 'daysOff' ? 0 : rules.daysOff,
    consecutiveDaysOff: relaxed === 'consecutiveDaysOff' ? false : rules.consecutiveDaysOff,
  };
  return weekBlocks(schedule.days).map((b) => weekPatterns(loose, b, lengthsByDay(problem, columns, allowed, b), wrap));
}

/** People grouped by class key, in order of their first member; each class's allowed columns and patterns. */
function rosterClasses(problem: RosterProblem, columns: readonly ShiftColumn[]): RosterClass[] {
  const byKey = new Map<string, RosterClass>();
  problem.agents.forEach((agent, a) => {
    const key = agent.classKey ?? `#${a}`;
    const known = byKey.get(key);
    if (known !== undefined) {
      known.agents.push(a);
      return;
    }
    const allowed = columns.map((c) => agent.allowed(c.template, c.day));
    byKey.set(key, { agents: [a], rules: agent, allowed, patterns: classPatterns(problem, columns, agent, allowed, null) });
  });
  return [...byKey.values()];
}

/** A class with no pattern in some block: the first rule whose removal gives one, named on its first agent. */
function blockedClass(problem: RosterProblem, columns: readonly ShiftColumn[], classes: readonly RosterClass[]): RosterInfeasibleError | null {
  for (const c of classes) {
    if (c.patterns.every((list) => list.length > 0)) continue;
    const rules: Exclude<Relaxed, null>[] = ['minutesPerWeek', 'availability', 'daysOff', 'consecutiveDaysOff'];
    const all = columns.map(() => true);
    const blocking = rules.filter((r) => classPatterns(problem, columns, c.rules, r === 'availability' ? all : c.allowed, r).every((list) => list.length > 0));
    const week = c.patterns.findIndex((list) => list.length === 0);
    const days = `days ${7 * week}-${Math.min(problem.schedule.days, 7 * week + 7) - 1}`;
    const [first] = blocking;
    const agent = c.agents[0] ?? 0;
    if (first === undefined) return new RosterInfeasibleError(`no week of shifts keeps all their rules in ${days}`, agent, 'rules');
    return new RosterInfeasibleError(blocking.length === 1
      ? `${first} cannot hold together with their other rules in ${days} (without it a roster exists)`
      : `${blocking.join(', ')} cannot all hold together in ${days} (without any one of them a roster exists)`, agent, first);
  }
  return null;
}

/** The class-level model: hire variables per (class, column), pattern variables, and their rows. */
function rosterExtras(problem: RosterProblem, columns: readonly ShiftColumn[], classes: readonly RosterClass[]) {
  const { schedule } = problem;
  const hires: HireColumn[] = [];
  const hireOf: { cls: number; column: number }[] = [];
  const rows: { lower: number; upper: number }[] = [];
  const variables: Required<ModelExtras>['variables'] = [];
  const patternOf: { cls: number; block: number; pattern: number }[] = [];
  const row = (lower: number, upper: number) => rows.push({ lower, upper }) - 1;
  const blocks = weekBlocks(schedule.days);
  const weekend = new Set(problem.weekendDays ?? [5, 6]);
  const templateRow = columns.map((c) => {
    const t = schedule.templates[c.template];
    return t?.min !== undefined || t?.max !== undefined ? row(t?.min ?? 0, t?.max ?? Infinity) : -1;
  });
  classes.forEach((c, k) => {
    const n = c.agents.length;
    // Link rows: per day and shift length, the class's hires equal its patterns working that day with that length.
    const link = new Map<string, number>();
    const linkRow = (day: number, length: number) => {
      const key = `${day}|${length}`;
      let r = link.get(key);
      if (r === undefined) {
        r = row(0, 0);
        link.set(key, r);
      }
      return r;
    };
    const classHires: number[] = [];
    columns.forEach((col, j) => {
      const t = schedule.templates[col.template];
      if (t === undefined || c.allowed[j] !== true) return;
      const entries: [number, number][] = [[linkRow(col.day, t.length), 1]];
      if ((templateRow[j] ?? -1) >= 0) entries.push([templateRow[j] ?? -1, 1]);
      classHires.push(hires.length);
      hireOf.push({ cls: k, column: j });
      hires.push({ column: j, cost: t.cost + (c.rules.wishCost?.(col.template, col.day) ?? 0), lower: 0, upper: n, entries });
    });
    const weekendVars: number[][] = blocks.map(() => []);
    const firstPatternOf: number[] = [];
    blocks.forEach((b, q) => {
      firstPatternOf[q] = variables.length;
      const everyone = row(n, n);
      (c.patterns[q] ?? []).forEach((p, i) => {
        const entries: [number, number][] = [[everyone, 1]];
        let weekendWork = false;
        p.forEach((length, d) => {
          if (length === 0) return;
          entries.push([linkRow(b.from + d, length), -1]);
          if (weekend.has((b.from + d) % 7)) weekendWork = true;
        });
        if (weekendWork) weekendVars[q]?.push(variables.length);
        patternOf.push({ cls: k, block: q, pattern: i });
        variables.push({ cost: 0, lower: 0, upper: n, entries });
      });
    });
    // Rest between days: for each cut s, the class's shifts of length l1 on day d that end later
    // than s - rest and those of length l2 on day d + 1 that start by s pairwise clash, so together
    // they need that many different people working l1 on d or l2 on d + 1 (Hall's condition).
    const rest = problem.minRestSlots ?? 0;
    const perDay = schedule.intervalsPerDay * slotsOf(schedule);
    const wrapDays = schedule.cyclic === true && schedule.days === 7;
    for (let d = 0; d < schedule.days; d += 1) {
      const next = d + 1 < schedule.days ? d + 1 : wrapDays ? 0 : -1;
      const q = Math.floor(d / 7);
      if (next < 0 || Math.floor(next / 7) !== q) continue;
      const late: { end: number; length: number; hire: number }[] = [];
      const early: { start: number; length: number; hire: number }[] = [];
      for (const i of classHires) {
        const col = columns[hireOf[i]?.column ?? -1];
        const t = schedule.templates[col?.template ?? -1];
        if (col === undefined || t === undefined) continue;
        if (col.day === d) late.push({ end: t.start + t.length - perDay + rest, length: t.length, hire: i });
        if (col.day === next) early.push({ start: t.start, length: t.length, hire: i });
      }
      const cuts = [...new Set(early.map((e) => e.start))].sort((x, y) => x - y);
      const b = blocks[q];
      const firstPattern = firstPatternOf[q] ?? 0;
      const lengthsLate = [...new Set(late.map((l) => l.length))];
      const lengthsEarly = [...new Set(early.map((e) => e.length))];
      for (const cut of cuts) {
        for (const l1 of lengthsLate) for (const l2 of lengthsEarly) {
          const clashLate = late.filter((l) => l.end > cut && l.length === l1);
          const clashEarly = early.filter((e) => e.start <= cut && e.length === l2);
          if (clashLate.length === 0 || clashEarly.length === 0) continue;
          const r = row(-Infinity, 0);
          for (const l of clashLate) hires[l.hire]?.entries.push([r, 1]);
          for (const e of clashEarly) hires[e.hire]?.entries.push([r, 1]);
          (c.patterns[q] ?? []).forEach((p, i) => {
            if (b === undefined || (p[d - b.from] !== l1 && p[next - b.from] !== l2)) return;
            variables[firstPattern + i]?.entries.push([r, -1]);
          });
        }
      }
    }
    // Worked weekends: at most n x maxWeekendsPerMonth in each 4 full weeks (then spread evenly).
    const most = c.rules.maxWeekendsPerMonth;
    if (most !== undefined) {
      const full = blocks.filter((b) => b.days === 7).length;
      for (let q = 0; q + 4 <= full; q += 4) {
        const r = row(-Infinity, n * most);
        for (let w = q; w < q + 4; w += 1) for (const v of weekendVars[w] ?? []) variables[v]?.entries.push([r, 1]);
      }
    }
  });
  return { extras: { hires, rows, variables }, hireOf, patternOf };
}

/**
 * Solves the roster integer program. Throws a RangeError for a malformed problem and a
 * {@link RosterInfeasibleError} naming the agent and rule when the rules cannot all hold; a
 * requirement nobody can cover is shortfall, never an error.
 */
export async function solveRoster(problem: RosterProblem, options: RosterOptions = {}): Promise<RosterSolution> {
  const { schedule } = problem;
  validateProblem(schedule);
  const loadHighs = options.loadHighs ?? defaultLoadHighs;
  const timeLimit = options.timeLimitSeconds ?? 60;
  if (!(timeLimit > 0)) throw new RangeError(`timeLimitSeconds: must be > 0, got ${String(timeLimit)}`);
  const gap = options.mipRelGap ?? DEFAULT_ROSTER_GAP;
  if (!(gap >= 0 && gap < 1)) throw new RangeError(`mipRelGap: must be in [0, 1), got ${String(gap)}`);
  const columns = shiftColumns(schedule, { keepIdle: true });
  const classes = rosterClasses(problem, columns);
  const blocked = blockedClass(problem, columns, classes);
  if (blocked !== null) throw blocked;
  const { extras, hireOf, patternOf } = rosterExtras(problem, columns, classes);
  const highs = await loadHighs();
  const started = performance.now();
  const built = buildScheduleModel(highs, schedule, columns, extras);
  // 1. The LP relaxation: its optimum bounds the cost from below, and its week patterns seed a start.
  const left = () => Math.max(0.05, timeLimit - (performance.now() - started) / 1000);
  const codes = highs.constants.modelStatus;
  let lpBound: number | undefined;
  let start: number[] | undefined;
  let startObjective: number | undefined;
  const relaxed = highs.createModel({ ...built.data, integrality: built.data.integrality.map(() => 0 as const) });
  let lpValues: ArrayLike<number> | undefined;
  try {
    relaxed.options.set({ output_flag: false, time_limit: timeLimit * 0.3 });
    relaxed.run();
    if (relaxed.getModelStatus() === codes.optimal) {
      lpBound = infoNumber(() => relaxed.info.get('objective_function_value'));
      lpValues = relaxed.getSolution().colValue;
    }
  } finally {
    relaxed.dispose();
  }
  // 2. Those patterns rounded to whole people and fixed; hires and breaks solved around them.
  if (lpValues !== undefined) {
    const fixed = roundedPatterns(classes, patternOf, (i) => lpValues?.[built.firstVariableColumn + i] ?? 0);
    const colLower = [...built.data.colLower];
    const colUpper = [...built.data.colUpper];
    fixed.forEach((n, i) => {
      colLower[built.firstVariableColumn + i] = n;
      colUpper[built.firstVariableColumn + i] = n;
    });
    const around = highs.createModel({ ...built.data, colLower, colUpper });
    try {
      around.options.set({ output_flag: false, time_limit: left() * 0.4, mip_rel_gap: gap });
      around.run();
      if (infoNumber(() => around.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible) {
        start = [...around.getSolution().colValue];
        startObjective = infoNumber(() => around.info.get('objective_function_value'));
      }
    } finally {
      around.dispose();
    }
  }
  const decode = (values: ArrayLike<number>, run: { mipGap: number | null; status: RosterSolution['status']; objective: number | null }): RosterSolution => {
    const value = (k: number) => Math.max(0, Math.round(values[k] ?? 0));
    const hired = hireOf.map((_, k) => value(k));
    const chosen = patternOf.map((_, i) => value(built.firstVariableColumn + i));
    const placements = built.placementColumns.map((windows) => windows.map((first) => first.map((k) => value(k))));
    const solved = rosterOfCounts(problem, columns, classes, { hireOf, hired, patternOf, chosen, placements }, { started, ...run });
    return { ...solved, objective: run.objective, ...(lpBound !== undefined ? { lpBound } : {}) };
  };
  // Already within the gap of the LP bound (a bound of the whole program too): done.
  if (start !== undefined && startObjective !== undefined && lpBound !== undefined && startObjective > 0) {
    const proved = Math.max(0, (startObjective - lpBound) / startObjective);
    if (proved <= gap) return decode(start, { mipGap: proved, status: 'optimal', objective: startObjective });
  }
  // 3. The whole program from that start (or from a greedy one).
  const model = highs.createModel(built.data);
  model.setSolution({ colValue: start ?? startingRoster(problem, columns, classes, { hireOf, patternOf }, built) });
  let values: ArrayLike<number>;
  let status: RosterSolution['status'];
  let mipGap: number | null;
  let objective: number | null;
  try {
    model.options.set({ output_flag: false, time_limit: left(), mip_rel_gap: gap });
    model.run();
    const code = model.getModelStatus();
    if (code === codes.infeasible || code === codes.unboundedOrInfeasible) {
      throw new RosterInfeasibleError(
        'the templates\' min/max counts, scheduling.maxPartTimeShare or maxWeekendsPerMonth cannot hold with these agents (each agent alone can be rostered)', null, 'templates');
    }
    const hasSolution = infoNumber(() => model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (!hasSolution) {
      throw new Error(code === codes.timeLimit
        ? `no roster found within the time limit of ${timeLimit} s (${extras.hires.length} class-shift choices, ${extras.variables.length} week patterns): raise --time-limit`
        : `HiGHS found no roster (model status ${code})`);
    }
    status = code === codes.optimal ? 'optimal' : code === codes.timeLimit ? 'time-limit' : 'feasible';
    mipGap = mipGapOf(model.info);
    objective = infoNumber(() => model.info.get('objective_function_value')) ?? null;
    values = model.getSolution().colValue;
  } finally {
    model.dispose();
  }
  return decode(values, { mipGap, status, objective });
}

/**
 * Whole people per week pattern from fractional ones: per class and block, the floors, then one
 * more to the largest fractions until the class is complete (the LP keeps each class complete).
 */
function roundedPatterns(classes: readonly RosterClass[], patternOf: readonly { cls: number; block: number }[], lp: (i: number) => number): number[] {
  const out = patternOf.map((_, i) => Math.max(0, Math.floor(lp(i) + 1e-9)));
  const groups = new Map<string, number[]>();
  patternOf.forEach((p, i) => groups.set(`${p.cls}|${p.block}`, [...(groups.get(`${p.cls}|${p.block}`) ?? []), i]));
  for (const [key, list] of groups) {
    const n = classes[Number(key.split('|')[0])]?.agents.length ?? 0;
    let missing = n - list.reduce((sum, i) => sum + (out[i] ?? 0), 0);
    const byFraction = [...list].sort((x, y) => (lp(y) - Math.floor(lp(y) + 1e-9)) - (lp(x) - Math.floor(lp(x) + 1e-9)) || x - y);
    for (const i of byFraction) {
      if (missing <= 0) break;
      out[i] = (out[i] ?? 0) + 1;
      missing -= 1;
    }
  }
  return out;
}

/**
 * A first roster for HiGHS to improve (without one it may find none in time on a week of 300
 * people): each class's people take its best-paid week patterns in turn, and each person working
 * a day takes the shift of their length covering most of what is still uncovered (breaks at their
 * earliest start); shortfall fills the rest. It keeps every person's rules; HiGHS ignores it if a
 * template's min/max or the part-time cap does not hold.
 */
function startingRoster(
  problem: RosterProblem,
  columns: readonly ShiftColumn[],
  classes: readonly RosterClass[],
  index: { hireOf: { cls: number; column: number }[]; patternOf: { cls: number; block: number; pattern: number }[] },
  built: { data: { numCols: number }; rowSlots: number[]; rowRequired: number[]; placementColumns: number[][][]; firstVariableColumn: number },
): number[] {
  const { schedule } = problem;
  const slots = slotsOf(schedule);
  const deficit = Array.from({ length: schedule.required.length * slots }, (_, i) => schedule.required[Math.floor(i / slots)] ?? 0);
  const works = columns.map((c) => {
    const t = schedule.templates[c.template];
    return t === undefined ? [] : workedSlots(schedule, t, c.day);
  });
  const colValue = new Array<number>(built.data.numCols).fill(0);
  const chosen = new Map<string, number>();
  classes.forEach((c, k) => {
    weekBlocks(schedule.days).forEach((b, q) => {
      const list = (c.patterns[q] ?? []).map((p, i) => ({ i, paid: p.reduce((a, x) => a + x, 0) }));
      list.sort((x, y) => y.paid - x.paid || x.i - y.i);
      const best = list.filter((x) => x.paid === list[0]?.paid);
      c.agents.forEach((_, m) => {
        const pick = best[m % Math.max(1, best.length)];
        if (pick !== undefined) chosen.set(`${k}|${q}|${pick.i}`, (chosen.get(`${k}|${q}|${pick.i}`) ?? 0) + 1);
      });
    });
  });
  const need = new Map<string, number>(); // class|day|length -> people to place
  index.patternOf.forEach((p, i) => {
    const n = chosen.get(`${p.cls}|${p.block}|${p.pattern}`) ?? 0;
    if (n === 0) return;
    colValue[built.firstVariableColumn + i] = n;
    const from = 7 * p.block;
    classes[p.cls]?.patterns[p.block]?.[p.pattern]?.forEach((length, d) => {
      if (length > 0) need.set(`${p.cls}|${from + d}|${length}`, (need.get(`${p.cls}|${from + d}|${length}`) ?? 0) + n);
    });
  });
  const hiresByNeed = new Map<string, number[]>();
  index.hireOf.forEach((h, k) => {
    const col = columns[h.column];
    const length = schedule.templates[col?.template ?? -1]?.length ?? 0;
    const key = `${h.cls}|${col?.day ?? -1}|${length}`;
    hiresByNeed.set(key, [...(hiresByNeed.get(key) ?? []), k]);
  });
  const perColumn = columns.map(() => 0);
  for (const [key, n] of need) {
    const options = hiresByNeed.get(key) ?? [];
    for (let m = 0; m < n; m += 1) {
      let best = -1;
      let bestGain = -1;
      for (const k of options) {
        const gain = (works[index.hireOf[k]?.column ?? -1] ?? []).reduce((sum, x) => sum + ((deficit[x] ?? 0) > 0 ? 1 : 0), 0);
        if (gain > bestGain) {
          best = k;
          bestGain = gain;
        }
      }
      const h = index.hireOf[best];
      if (h === undefined) break;
      colValue[best] = (colValue[best] ?? 0) + 1;
      perColumn[h.column] = (perColumn[h.column] ?? 0) + 1;
      for (const x of works[h.column] ?? []) deficit[x] = (deficit[x] ?? 0) - 1;
    }
  }
  built.placementColumns.forEach((windows, j) => {
    for (const first of windows) if (first[0] !== undefined) colValue[first[0]] = perColumn[j] ?? 0;
  });
  const firstShortfall = built.firstVariableColumn - built.rowSlots.length;
  built.rowSlots.forEach((slot, r) => {
    colValue[firstShortfall + r] = Math.max(0, deficit[slot] ?? 0);
  });
  return colValue;
}

/**
 * From class counts to people: each class's week patterns go to its people (worked weekends to
 * those with the fewest so far), then on each day each person working a length takes one of the
 * class's hires of that length; a hire's break starts go to its people in agent order.
 */
function rosterOfCounts(
  problem: RosterProblem,
  columns: readonly ShiftColumn[],
  classes: readonly RosterClass[],
  counts: { hireOf: { cls: number; column: number }[]; hired: number[]; patternOf: { cls: number; block: number; pattern: number }[]; chosen: number[]; placements: number[][][] },
  run: { started: number; mipGap: number | null; status: RosterSolution['status'] },
): Omit<RosterSolution, 'objective' | 'lpBound'> {
  const { schedule } = problem;
  const blocks = weekBlocks(schedule.days);
  const weekend = new Set(problem.weekendDays ?? [5, 6]);
  // Per agent and day: the length worked (0 = off).
  const lengthOn = problem.agents.map(() => new Int32Array(schedule.days));
  classes.forEach((c, k) => {
    const weekends = new Map(c.agents.map((a) => [a, 0]));
    blocks.forEach((b, q) => {
      const list: WeekPattern[] = [];
      counts.patternOf.forEach((p, i) => {
        if (p.cls !== k || p.block !== q) return;
        const pattern = c.patterns[q]?.[p.pattern];
        for (let m = 0; m < (counts.chosen[i] ?? 0); m += 1) if (pattern !== undefined) list.push(pattern);
      });
      const worksWeekend = (p: WeekPattern) => p.some((length, d) => length > 0 && weekend.has((b.from + d) % 7));
      list.sort((x, y) => Number(worksWeekend(y)) - Number(worksWeekend(x)));
      const order = [...c.agents].sort((x, y) => (weekends.get(x) ?? 0) - (weekends.get(y) ?? 0) || x - y);
      list.forEach((p, m) => {
        const a = order[m];
        if (a === undefined) return;
        p.forEach((length, d) => {
          const row = lengthOn[a];
          if (row !== undefined) row[b.from + d] = length;
        });
        if (worksWeekend(p)) weekends.set(a, (weekends.get(a) ?? 0) + 1);
      });
    });
  });
  // Per column, its people, day by day: within a class and a shift length, the person whose last
  // shift ended latest takes the shift that starts latest (so rest between days holds whenever
  // the class-level rows allow it).
  const workers: number[][] = columns.map(() => []);
  const perDay = schedule.intervalsPerDay * slotsOf(schedule);
  const lastEnd = new Map<number, number>(); // agent -> end of their previous day's shift, in slots from today's start
  for (let d = 0; d < schedule.days; d += 1) {
    const endsToday = new Map<number, number>();
    classes.forEach((c, k) => {
      const byLength = new Map<number, { start: number; column: number }[]>();
      counts.hireOf.forEach((h, i) => {
        const col = columns[h.column];
        const t = schedule.templates[col?.template ?? -1];
        if (h.cls !== k || col?.day !== d || t === undefined) return;
        const list = byLength.get(t.length) ?? [];
        for (let m = 0; m < (counts.hired[i] ?? 0); m += 1) list.push({ start: t.start, column: h.column });
        byLength.set(t.length, list);
      });
      for (const [length, shiftsOfLength] of byLength) {
        shiftsOfLength.sort((x, y) => y.start - x.start || x.column - y.column);
        const people = c.agents.filter((a) => lengthOn[a]?.[d] === length)
          .sort((x, y) => (lastEnd.get(y) ?? -Infinity) - (lastEnd.get(x) ?? -Infinity) || x - y);
        shiftsOfLength.forEach((shift, m) => {
          const a = people[m];
          if (a === undefined) return;
          workers[shift.column]?.push(a);
          endsToday.set(a, shift.start + length - perDay);
        });
      }
    });
    lastEnd.clear();
    for (const [a, end] of endsToday) lastEnd.set(a, end);
  }
  const count = workers.map((w) => w.length);
  const covered = solutionOf(schedule, [...columns], count, counts.placements, { solveMs: 0, mipGap: run.mipGap, status: run.status });
  let wishCost = 0;
  const shifts: RosterShift[] = [];
  columns.forEach((c, j) => {
    const template = schedule.templates[c.template];
    const agents = [...(workers[j] ?? [])].sort((x, y) => x - y);
    if (template === undefined || agents.length === 0) return;
    const groups: BreakGroup[] = c.windows.length > 0
      ? breakGroupsOf(schedule, c, agents.length, counts.placements[j] ?? [])
      : [{ count: agents.length, starts: template.breaks.map((b) => b.earliest) }];
    const starts = groups.flatMap((g) => new Array<number[]>(g.count).fill(g.starts));
    agents.forEach((agent, k) => {
      wishCost += problem.agents[agent]?.wishCost?.(c.template, c.day) ?? 0;
      shifts.push({ agent, template: c.template, day: c.day, breakStarts: [...(starts[k] ?? [])] });
    });
  });
  shifts.sort((x, y) => x.agent - y.agent || x.day - y.day);
  const clash = restClash(problem, shifts);
  if (clash !== null) throw new Error(`roster: ${clash}; the plan per class could not be handed out to people without it (please report this scenario)`);
  return {
    shifts,
    cost: covered.cost,
    wishCost,
    coverage: { required: covered.required, coverage: covered.coverage, shortfall: covered.shortfall, slotCoverage: covered.slotCoverage },
    solveMs: performance.now() - run.started,
    mipGap: run.mipGap,
    status: run.status,
  };
}

/** The first person whose shifts on consecutive days overlap or leave less than the rest, or null. */
export function restClash(problem: RosterProblem, shifts: readonly RosterShift[]): string | null {
  const { schedule } = problem;
  const perDay = schedule.intervalsPerDay * slotsOf(schedule);
  const total = perDay * schedule.days;
  const rest = problem.minRestSlots ?? 0;
  const byAgent = new Map<number, RosterShift[]>();
  for (const x of shifts) byAgent.set(x.agent, [...(byAgent.get(x.agent) ?? []), x]);
  for (const [agent, list] of byAgent) {
    const spans = list.map((x) => {
      const t = schedule.templates[x.template];
      const start = x.day * perDay + (t?.start ?? 0);
      return { day: x.day, start, end: start + (t?.length ?? 0) };
    }).sort((a, b) => a.start - b.start);
    const pairs = spans.map((a, i) => [a, spans[i + 1]] as const);
    if (schedule.cyclic === true && spans.length > 1) {
      const first = spans[0];
      const last = spans[spans.length - 1];
      if (first !== undefined && last !== undefined) pairs.push([last, { ...first, start: first.start + total, end: first.end + total }]);
    }
    for (const [a, b] of pairs) {
      if (b !== undefined && a.end + rest > b.start) return `${problem.agents[agent]?.id ?? agent} would work day ${a.day} and day ${b.day % schedule.days} too close together`;
    }
  }
  return null;
}
