/**
 * `ccsim schedule` on a scenario (CONTRACT section 5): from the scenario's agent groups (`staff` as
 * the net requirement, `shrinkage`, `costPerHour`) and top-level `shiftTemplates` to one scheduling
 * integer program per group (`solveSchedule`), and from the chosen schedule back to a scenario whose
 * groups have `shifts` instead of `staff`, ready to simulate (`--verify`).
 *
 * Environment-agnostic like `schedule.ts` (no `node:*` imports), so a browser worker can use it.
 *
 * Horizon. The scenario covers `intervals` x `intervalMinutes` from its `start`; the problem has
 * days = ceil(horizon / 1440) days of 1440 / `intervalMinutes` intervals, day d starting at the
 * scenario's `start` clock time on calendar day d (the simulator's `shifts[].day`), and the
 * requirement past the scenario's last interval (the rest of the last day) is 0. Reported arrays
 * (`required`, `coverage`, `shortfall`, `net`, `present`) cover the scenario's intervals only.
 */
import { formatClock, largestRemainder, parseClock, perInterval, type Scenario } from '../scenario/index.js';
import type { AgentGroupSpec } from '../scenario/agentGroup.js';
import type { ShiftSpec } from '../scenario/shift.js';
import type { ShiftTemplateSpec } from '../scenario/shiftTemplate.js';
import {
  grossRequirement,
  ScheduleInfeasibleError,
  solveSchedule,
  templatesFromScenario,
  workedSlots,
  type ScheduleOptions,
  type ScheduleProblem,
} from './schedule.js';
import { slotMinutesOf } from './scheduleTemplates.js';
import { openIntervals } from './openingHours.js';

/**
 * The scenario cannot be scheduled as written (no `shiftTemplates`, a group with `shifts`, a
 * template off the interval grid, ...). The message is one line and starts with the field's path.
 */
export class ScheduleInputError extends RangeError {
  override readonly name = 'ScheduleInputError';
}

/** The planning horizon of a scenario, as the scheduling problem sees it. */
export interface ScheduleHorizon {
  /** Scenario intervals (the length of every reported per-interval array). */
  intervals: number;
  intervalMinutes: number;
  /** Clock time of interval 0 and of each day's first interval. */
  start: string;
  /** 1440 / intervalMinutes. */
  intervalsPerDay: number;
  /** ceil(intervals x intervalMinutes / 1440). */
  days: number;
  /** Grid of shifts and breaks, minutes (a divisor of intervalMinutes; the interval unless a template needs finer). */
  slotMinutes: number;
}

/** How template costs without an explicit `cost` are priced for a group. */
export type CostBasis = 'costPerHour' | 'agentHours';

/** One group's scheduling problem and what the report needs to explain it. */
export interface GroupScheduleProblem {
  /** Agent group id. */
  group: string;
  /** Index of the group in `agentGroups`. */
  index: number;
  /** Net requirement per scenario interval (the group's `staff`). */
  net: number[];
  shrinkage: number;
  /** `costPerHour` when the group has a positive one; else `agentHours` (cost 1 per paid hour). */
  costBasis: CostBasis;
  /** The cost of one agent hour used for templates without `cost` (1 with `agentHours`). */
  costPerHour: number;
  /** The integer program: `required` is the gross requirement padded to whole days with 0. */
  problem: ScheduleProblem;
}

/** Everything `scheduleScenario` solves, before solving. */
export interface ScenarioScheduleProblem {
  horizon: ScheduleHorizon;
  templates: ShiftTemplateSpec[];
  groups: GroupScheduleProblem[];
}

/** Agents of one hire who take their breaks at the same times. */
export interface ScheduledBreakGroup {
  count: number;
  /** Their breaks, minutes from the shift start (as a scenario's `shifts[].breakGroups[].breaks`). */
  breaks: { offsetMinutes: number; minutes: number }[];
}

/** Agents hired on one template and day; `breakGroups` says where their breaks go when the template has break windows. */
export interface GroupShift {
  template: string;
  day: number;
  count: number;
  breakGroups?: ScheduledBreakGroup[];
}

