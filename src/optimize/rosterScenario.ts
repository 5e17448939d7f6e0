/**
 * `ccsim roster` on a scenario (CONTRACT section 10): the scenario's `agents` get shifts from
 * their group's `shiftTemplates`, covering the group's gross requirement (`staff` grossed up by
 * shrinkage, as `ccsim schedule`), one integer program per group (`solveRoster`). Also the roster
 * back as a scenario with `shifts` (for `--verify`) and as CSV rows.
 *
 * Environment-agnostic (no `node:*`).
 */
import { formatClock, parseClock, type AgentSpec, type Scenario, type ShiftSpec } from '../scenario/index.js';
import type { AgentGroupSpec } from '../scenario/agentGroup.js';
import { DEFAULT_ROSTER_GAP, RosterInfeasibleError, solveRoster, type RosterAgent, type RosterOptions } from './roster.js';
import { scheduleProblems, ScheduleInputError, type GroupScheduleProblem, type ScheduleHorizon } from './scheduleScenario.js';

export { DEFAULT_ROSTER_GAP };

/** One agent's shift, as CONTRACT section 10 prints it. */
export interface RosterEntry {
  agent: string;
  /** Start day index (0 = the scenario's first day). */
  day: number;
  /** "HH:MM" on `day`. */
  start: string;
  /** "HH:MM"; on the next day when not after `start`. */
  end: string;
  /** [from, to] "HH:MM" of each break. */
  breaks: [string, string][];
  /** Extension: the template worked. */
  template: string;
  /** Extension: paid minutes (the template's length, breaks included). */
  minutes: number;
}

/** One group's coverage (CONTRACT section 10 `byGroup`), plus solve figures. */
export interface RosterGroup {
  required: number[];
  coverage: number[];
  shortfall: number[];
  /** Extension: template cost of the group's shifts. */
  cost: number;
  /** Extension: soft cost of shifts against preferences. */
  wishCost: number;
  solveMs: number;
  mipGap: number | null;
  status: 'optimal' | 'time-limit' | 'feasible';
  /** Extension: agents of the group. */
  agents: number;
  /** Extension: what the solver minimised (cost, wishes, penalised shortfall). */
  objective: number | null;
  /** Extension: the LP relaxation's optimum (only when asked, e.g. by the benchmark). */
  lpBound?: number;
}

/** Extension: an agent's week figures. */
export interface AgentWeek {
  agent: string;
  group: string;
  /** Paid minutes in each 7-day block of the horizon. */
  minutesPerWeek: number[];
  /** Days without a shift in each block. */
  daysOff: number[];
}

/** The whole roster. */
export interface ScenarioRoster {
  horizon: ScheduleHorizon;
  shifts: RosterEntry[];
  cost: number;
  byGroup: Record<string, RosterGroup>;
  /** Agents with no shift, and why. */
  unassigned: { agent: string; why: string }[];
  agents: AgentWeek[];
}

/** The scenario's agents of `group`, with their index in `agents`. */
function agentsOf(scenario: Scenario, group: string): { spec: AgentSpec; index: number }[] {
  return (scenario.agents ?? []).map((spec, index) => ({ spec, index })).filter((a) => a.spec.group === group);
}

/** Clock minutes of an availability entry as [from, to) with to > from (past midnight when not after from). */
function window(entry: readonly [string, string]): [number, number] {
  const from = parseClock(entry[0]);
  const to = parseClock(entry[1]);
  return [from, to <= from ? to + 1440 : to];
}

/** An agent in the units of the group's problem. */
function rosterAgent(scenario: Scenario, g: GroupScheduleProblem, horizon: ScheduleHorizon, spec: AgentSpec): RosterAgent {
  const slot = horizon.slotMinutes;
  const specs = new Map((scenario.shiftTemplates ?? []).map((t) => [t.id, t]));
  const wish = scenario.scheduling?.preferenceCost ?? 1;
  const avoid = new Set(spec.preferences?.avoidTemplates ?? []);
  const offWish = new Set(spec.preferences?.daysOff ?? []);
  const allowed = (template: number, day: number): boolean => {
    const t = g.problem.templates[template];
    const ts = t === undefined ? undefined : specs.get(t.id);
    if (ts === undefined) return false;
    const hours = spec.availability?.[day % 7];
    if (spec.availability === undefined) return true;
    if (hours === null || hours === undefined) return false;
    const [from, to] = window(hours);
    const start = parseClock(ts.start);
    // The shift may start after midnight inside a window opened the evening before; compare on both clocks.
    return (start >= from && start + ts.minutes <= to) || (start + 1440 >= from && start + 1440 + ts.minutes <= to);
  };
  const { id: _id, ...rules } = spec;
  return {
    id: spec.id,
    // Same rules, availability and wishes: one class for the roster's integer program.
    classKey: JSON.stringify(rules),
    slotsPerWeek: [Math.ceil(spec.minutesPerWeek[0] / slot), Math.floor(spec.minutesPerWeek[1] / slot)],
    daysOff: spec.daysOff,
    consecutiveDaysOff: spec.consecutiveDaysOff === true,
    allowed,
    ...(spec.maxWeekendsPerMonth !== undefined ? { maxWeekendsPerMonth: spec.maxWeekendsPerMonth } : {}),
    wishCost: (template, day) => {
      const id = g.problem.templates[template]?.id ?? '';
      return (offWish.has(day % 7) ? wish : 0) + (avoid.has(id) ? wish : 0);
    },
  };
}

