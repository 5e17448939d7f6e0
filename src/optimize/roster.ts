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
import { shiftColumns, validateProblem, type ScheduleProblem, type ShiftColumn } from './scheduleModel.js';

/** One person, in the units of the problem (slots, day indexes). */
export interface RosterAgent {
  id: string;
  /** [min, max] paid slots (shift lengths) in every 7 days. */
  slotsPerWeek: [number, number];
  /** Days without a shift in every 7 days, at least. */
  daysOff: number;
  /** Two of the days off adjacent. */
  consecutiveDaysOff: boolean;
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

/** A 7-day block of the horizon and its rules, scaled by its length / 7 when shorter. */
interface WeekBlock {
  from: number;
  days: number;
}

function weekBlocks(days: number): WeekBlock[] {
  const out: WeekBlock[] = [];
  for (let from = 0; from < days; from += 7) out.push({ from, days: Math.min(7, days - from) });
  return out;
}

/**
 * The rules of `agent` in a block: paid slots [min, max], most shifts, adjacent days off asked. A
 * block shorter than 7 days (the end of a horizon that is not whole weeks) keeps only what must
 * hold whatever the unseen days of that week: the maximum, and the days off not taken by the
 * unseen days; the minimum and the adjacent pair can be made up outside the horizon.
 */
export function blockRules(agent: RosterAgent, block: WeekBlock): { min: number; max: number; shifts: number; adjacent: boolean } {
  const unseen = 7 - block.days;
  const daysOff = Math.max(0, agent.daysOff - unseen);
  return {
    min: unseen === 0 ? agent.slotsPerWeek[0] : 0,
    max: agent.slotsPerWeek[1],
    shifts: block.days - daysOff,
    adjacent: unseen === 0 && agent.consecutiveDaysOff && agent.daysOff >= 2,
  };
}

/** Which of the agent's rules to leave out (to find the one that blocks). */
export interface Relaxed {
  availability?: boolean;
  minutes?: boolean;
  daysOff?: boolean;
  consecutive?: boolean;
  weekends?: boolean;
}

/** The model pieces: hire variables, rows and extra variables (see the module comment). */
function rosterExtras(problem: RosterProblem, columns: ShiftColumn[], relaxed: Relaxed = {}): { extras: Required<ModelExtras>; hireOf: { agent: number; column: number }[] } {
  const { schedule } = problem;
  const hires: HireColumn[] = [];
  const hireOf: { agent: number; column: number }[] = [];
  const rows: { lower: number; upper: number }[] = [];
  const variables: Required<ModelExtras>['variables'] = [];
  const row = (lower: number, upper: number) => rows.push({ lower, upper }) - 1;
  const blocks = weekBlocks(schedule.days);
  const weekend = new Set(problem.weekendDays ?? [5, 6]);
  // Template min/max rows per (t, d), over every agent.
  const templateRow = columns.map((c) => {
    const t = schedule.templates[c.template];
    return t?.min !== undefined || t?.max !== undefined ? row(t?.min ?? 0, t?.max ?? Infinity) : -1;
  });
  problem.agents.forEach((agent, a) => {
    const dayRow = new Map<number, number>();
    const blockRows = blocks.map((b) => {
      const rules = blockRules(agent, b);
      return {
        minutes: relaxed.minutes === true ? row(0, Infinity) : row(rules.min, rules.max),
        shifts: row(0, relaxed.daysOff === true ? b.days : rules.shifts),
      };
    });
    const onDay: { day: number; hire: number }[] = [];
    columns.forEach((c, j) => {
      const t = schedule.templates[c.template];
      if (t === undefined) return;
      if (relaxed.availability !== true && !agent.allowed(c.template, c.day)) return;
      let dr = dayRow.get(c.day);
      if (dr === undefined) {
        dr = row(-Infinity, 1);
        dayRow.set(c.day, dr);
      }
      const b = Math.floor(c.day / 7);
      const br = blockRows[b];
      const entries: [number, number][] = [[dr, 1]];
      if (br !== undefined) entries.push([br.minutes, t.length], [br.shifts, 1]);
      if ((templateRow[j] ?? -1) >= 0) entries.push([templateRow[j] ?? -1, 1]);
      onDay.push({ day: c.day, hire: hires.length });
      hireOf.push({ agent: a, column: j });
      hires.push({ column: j, cost: t.cost + (agent.wishCost?.(c.template, c.day) ?? 0), lower: 0, upper: 1, entries });
    });
    const hiresOn = (d: number) => onDay.filter((h) => h.day === d).map((h) => h.hire);
    // Adjacent days off: o[d] = 1 only if days d and d + 1 are both off; at least one o per block.
    blocks.forEach((b) => {
      if (relaxed.consecutive === true || !blockRules(agent, b).adjacent) return;
      const need = row(1, Infinity);
      const pairs = b.days === 7 && schedule.cyclic === true && schedule.days === 7 ? 7 : b.days - 1;
      for (let k = 0; k < pairs; k += 1) {
        const d0 = b.from + k;
        const d1 = b.from + ((k + 1) % b.days);
        const r0 = row(-Infinity, 1);
        const r1 = row(-Infinity, 1);
        variables.push({ cost: 0, lower: 0, upper: 1, entries: [[r0, 1], [r1, 1], [need, 1]] });
        for (const h of hiresOn(d0)) hires[h]?.entries.push([r0, 1]);
        for (const h of hiresOn(d1)) hires[h]?.entries.push([r1, 1]);
      }
    });
    // Weekends: w[k] >= every weekend day's shift; at most maxWeekendsPerMonth per 4 weeks.
    const maxWeekends = agent.maxWeekendsPerMonth;
    if (maxWeekends !== undefined && relaxed.weekends !== true && schedule.days >= 28) {
      const weeks = Math.floor(schedule.days / 7);
      const wVar: number[] = [];
      for (let k = 0; k < weeks; k += 1) {
        wVar.push(variables.push({ cost: 0, lower: 0, upper: 1, entries: [] }) - 1);
        for (let d = 7 * k; d < 7 * k + 7; d += 1) {
          if (!weekend.has(d % 7)) continue;
          const r = row(-Infinity, 0);
          variables[wVar[k] ?? 0]?.entries.push([r, -1]);
          for (const h of hiresOn(d)) hires[h]?.entries.push([r, 1]);
        }
      }
      for (let k = 0; k + 4 <= weeks; k += 4) {
        const r = row(-Infinity, maxWeekends);
        for (let q = k; q < k + 4; q += 1) variables[wVar[q] ?? 0]?.entries.push([r, 1]);
      }
    }
  });
  return { extras: { hires, rows, variables }, hireOf };
}

/** Does agent `a` alone (no requirement, no one else) have a roster under `relaxed`? */
async function agentFeasible(problem: RosterProblem, a: number, relaxed: Relaxed, loadHighs: HighsLoader): Promise<boolean> {
  const agent = problem.agents[a];
  if (agent === undefined) return true;
  const schedule = { ...problem.schedule, required: problem.schedule.required.map(() => 0), maxPartTimeShare: undefined, templates: problem.schedule.templates.map(({ min: _min, max: _max, ...t }) => t) };
  const alone: RosterProblem = { ...problem, schedule, agents: [agent] };
  const columns = shiftColumns(schedule, { keepIdle: true });
  const highs = await loadHighs();
  const { extras } = rosterExtras(alone, columns, relaxed);
  const built = buildScheduleModel(highs, schedule, columns, extras);
  const model = highs.createModel(built.data);
  try {
    model.options.set({ output_flag: false, time_limit: 10 });
    model.run();
    const codes = highs.constants.modelStatus;
    const code = model.getModelStatus();
    return code !== codes.infeasible && code !== codes.unboundedOrInfeasible;
  } finally {
    model.dispose();
  }
}

/** The message for an infeasible roster: the first agent whose own rules contradict, and the rule. */
async function diagnose(problem: RosterProblem, loadHighs: HighsLoader): Promise<RosterInfeasibleError> {
  const checks: [keyof Relaxed, string][] = [
    ['minutes', 'minutesPerWeek'],
    ['availability', 'availability'],
    ['daysOff', 'daysOff'],
    ['consecutive', 'consecutiveDaysOff'],
    ['weekends', 'maxWeekendsPerMonth'],
  ];
  for (let a = 0; a < problem.agents.length; a += 1) {
    if (await agentFeasible(problem, a, {}, loadHighs)) continue;
    const agent = problem.agents[a];
    const blocking: string[] = [];
    for (const [key, rule] of checks) if (await agentFeasible(problem, a, { [key]: true }, loadHighs)) blocking.push(rule);
    const [first] = blocking;
    if (first !== undefined) {
      const others = blocking.slice(1);
      return new RosterInfeasibleError(others.length === 0
        ? `${first} cannot hold together with their other rules (without it a roster exists)`
        : `${[first, ...others].join(', ')} cannot all hold together (without any one of them a roster exists)`, a, first);
    }
    return new RosterInfeasibleError(
      `their rules (minutesPerWeek ${agent?.slotsPerWeek.join('-')} slots, daysOff ${agent?.daysOff}, availability) cannot all hold`, a, 'rules');
  }
  return new RosterInfeasibleError(
    'the templates\' min counts or scheduling.maxPartTimeShare cannot hold with these agents (each agent alone can be rostered)', null, 'templates');
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
  const { extras, hireOf } = rosterExtras(problem, columns);
  const highs = await loadHighs();
  const started = performance.now();
  const built = buildScheduleModel(highs, schedule, columns, extras);
  const model = highs.createModel(built.data);
  let values: ArrayLike<number>;
  let status: RosterSolution['status'];
  let mipGap: number | null;
  try {
    model.options.set({ output_flag: false, time_limit: timeLimit, mip_rel_gap: gap });
    model.run();
    const code = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (code === codes.infeasible || code === codes.unboundedOrInfeasible) throw await diagnose(problem, loadHighs);
    const hasSolution = infoNumber(() => model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    if (!hasSolution) {
      throw new Error(code === codes.timeLimit
        ? `no roster found within the time limit of ${timeLimit} s (${extras.hires.length} agent-shift choices): raise --time-limit`
        : `HiGHS found no roster (model status ${code})`);
    }
    status = code === codes.optimal ? 'optimal' : code === codes.timeLimit ? 'time-limit' : 'feasible';
    mipGap = mipGapOf(model.info);
    values = model.getSolution().colValue;
  } finally {
    model.dispose();
  }
  const value = (k: number) => Math.max(0, Math.round(values[k] ?? 0));
  const counts = columns.map(() => 0);
  const workers: number[][] = columns.map(() => []);
  let wishCost = 0;
  hireOf.forEach((h, k) => {
    if (value(k) !== 1) return;
    counts[h.column] = (counts[h.column] ?? 0) + 1;
    workers[h.column]?.push(h.agent);
    const c = columns[h.column];
    if (c !== undefined) wishCost += problem.agents[h.agent]?.wishCost?.(c.template, c.day) ?? 0;
  });
  const placements = built.placementColumns.map((windows) => windows.map((first) => first.map((k) => value(k))));
  const covered = solutionOf(schedule, columns, counts, placements, { solveMs: 0, mipGap, status });
  const shifts: RosterShift[] = [];
  columns.forEach((c, j) => {
    const template = schedule.templates[c.template];
    const agents = workers[j] ?? [];
    if (template === undefined || agents.length === 0) return;
    const groups: BreakGroup[] = c.windows.length > 0
      ? breakGroupsOf(schedule, c, agents.length, placements[j] ?? [])
      : [{ count: agents.length, starts: template.breaks.map((b) => b.earliest) }];
    const starts = groups.flatMap((g) => new Array<number[]>(g.count).fill(g.starts));
    agents.forEach((agent, k) => shifts.push({ agent, template: c.template, day: c.day, breakStarts: [...(starts[k] ?? [])] }));
  });
  shifts.sort((x, y) => x.agent - y.agent || x.day - y.day);
  return {
    shifts,
    cost: covered.cost,
    wishCost,
    coverage: { required: covered.required, coverage: covered.coverage, shortfall: covered.shortfall, slotCoverage: covered.slotCoverage },
    solveMs: performance.now() - started,
    mipGap,
    status,
  };
}