/** One group's schedule (CONTRACT section 5 fields first, then extensions). */
export interface GroupSchedule {
  /** Hires with count > 0: template id, start day, agents (and break placements for break windows). */
  shifts: GroupShift[];
  /** Total template cost of the hires. */
  cost: number;
  /** Gross requirement per scenario interval: ceil(net / (1 - shrinkage)). */
  required: number[];
  /** Scheduled agents at work in each interval (before shrinkage), the share of the interval worked counted. */
  coverage: number[];
  /** max(0, required - coverage) per interval: what no affordable template could cover. */
  shortfall: number[];
  /** Extension: the net requirement per interval (the group's `staff`). */
  net: number[];
  /**
   * Extension: agents present per interval once the simulator applies shrinkage the way it does to
   * `shifts`, round(count x (1 - shrinkage)) per hired template and day. Per-entry rounding can leave
   * this below `net` where `coverage` meets `required` (see docs/decisions.md).
   */
  present: number[];
  /** Extension: paid agent hours of the hires (template lengths, breaks included). */
  agentHours: number;
  /** Extension: agent hours on break within those shifts. */
  breakHours: number;
  /** Extension: sum of `present` x interval length, hours: the staffed hours a simulation should show. */
  presentHours: number;
  /** Extension: how templates without `cost` were priced. */
  costBasis: CostBasis;
  /** Extension: milliseconds to build and solve the integer program (HiGHS loading excluded). */
  solveMs: number;
  /** Extension: relative MIP gap (0.01 = 1%), null when HiGHS gave no bound. */
  mipGap: number | null;
  /** Extension: 'optimal', 'time-limit' (best found when time ran out) or 'feasible'. */
  status: 'optimal' | 'time-limit' | 'feasible';
}

/** The schedules of every group, in scenario order. */
export interface ScenarioSchedule {
  horizon: ScheduleHorizon;
  /** Group id -> schedule, in scenario order. */
  byGroup: Record<string, GroupSchedule>;
}

function fail(path: string, message: string): never {
  throw new ScheduleInputError(`${path}: ${message}`);
}

/** The horizon of `scenario` (see the module comment). */
export function scheduleHorizon(scenario: Pick<Scenario, 'intervals' | 'intervalMinutes' | 'start' | 'shiftTemplates'>): ScheduleHorizon {
  const { intervals, intervalMinutes, start } = scenario;
  let slotMinutes;
  try {
    slotMinutes = slotMinutesOf(scenario.shiftTemplates ?? [], intervalMinutes, start);
  } catch (error) {
    if (error instanceof RangeError) throw new ScheduleInputError(error.message);
    throw error;
  }
  return {
    intervals,
    intervalMinutes,
    start,
    intervalsPerDay: 1440 / intervalMinutes,
    days: Math.ceil((intervals * intervalMinutes) / 1440),
    slotMinutes,
  };
}

/**
 * Builds one scheduling problem per agent group. Throws {@link ScheduleInputError} (one line,
 * naming the field) when the scenario has no `shiftTemplates` (or an empty list), when a group has
 * `shifts` instead of `staff`, or when a template is not on the interval grid.
 */
export function scheduleProblems(scenario: Scenario): ScenarioScheduleProblem {
  const templates = scenario.shiftTemplates;
  if (templates === undefined) {
    fail('shiftTemplates', 'missing: ccsim schedule needs the shifts it may hire as top-level "shiftTemplates": [{ "id", "start", "minutes", "breaks"?, "days"?, "cost"? }]');
  }
  if (templates.length === 0) fail('shiftTemplates', 'is empty: list at least one shift template ccsim schedule may hire');
  const horizon = scheduleHorizon(scenario);
  const padded = horizon.days * horizon.intervalsPerDay;
  const rules = scenario.scheduling ?? {};
  const open = rules.openingHours === undefined ? undefined : openIntervals(rules.openingHours, horizon, rules.cyclic === true);
  const groups = scenario.agentGroups.map((g, index): GroupScheduleProblem => {
    const at = `agentGroups[${index}]`;
    if (g.staff === undefined) {
      fail(g.shifts === undefined ? `${at}.staff` : `${at}.shifts`,
        `group "${g.id}" has shifts, but ccsim schedule needs its net requirement per interval in "staff" (it chooses the shifts)`);
    }
    const net = perInterval(g.staff, scenario.intervals);
    const shrinkage = g.shrinkage ?? 0;
    const costBasis: CostBasis = g.costPerHour !== undefined && g.costPerHour > 0 ? 'costPerHour' : 'agentHours';
    const costPerHour = costBasis === 'costPerHour' ? (g.costPerHour ?? 1) : 1;
    let problemTemplates;
    try {
      problemTemplates = templatesFromScenario(templates, {
        start: scenario.start, intervalMinutes: scenario.intervalMinutes, days: horizon.days, costPerHour, slotMinutes: horizon.slotMinutes,
      }).filter((_, k) => templates[k]?.groups === undefined || templates[k]?.groups?.includes(g.id) === true);
    } catch (error) {
      if (error instanceof RangeError) throw new ScheduleInputError(error.message);
      throw error;
    }
    const required = grossRequirement(net, shrinkage);
    while (required.length < padded) required.push(0);
    return {
      group: g.id,
      index,
      net,
      shrinkage,
      costBasis,
      costPerHour,
      problem: {
        intervalsPerDay: horizon.intervalsPerDay,
        days: horizon.days,
        required,
        templates: problemTemplates,
        ...(horizon.slotMinutes !== horizon.intervalMinutes ? { slotsPerInterval: horizon.intervalMinutes / horizon.slotMinutes } : {}),
        ...(rules.cyclic === true ? { cyclic: true } : {}),
        ...(open !== undefined ? { open } : {}),
        ...(rules.maxPartTimeShare !== undefined ? { maxPartTimeShare: rules.maxPartTimeShare } : {}),
      },
    };
  });
  return { horizon, templates, groups };
}