/** Options of {@link rosterScenario}. */
export interface RosterScenarioOptions extends RosterOptions {
  onGroup?: (group: string, index: number, total: number) => void;
}

/**
 * Rosters every agent group of `scenario` that has agents or a requirement. Throws a
 * {@link ScheduleInputError} (one line, naming the field: the agent and the rule when rules
 * contradict) for a scenario that cannot be rostered as written.
 */
export async function rosterScenario(scenario: Scenario, options: RosterScenarioOptions = {}): Promise<ScenarioRoster> {
  if (scenario.agents === undefined) {
    throw new ScheduleInputError('agents: missing: ccsim roster needs the people to roster as top-level "agents": [{ "id", "group", "minutesPerWeek": [min, max], "daysOff" }]');
  }
  const built = scheduleProblems(scenario);
  const { horizon } = built;
  const n = horizon.intervals;
  const specs = new Map(built.templates.map((t) => [t.id, t]));
  const { onGroup, ...solveOptions } = options;
  const shifts: RosterEntry[] = [];
  const byGroup: [string, RosterGroup][] = [];
  const weeks = Math.ceil(horizon.days / 7);
  const worked = new Map<string, { minutes: number[]; days: Set<number> }>();
  for (const [k, g] of built.groups.entries()) {
    onGroup?.(g.group, k, built.groups.length);
    const people = agentsOf(scenario, g.group);
    const agents = people.map((p) => rosterAgent(scenario, g, horizon, p.spec));
    let solved;
    try {
      solved = await solveRoster({
        schedule: g.problem,
        agents,
        weekendDays: scenario.scheduling?.weekendDays ?? [5, 6],
        minRestSlots: Math.ceil((scenario.scheduling?.minRestMinutes ?? 0) / horizon.slotMinutes),
      }, solveOptions);
    } catch (error) {
      if (!(error instanceof RosterInfeasibleError)) throw error;
      const who = error.agent === null ? undefined : people[error.agent];
      const field = ['minutesPerWeek', 'availability', 'daysOff', 'consecutiveDaysOff', 'maxWeekendsPerMonth'].includes(error.rule) ? `.${error.rule}` : '';
      throw new ScheduleInputError(who === undefined
        ? `agentGroups[${g.index}] (${g.group}): ${error.message}`
        : `agents[${who.index}]${field}: agent ${JSON.stringify(who.spec.id)} (${ruleValues(who.spec)}): ${error.message}`);
    }
    for (const s of solved.shifts) {
      const template = g.problem.templates[s.template];
      const spec = template === undefined ? undefined : specs.get(template.id);
      const person = people[s.agent];
      if (spec === undefined || person === undefined || template === undefined) continue;
      const start = parseClock(spec.start);
      const breaks = template.breaks.map((b, j): [string, string] => {
        const at = start + (s.breakStarts[j] ?? b.earliest) * horizon.slotMinutes;
        return [formatClock(at), formatClock(at + b.length * horizon.slotMinutes)];
      });
      shifts.push({ agent: person.spec.id, day: s.day, start: formatClock(start), end: formatClock(start + spec.minutes), breaks, template: spec.id, minutes: spec.minutes });
      const w = worked.get(person.spec.id) ?? { minutes: new Array<number>(weeks).fill(0), days: new Set<number>() };
      w.minutes[Math.floor(s.day / 7)] = (w.minutes[Math.floor(s.day / 7)] ?? 0) + spec.minutes;
      w.days.add(s.day);
      worked.set(person.spec.id, w);
    }
    byGroup.push([g.group, {
      required: solved.coverage.required.slice(0, n),
      coverage: solved.coverage.coverage.slice(0, n),
      shortfall: solved.coverage.shortfall.slice(0, n),
      cost: tidy(solved.cost),
      wishCost: tidy(solved.wishCost),
      solveMs: solved.solveMs,
      mipGap: solved.mipGap,
      status: solved.status,
      agents: people.length,
      objective: solved.objective === null ? null : tidy(solved.objective),
      ...(solved.lpBound !== undefined ? { lpBound: tidy(solved.lpBound) } : {}),
    }]);
  }
  const shortGroups = new Set(byGroup.filter(([, g]) => g.shortfall.some((x) => x > 0)).map(([id]) => id));
  const unassigned = (scenario.agents ?? []).filter((a) => !worked.has(a.id))
    .map((a) => ({ agent: a.id, why: whyIdle(scenario, built.groups, horizon, a, shortGroups.has(a.group)) }));
  const agents = (scenario.agents ?? []).map((a): AgentWeek => {
    const w = worked.get(a.id);
    return {
      agent: a.id,
      group: a.group,
      minutesPerWeek: w?.minutes ?? new Array<number>(weeks).fill(0),
      daysOff: Array.from({ length: weeks }, (_, k) => {
        const days = Math.min(7, horizon.days - 7 * k);
        let off = 0;
        for (let d = 7 * k; d < 7 * k + days; d += 1) if (w?.days.has(d) !== true) off += 1;
        return off;
      }),
    };
  });
  const cost = tidy(byGroup.reduce((sum, [, g]) => sum + g.cost, 0));
  return { horizon, shifts, cost, byGroup: Object.fromEntries(byGroup), unassigned, agents };
}

