/**
 * The rest of the day as a scenario of its own (CONTRACT section 7): the intervals from `--now`
 * on, no warm-up, and the state of now as its `initialState`. Simulating it is an ordinary run, so
 * worker threads, common random numbers between what-ifs and every output work unchanged.
 */
import type { Scenario } from '../scenario/index.js';
import { formatClock, parseClock } from '../scenario/values.js';
import { StateError, type IntradayState } from './state.js';

const sliced = <T>(value: T | readonly T[], from: number): T | T[] => (Array.isArray(value) ? value.slice(from) : (value as T));

/**
 * `scenario` from interval `state.nowInterval` on: per-interval arrays (volume, handle time,
 * staff, minStaff, maxStaff) cut, `start` moved to now, warm-up 0, the waiting and in-hand
 * contacts as `initialState`. Shifts keep their clock times (they are placed from the new start).
 * A staff count given in the state replaces a group's staff in the first interval; for a group
 * staffed by shifts that is refused (edit the shifts instead), unless it equals the plan.
 */
export function scenarioFromNow(scenario: Scenario, state: IntradayState): Scenario {
  const k = state.nowInterval;
  const issues: { path: string; message: string }[] = [];
  const waiting: Record<string, number[]> = {};
  scenario.contactTypes.forEach((t, ti) => {
    if (state.waiting[ti]!.length > 0) waiting[t.id] = [...state.waiting[ti]!];
  });
  const inService: Record<string, Record<string, number[]>> = {};
  scenario.agentGroups.forEach((g, gi) => {
    scenario.contactTypes.forEach((t, ti) => {
      const list = state.inService[gi]![ti]!;
      if (list.length > 0) (inService[g.id] ??= {})[t.id] = [...list];
    });
  });
  const agentGroups = scenario.agentGroups.map((g, gi) => {
    const next = { ...g };
    if (g.staff !== undefined) {
      const staff = Array.isArray(g.staff) ? g.staff.slice(k) : new Array<number>(scenario.intervals - k).fill(g.staff);
      staff[0] = state.staff[gi]!;
      next.staff = staff;
    } else if (state.staff[gi] !== state.plannedStaff[gi]) {
      issues.push({ path: `staff.${g.id}`, message: `group ${g.id} is staffed by shifts: change its shifts in the scenario instead of its staff now` });
    }
    if (g.minStaff !== undefined) next.minStaff = sliced(g.minStaff, k);
    if (g.maxStaff !== undefined) next.maxStaff = sliced(g.maxStaff, k);
    return next;
  });
  if (issues.length > 0) throw new StateError(issues);
  const { forecast: _merged, ...rest } = scenario;
  return {
    ...rest,
    intervals: scenario.intervals - k,
    start: formatClock(parseClock(scenario.start) + k * scenario.intervalMinutes),
    warmupMinutes: 0,
    contactTypes: scenario.contactTypes.map((t) => ({ ...t, volume: sliced(t.volume, k), handleTime: sliced(t.handleTime, k) })),
    agentGroups,
    initialState: { waiting, inService },
  };
}
