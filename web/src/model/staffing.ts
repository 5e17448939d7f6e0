/**
 * Staffing against requirement (pure: also used by the Node tests). A scenario's agents present
 * per group over time, from its `staff` or from its `shifts` (breaks and shrinkage applied, as the
 * simulator places them: the model's staff plan), against the analytic requirement of
 * `analyticPlan` (Erlang A where a type has patience, Erlang C where it has none), the same
 * plan as `ccsim staff --method erlang-a`. Analytic: cheap enough for the main thread.
 */
import { buildModel } from '../../../src/experiment/buildModel.js';
import type { StaffPlan } from '../../../src/model/index.js';
import { analyticPlan } from '../../../src/optimize/analyticStaffing.js';
import { staffingProblem } from '../../../src/optimize/staffingRules.js';
import type { Scenario } from '../../../src/scenario/index.js';
import { formatValue } from './format.js';

/** Agents present from `from` to `to`, minutes after the start of interval 0. */
export interface StaffSegment {
  readonly from: number;
  readonly to: number;
  readonly agents: number;
}

/** Agents present within one interval: the time average, and the fewest and most at any moment. */
export interface Present {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

export interface GroupStaffing {
  readonly id: string;
  /** Agents present over the horizon, piecewise constant (after shrinkage, on break excluded). */
  readonly segments: readonly StaffSegment[];
  readonly present: readonly Present[];
  /** Whole agents per interval: the sum of the whole-agent requirements of the types assigned here. */
  readonly required: readonly number[];
  /** The real-valued requirement per interval (sum over the assigned types). */
  readonly requiredExact: readonly number[];
  /** Contact types whose requirement counts in this group. */
  readonly types: readonly string[];
  /** Other types the group serves (their requirement counts in a more specialised group). */
  readonly alsoServes: readonly string[];
  readonly source: 'staff' | 'shifts';
  readonly shrinkage: number;
}

export interface ScenarioStaffing {
  readonly scenario: string;
  readonly intervals: number;
  readonly intervalMinutes: number;
  readonly groups: readonly GroupStaffing[];
  /** Erlang A (patience) or Erlang C (no patience), by contact type id. */
  readonly method: Readonly<Record<string, 'Erlang A' | 'Erlang C'>>;
  /** Types that no group serves (their requirement is in no chart). */
  readonly unserved: readonly string[];
}

/** More (interval x contact type) pairs than this and the page does not compute the requirement. */
export const MAX_STAFFING_PAIRS = 50_000;

/**
 * A staff plan (simulation seconds, warm-up first) as segments in minutes from the start of
 * interval 0 to the end of the horizon. The warm-up's level is interval 0's.
 */
export function planSegments(plan: StaffPlan, warmupSeconds: number, horizonMinutes: number): StaffSegment[] {
  const out: StaffSegment[] = [];
  plan.times.forEach((t, k) => {
    const from = k === 0 ? 0 : Math.max(0, (t - warmupSeconds) / 60);
    const next = plan.times[k + 1];
    const to = next === undefined ? horizonMinutes : Math.min(horizonMinutes, Math.max(0, (next - warmupSeconds) / 60));
    if (to > from) out.push({ from, to, agents: plan.levels[k] ?? 0 });
  });
  return out;
}

/** Time average, fewest and most agents present in each interval. */
export function presentPerInterval(segments: readonly StaffSegment[], intervals: number, intervalMinutes: number): Present[] {
  return Array.from({ length: intervals }, (_, i) => {
    const a = i * intervalMinutes;
    const b = a + intervalMinutes;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const s of segments) {
      const overlap = Math.min(b, s.to) - Math.max(a, s.from);
      if (overlap <= 0) continue;
      sum += overlap * s.agents;
      min = Math.min(min, s.agents);
      max = Math.max(max, s.agents);
    }
    return min === Infinity ? { mean: 0, min: 0, max: 0 } : { mean: sum / intervalMinutes, min, max };
  });
}