/** The agent's hard rules, for a message. */
function ruleValues(a: AgentSpec): string {
  const parts = [`minutesPerWeek [${a.minutesPerWeek.join(', ')}]`, `daysOff ${a.daysOff}`];
  if (a.consecutiveDaysOff === true) parts.push('consecutiveDaysOff');
  if (a.availability !== undefined) parts.push(`availability ${a.availability.map((d) => (d === null ? '-' : d.join('-'))).join(' ')}`);
  if (a.maxWeekendsPerMonth !== undefined) parts.push(`maxWeekendsPerMonth ${a.maxWeekendsPerMonth}`);
  return parts.join('; ');
}

function whyIdle(scenario: Scenario, groups: readonly GroupScheduleProblem[], horizon: ScheduleHorizon, a: AgentSpec, short: boolean): string {
  const g = groups.find((x) => x.group === a.group);
  if (g === undefined || g.problem.templates.length === 0) return `no shift template is open to group ${a.group}`;
  const agent = rosterAgent(scenario, g, horizon, a);
  let fits = false;
  g.problem.templates.forEach((t, k) => {
    for (const d of t.days) if (d >= 0 && d < horizon.days && agent.allowed(k, d)) fits = true;
  });
  if (!fits) return `no shift of group ${a.group} fits their availability`;
  const shortest = Math.min(...g.problem.templates.map((t) => t.length * horizon.slotMinutes));
  if (shortest > a.minutesPerWeek[1]) return `minutesPerWeek max ${a.minutesPerWeek[1]} is shorter than any shift of group ${a.group} (${shortest} minutes)`;
  if (short) return 'no shift they may work meets a remaining shortfall (and their minutesPerWeek minimum is 0)';
  return 'not needed: the requirement is covered without them (their minutesPerWeek minimum is 0)';
}

/** Rounds away float noise from sums of decimal costs. */
function tidy(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** The roster CSV (CONTRACT section 10): `agent,day,start,end,breaks`, one row per shift. */
export function rosterCsv(roster: Pick<ScenarioRoster, 'shifts'>): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = roster.shifts.map((s) => [quote(s.agent), String(s.day), s.start, s.end, s.breaks.map(([a, b]) => `${a}-${b}`).join(';')].join(','));
  return `agent,day,start,end,breaks\n${rows.map((r) => `${r}\n`).join('')}`;
}

/**
 * `scenario` with each rostered group's `staff` replaced by the roster as `shifts`: one entry per
 * template and day, its agents grouped by break starts (`breakGroups`), shrinkage kept. A group
 * without shifts gets `staff: 0`.
 */
export function rosteredScenario(scenario: Scenario, roster: Pick<ScenarioRoster, 'shifts'>): Scenario {
  const templates = new Map((scenario.shiftTemplates ?? []).map((t) => [t.id, t]));
  const groupOf = new Map((scenario.agents ?? []).map((a) => [a.id, a.group]));
  const agentGroups = scenario.agentGroups.map((g): AgentGroupSpec => {
    const mine = roster.shifts.filter((s) => groupOf.get(s.agent) === g.id);
    const { staff: _staff, shifts: _shifts, ...rest } = g;
    const byShift = new Map<string, RosterEntry[]>();
    for (const s of mine) byShift.set(`${s.day}|${s.template}`, [...(byShift.get(`${s.day}|${s.template}`) ?? []), s]);
    const shifts: ShiftSpec[] = [...byShift.values()].map((list) => {
      const first = list[0] as RosterEntry;
      const t = templates.get(first.template);
      const start = parseClock(first.start);
      const groups = new Map<string, { count: number; breaks: { offsetMinutes: number; minutes: number }[] }>();
      for (const s of list) {
        const breaks = s.breaks.map(([a, b]) => {
          const from = (parseClock(a) - start + 1440) % 1440;
          return { offsetMinutes: from, minutes: (parseClock(b) - parseClock(a) + 1440) % 1440 };
        });
        const key = JSON.stringify(breaks);
        const entry = groups.get(key) ?? { count: 0, breaks };
        entry.count += 1;
        groups.set(key, entry);
      }
      const base = { start: first.start, minutes: t?.minutes ?? first.minutes, count: list.length, day: first.day };
      const placements = [...groups.values()];
      const only = placements.length === 1 ? placements[0] : undefined;
      if (only !== undefined) return only.breaks.length > 0 ? { ...base, breaks: only.breaks } : base;
      return { ...base, breakGroups: placements.map((bg) => (bg.breaks.length > 0 ? bg : { count: bg.count })) };
    });
    return shifts.length > 0 ? { ...rest, shifts } : { ...rest, staff: 0 };
  });
  return { ...scenario, agentGroups };
}