/**
 * The relative MIP gap at which a group's solve stops (0.1%), unless `mipRelGap` says otherwise.
 * HiGHS's own default (0.01%) can take ten times as long on a week of 30-minute intervals with
 * a hundred templates for a saving below 0.1% of the cost; the achieved gap is always reported.
 */
export const DEFAULT_SCHEDULE_GAP = 1e-3;

/** Solve options plus a hook called before each group's solve. */
export interface ScheduleScenarioOptions extends ScheduleOptions {
  /** Called before each group is solved (e.g. for progress). */
  onGroup?: (group: string, index: number, total: number) => void;
}

/**
 * Schedules every agent group of `scenario` (one integer program each, solved in turn; the time
 * limit applies to each). Throws {@link ScheduleInputError} for a scenario that cannot be scheduled
 * as written; an impossible requirement is reported as `shortfall`, never thrown.
 */
export async function scheduleScenario(scenario: Scenario, options: ScheduleScenarioOptions = {}): Promise<ScenarioSchedule> {
  const built = scheduleProblems(scenario);
  const { onGroup, ...rest } = options;
  const solveOptions: ScheduleOptions = { ...rest, mipRelGap: rest.mipRelGap ?? DEFAULT_SCHEDULE_GAP };
  const solved: [string, GroupSchedule][] = [];
  for (const [k, g] of built.groups.entries()) {
    onGroup?.(g.group, k, built.groups.length);
    try {
      solved.push([g.group, await solveGroup(built, g, solveOptions)]);
    } catch (error) {
      if (error instanceof ScheduleInfeasibleError) throw new ScheduleInputError(`agentGroups[${g.index}] (${g.group}): ${error.message}`);
      throw error;
    }
  }
  // Own properties whatever the ids (an id "__proto__" stays a key).
  return { horizon: built.horizon, byGroup: Object.fromEntries(solved) };
}