/** The scenario's staff against its analytic requirement, group by group. Throws on a plan it cannot compute. */
export function staffingAgainstRequirement(scenario: Scenario): ScenarioStaffing {
  const pairs = scenario.intervals * scenario.contactTypes.length;
  if (pairs > MAX_STAFFING_PAIRS) {
    throw new RangeError(`${scenario.intervals} intervals × ${scenario.contactTypes.length} contact types is more than the page computes (${MAX_STAFFING_PAIRS.toLocaleString('en-US')} pairs); use ccsim staff --method erlang-a`);
  }
  const config = buildModel(scenario);
  const plan = analyticPlan(config, staffingProblem(scenario, config), 'erlang-a');
  const n = scenario.intervals;
  const horizon = n * scenario.intervalMinutes;
  const groups = scenario.agentGroups.map((g, gi): GroupStaffing => {
    const segments = planSegments(config.groups[gi]!.staffPlan, config.warmupSeconds, horizon);
    const assigned = scenario.contactTypes.flatMap((_, t) => (plan.assignedGroup[t] === gi ? [t] : []));
    const served = new Set(config.groups[gi]!.skills.map((s) => s.type));
    return {
      id: g.id,
      segments,
      present: presentPerInterval(segments, n, scenario.intervalMinutes),
      required: [...plan.staff[gi]!],
      requiredExact: Array.from({ length: n }, (_, i) => assigned.reduce((sum, t) => sum + (plan.requiredExact[t]![i] ?? 0), 0)),
      types: assigned.map((t) => scenario.contactTypes[t]!.id),
      alsoServes: scenario.contactTypes.flatMap((c, t) => (served.has(t) && !assigned.includes(t) ? [c.id] : [])),
      source: g.shifts === undefined ? 'staff' : 'shifts',
      shrinkage: g.shrinkage ?? 0,
    };
  });
  const method: Record<string, 'Erlang A' | 'Erlang C'> = {};
  for (const t of scenario.contactTypes) method[t.id] = t.patience === undefined ? 'Erlang C' : 'Erlang A';
  return {
    scenario: scenario.name,
    intervals: n,
    intervalMinutes: scenario.intervalMinutes,
    groups,
    method,
    unserved: scenario.contactTypes.flatMap((t, i) => (plan.assignedGroup[i] === -1 ? [t.id] : [])),
  };
}

/** Every group together: agents present summed over groups, requirements summed. */
export function totalOfGroups(s: ScenarioStaffing): GroupStaffing {
  const cuts = [...new Set(s.groups.flatMap((g) => g.segments.flatMap((seg) => [seg.from, seg.to])))].sort((a, b) => a - b);
  const level = (g: GroupStaffing, t: number) => g.segments.find((seg) => seg.from <= t && t < seg.to)?.agents ?? 0;
  const segments: StaffSegment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    const agents = s.groups.reduce((sum, g) => sum + level(g, from), 0);
    const last = segments[segments.length - 1];
    if (last !== undefined && last.agents === agents && last.to === from) segments[segments.length - 1] = { ...last, to };
    else segments.push({ from, to, agents });
  }
  const sum = (pick: (g: GroupStaffing) => readonly number[]) => Array.from({ length: s.intervals }, (_, i) => s.groups.reduce((a, g) => a + (pick(g)[i] ?? 0), 0));
  return {
    id: 'all groups',
    segments,
    present: presentPerInterval(segments, s.intervals, s.intervalMinutes),
    required: sum((g) => g.required),
    requiredExact: sum((g) => g.requiredExact),
    types: s.groups.flatMap((g) => g.types),
    alsoServes: [],
    source: s.groups.some((g) => g.source === 'shifts') ? 'shifts' : 'staff',
    shrinkage: 0,
  };
}

/** One scenario's panel in a group's chart. */
export interface StaffingPanel {
  /** The scenario's label. */
  readonly label: string;
  readonly colour: string;
  /** This group in that scenario (null: the scenario has no such group). */
  readonly group: GroupStaffing | null;
}

const agents = (x: number) => `${Number.isInteger(x) ? x : x.toFixed(1)} agent${x === 1 ? '' : 's'}`;
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${agents(Math.abs(x))}`;

/** The lines of one panel in the tooltip of interval i. */
export function staffingTooltipLines(panel: StaffingPanel, i: number, method: string): string[] {
  const g = panel.group;
  if (g === null) return [panel.label, '   no such group in this scenario'];
  const p = g.present[i];
  const required = g.required[i];
  const exact = g.requiredExact[i];
  if (p === undefined || required === undefined || exact === undefined) return [panel.label, '   outside this scenario’s intervals'];
  const staff = p.min === p.max ? `Staff: ${agents(p.mean)}` : `Staff: ${p.mean.toFixed(1)} agents on average (${p.min} to ${p.max} as shifts and breaks change)`;
  const gap = p.mean - required;
  const low = p.min - required;
  const gapText = gap < 0 || low < 0 ? `Short: ${signed(gap)}${p.min !== p.max ? ` on average, ${signed(low)} at the lowest` : ''}` : gap === 0 ? 'Exactly the requirement' : `Above the requirement: ${signed(gap)}`;
  return [panel.label, `   ${staff}`, `   Required (${method}): ${agents(required)} (${exact.toFixed(2)} real-valued)`, `   ${gapText}`];
}

/** One line per panel: agent hours staffed and required, and the intervals short of the requirement. */
export function staffingSummary(g: GroupStaffing, intervalMinutes: number): { text: string; shortIntervals: number } {
  const hours = (xs: readonly number[]) => formatValue((xs.reduce((a, b) => a + b, 0) * intervalMinutes) / 60, 'count');
  const shortIntervals = g.present.filter((p, i) => p.min < (g.required[i] ?? 0)).length;
  const n = g.present.length;
  return {
    text: `${hours(g.present.map((p) => p.mean))} agent h staffed, ${hours(g.required)} required · short in ${shortIntervals} of ${n} interval${n === 1 ? '' : 's'}`,
    shortIntervals,
  };
}
