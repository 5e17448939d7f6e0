import type { StaffPlan } from './config.js';

/** A shift in seconds relative to the start of interval 0 (its start may be negative). */
export interface ShiftTimes {
  readonly start: number;
  readonly length: number;
  /** Agents present (after shrinkage). */
  readonly count: number;
  /** Breaks: `offset` seconds after the shift start, `length` seconds long. */
  readonly breaks: readonly { readonly offset: number; readonly length: number }[];
}

/** Staff per interval as a plan: a change at every interval boundary (warm-up: interval 0's). */
export function intervalStaffPlan(staff: readonly number[], warmupSeconds: number, intervalSeconds: number): StaffPlan {
  return compress(staff.map((level, i) => [i === 0 ? 0 : warmupSeconds + i * intervalSeconds, level]));
}

/**
 * The agents due by shift over time: +count at each shift start, -count at its end, and -count
 * / +count around each break. Changes at or before the start of interval 0 make the warm-up's
 * level (staff of interval 0); changes at or after the end of the last interval are dropped (the
 * last staff stays until the queues are empty).
 */
export function shiftStaffPlan(shifts: readonly ShiftTimes[], warmupSeconds: number, horizonSeconds: number): StaffPlan {
  const deltas = new Map<number, number>();
  const add = (rel: number, by: number) => {
    if (rel >= horizonSeconds) return;
    const at = rel <= 0 ? 0 : warmupSeconds + rel;
    deltas.set(at, (deltas.get(at) ?? 0) + by);
  };
  for (const s of shifts) {
    if (s.count === 0) continue;
    add(s.start, s.count);
    add(s.start + s.length, -s.count);
    for (const b of s.breaks) {
      add(s.start + b.offset, -s.count);
      add(s.start + b.offset + b.length, s.count);
    }
  }
  deltas.set(0, deltas.get(0) ?? 0);
  let level = 0;
  const steps = [...deltas.entries()].sort((a, b) => a[0] - b[0]).map(([t, d]): [number, number] => [t, (level += d)]);
  return compress(steps);
}

/** The level in force at the end of the plan (the staff that stays after the last interval). */
export function finalLevel(plan: StaffPlan): number {
  return plan.levels[plan.levels.length - 1] ?? 0;
}

/** Drops steps that do not change the level. */
function compress(steps: readonly (readonly [number, number])[]): StaffPlan {
  const times: number[] = [];
  const levels: number[] = [];
  for (const [t, level] of steps) {
    if (levels.length > 0 && levels[levels.length - 1] === level) continue;
    times.push(t);
    levels.push(level);
  }
  return { times, levels };
}

/**
 * The plan's time-weighted mean level over [from, to) (seconds on the simulation clock): the
 * staff of an interval for `staff` arrays, and the agents due on average, breaks and shift ends
 * included, for shifts.
 */
export function meanLevel(plan: StaffPlan, from: number, to: number): number {
  if (!(to > from)) return 0;
  let area = 0;
  plan.times.forEach((t, k) => {
    const end = plan.times[k + 1] ?? Infinity;
    const overlap = Math.min(end, to) - Math.max(t, from);
    if (overlap > 0) area += overlap * plan.levels[k]!;
  });
  return area / (to - from);
}

/** The lowest level the plan has anywhere in [from, to). */
export function minLevel(plan: StaffPlan, from: number, to: number): number {
  let low = Infinity;
  plan.times.forEach((t, k) => {
    const end = plan.times[k + 1] ?? Infinity;
    if (end > from && t < to) low = Math.min(low, plan.levels[k]!);
  });
  return low === Infinity ? 0 : low;
}

/**
 * The plan with at least `floor` agents at every moment of [from, to) and unchanged elsewhere
 * (`ccsim explain`'s staff counterfactual: an interval staffed up to its requirement, never below
 * what it had, breaks and shift ends included).
 */
export function raisedPlan(plan: StaffPlan, from: number, to: number, floor: number): StaffPlan {
  const cuts = [...new Set([...plan.times, from, to])].sort((a, b) => a - b);
  const levelAt = (time: number) => {
    let level = 0;
    plan.times.forEach((t, k) => {
      if (t <= time) level = plan.levels[k]!;
    });
    return level;
  };
  return compress(cuts.map((t): [number, number] => [t, t >= from && t < to ? Math.max(levelAt(t), floor) : levelAt(t)]));
}