/** Rounds away float noise from sums of decimal costs (123647.99999999997 -> 123648). */
function tidy(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

async function solveGroup(built: ScenarioScheduleProblem, g: GroupScheduleProblem, options: ScheduleOptions): Promise<GroupSchedule> {
  const { horizon } = built;
  const n = horizon.intervals;
  const slots = horizon.intervalMinutes / horizon.slotMinutes;
  const solution = await solveSchedule(g.problem, options);
  const byId = new Map(g.problem.templates.map((t) => [t.id, t]));
  const specById = new Map(built.templates.map((t) => [t.id, t]));
  const presentSlots = new Array<number>(n * slots).fill(0);
  let agentHours = 0;
  let breakHours = 0;
  const shifts = solution.shifts.map((s): GroupShift => {
    const template = byId.get(s.template);
    const spec = specById.get(s.template);
    if (template === undefined || spec === undefined) return { template: s.template, day: s.day, count: s.count };
    agentHours += (s.count * spec.minutes) / 60;
    breakHours += (s.count * (spec.breaks ?? []).reduce((sum, b) => sum + b.minutes, 0)) / 60;
    // Present as the simulator places them: round(count x (1 - shrinkage)), split over the break groups by largest remainder.
    const present = Math.round(s.count * (1 - g.shrinkage));
    const groups = s.breakGroups ?? [{ count: s.count, starts: template.breaks.map((b) => b.earliest) }];
    const split = largestRemainder(present, groups.map((bg) => bg.count));
    groups.forEach((bg, j) => {
      for (const slot of workedSlots(g.problem, template, s.day, bg.starts)) if (slot < n * slots) presentSlots[slot] = (presentSlots[slot] ?? 0) + (split[j] ?? 0);
    });
    if (s.breakGroups === undefined) return { template: s.template, day: s.day, count: s.count };
    const breakGroups = s.breakGroups.map((bg) => ({
      count: bg.count,
      breaks: template.breaks.map((b, j) => ({ offsetMinutes: (bg.starts[j] ?? b.earliest) * horizon.slotMinutes, minutes: b.length * horizon.slotMinutes })),
    }));
    return { template: s.template, day: s.day, count: s.count, breakGroups };
  });
  const present = Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let k = i * slots; k < (i + 1) * slots; k += 1) sum += presentSlots[k] ?? 0;
    return tidy(sum / slots);
  });
  return {
    shifts,
    cost: tidy(solution.cost),
    required: solution.required.slice(0, n),
    coverage: solution.coverage.slice(0, n),
    shortfall: solution.shortfall.slice(0, n),
    net: [...g.net],
    present,
    agentHours: tidy(agentHours),
    breakHours: tidy(breakHours),
    presentHours: tidy((present.reduce((a, b) => a + b, 0) * horizon.intervalMinutes) / 60),
    costBasis: g.costBasis,
    solveMs: solution.solveMs,
    mipGap: solution.mipGap,
    status: solution.status,
  };
}

/**
 * The `ccsim schedule --json` document: one group's schedule itself, several groups as
 * `{ byGroup: { <id>: schedule } }` (CONTRACT section 5).
 */
export function scheduleDocument(schedule: ScenarioSchedule): Record<string, unknown> {
  const entries = Object.entries(schedule.byGroup);
  if (entries.length === 1 && entries[0] !== undefined) return { ...entries[0][1] };
  return { byGroup: schedule.byGroup };
}

/**
 * The `shifts` of one group's schedule, as the scenario writes them: each hired template and day
 * becomes `{ start, minutes, count, day, breaks }` with the template's clock time, length and breaks.
 */
export function shiftsOfSchedule(templates: readonly ShiftTemplateSpec[], schedule: Pick<GroupSchedule, 'shifts'>): ShiftSpec[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  return schedule.shifts.map((s) => {
    const t = byId.get(s.template);
    if (t === undefined) throw new RangeError(`shifts: unknown template id ${JSON.stringify(s.template)}`);
    const base = { start: t.start, minutes: t.minutes, count: s.count, day: s.day };
    if (s.breakGroups !== undefined) return { ...base, breakGroups: s.breakGroups.map((bg) => ({ count: bg.count, breaks: bg.breaks.map((b) => ({ ...b })) })) };
    const breaks = (t.breaks ?? []).map((b) => ('offsetMinutes' in b ? { offsetMinutes: b.offsetMinutes, minutes: b.minutes } : { ...b }));
    return { ...base, ...(breaks.length > 0 ? { breaks } : {}) };
  });
}

/**
 * `scenario` with each scheduled group's `staff` replaced by the schedule's `shifts` (its
 * `shrinkage` kept, so the simulator applies round(count x (1 - shrinkage)) per shift). A group
 * that hires nothing gets `staff: 0`. The result is plain scenario data: validate it (e.g. pass it
 * to `simulate`) before use.
 */
export function scheduledScenario(scenario: Scenario, schedule: ScenarioSchedule): Scenario {
  const templates = scenario.shiftTemplates ?? [];
  const agentGroups = scenario.agentGroups.map((g): AgentGroupSpec => {
    const s = schedule.byGroup[g.id];
    if (s === undefined) return g;
    const { staff: _staff, shifts: _shifts, ...rest } = g;
    const shifts = shiftsOfSchedule(templates, s);
    return shifts.length > 0 ? { ...rest, shifts } : { ...rest, staff: 0 };
  });
  return { ...scenario, agentGroups };
}

/**
 * Label of scenario interval `i` with its calendar day (the `day` of `shifts`): "d1 07:30" is
 * 07:30 on the day after the scenario starts.
 */
export function dayClockLabel(horizon: Pick<ScheduleHorizon, 'start' | 'intervalMinutes'>, i: number): string {
  const minutes = parseClock(horizon.start) + i * horizon.intervalMinutes;
  return `d${Math.floor(minutes / 1440)} ${formatClock(minutes)}`;
}
