/**
 * Simulation-based staffing search over an injected `evaluate(staffing)`: it cannot tell a
 * worker pool from a thread, nor a simulator from a formula.
 *
 * Method: a simulation-optimisation local search in the spirit of Cezik and L'Ecuyer (2008,
 * "Staffing multiskill call centers via linear programming and simulation", Management Science
 * 54(2)) and of the iterative staffing algorithm of Feldman, Mandelbaum, Massey and Whitt (2008,
 * "Staffing of time-varying queues to achieve time-stable performance", Management Science 54(2)),
 * which also re-simulates the whole day with the current staffing and corrects each interval
 * from what the simulation measured. Every candidate is simulated with the same seed (common
 * random numbers), so comparisons between candidates are not blurred by noise.
 *
 * 1. Up: simulate; for every (type, interval) missing a target, add agents in that interval to
 *    the cheapest group that serves the type (more for larger misses); for every (group,
 *    interval) above its occupancy limit, add to that group. Repeat until all targets are met.
 * 2. Down: bisect every (group, interval) between the last staffing known to miss and the
 *    current one: move all of them to the midpoint at once, simulate, and send back up the cells
 *    (group, interval) behind each new miss (its interval and the next, whose queue it may be).
 * The cheapest plan that met every target is kept.
 */

/** What the search may change and what it must achieve. */
export interface StaffingProblem {
  readonly intervals: number;
  readonly groups: readonly { readonly id: string; readonly costPerHour: number; readonly maxOccupancy?: number }[];
  readonly types: readonly {
    readonly id: string;
    /** Indices of the groups that serve this type, cheapest first is not required. */
    readonly groups: readonly number[];
    readonly slTarget: number;
    readonly maxAbandonRate?: number;
    readonly maxAsa?: number;
  }[];
  /** Starting staff, group x interval. */
  readonly initial: readonly (readonly number[])[];
}

/** What a simulation of one staffing measured (means across replications; null: undefined). */
export interface StaffingEvaluation {
  /** type x interval */
  readonly serviceLevel: readonly (readonly (number | null)[])[];
  readonly abandonRate: readonly (readonly (number | null)[])[];
  readonly asa: readonly (readonly (number | null)[])[];
  /** group x interval */
  readonly occupancy: readonly (readonly (number | null)[])[];
}

export type Evaluate = (staff: readonly (readonly number[])[]) => Promise<StaffingEvaluation>;

export interface StaffingSearchOptions {
  /** Simulations at most (default 60). */
  readonly maxEvaluations?: number;
  /** Occupancy margin below a group's limit before its agents are taken away (default 0.02). */
  readonly removalMargin?: number;
  readonly onStep?: (step: { evaluations: number; phase: 'up' | 'down'; cost: number; misses: number }) => void;
}

export interface StaffingSearchResult {
  readonly staff: number[][];
  /** Cost of `staff` in the problem's units: sum of staff x costPerHour x hours per interval (hours factored out). */
  readonly cost: number;
  readonly evaluations: number;
  /** Every target met (by the search's own evaluation) by `staff`. */
  readonly met: boolean;
  /** (type, interval) pairs missing a target in the last evaluation of `staff`. */
  readonly misses: number;
}

/** Cost of a staffing: agent-intervals weighted by each group's cost per hour. */
export function staffingCost(problem: StaffingProblem, staff: readonly (readonly number[])[]): number {
  return staff.reduce((sum, row, g) => sum + row.reduce((a, b) => a + b, 0) * problem.groups[g]!.costPerHour, 0);
}

interface Miss {
  readonly type: number;
  readonly interval: number;
  /** How far below target the service level is (0 when only another target is missed). */
  readonly slGap: number;
}

function misses(problem: StaffingProblem, e: StaffingEvaluation): { typeMisses: Miss[]; occupancyMisses: [number, number][] } {
  const typeMisses: Miss[] = [];
  problem.types.forEach((t, ti) => {
    for (let i = 0; i < problem.intervals; i++) {
      const sl = e.serviceLevel[ti]?.[i] ?? null;
      const ab = e.abandonRate[ti]?.[i] ?? null;
      const asa = e.asa[ti]?.[i] ?? null;
      const slGap = sl === null ? 0 : Math.max(0, t.slTarget - sl);
      const bad = slGap > 0 || (t.maxAbandonRate !== undefined && ab !== null && ab > t.maxAbandonRate) || (t.maxAsa !== undefined && asa !== null && asa > t.maxAsa);
      if (bad) typeMisses.push({ type: ti, interval: i, slGap });
    }
  });
  const occupancyMisses: [number, number][] = [];
  problem.groups.forEach((g, gi) => {
    if (g.maxOccupancy === undefined) return;
    for (let i = 0; i < problem.intervals; i++) {
      const occ = e.occupancy[gi]?.[i] ?? null;
      if (occ !== null && occ > g.maxOccupancy) occupancyMisses.push([gi, i]);
    }
  });
  return { typeMisses, occupancyMisses };
}

/** The group to grow for a type: the cheapest that serves it, then the one serving fewest types. */
function groupFor(problem: StaffingProblem, type: number): number {
  const servedBy = (g: number) => problem.types.filter((t) => t.groups.includes(g)).length;
  return [...problem.types[type]!.groups].sort(
    (a, b) => problem.groups[a]!.costPerHour - problem.groups[b]!.costPerHour || servedBy(a) - servedBy(b) || a - b,
  )[0]!;
}

export async function searchStaffing(problem: StaffingProblem, evaluate: Evaluate, options: StaffingSearchOptions = {}): Promise<StaffingSearchResult> {
  const maxEvaluations = options.maxEvaluations ?? 60;
  const margin = options.removalMargin ?? 0.02;
  let staff = problem.initial.map((row) => [...row]);
  let evaluations = 0;
  let best: { staff: number[][]; cost: number } | null = null;
  let lastMisses = Infinity;

  const run = async (phase: 'up' | 'down') => {
    const e = await evaluate(staff);
    evaluations++;
    const m = misses(problem, e);
    const count = m.typeMisses.length + m.occupancyMisses.length;
    const cost = staffingCost(problem, staff);
    if (count === 0 && (best === null || cost < best.cost)) best = { staff: staff.map((r) => [...r]), cost };
    options.onStep?.({ evaluations, phase, cost, misses: count });
    return { e, m, count };
  };

  // Up: add agents where targets are missed.
  let state = await run('up');
  while (state.count > 0 && evaluations < maxEvaluations) {
    const add = new Map<string, number>();
    for (const miss of state.m.typeMisses) {
      const g = groupFor(problem, miss.type);
      const current = staff[g]![miss.interval]!;
      // Far below target: grow by a share of the staff; near it: one agent.
      const step = Math.max(1, Math.ceil(current * Math.min(0.25, miss.slGap)));
      const key = `${g}:${miss.interval}`;
      add.set(key, Math.max(add.get(key) ?? 0, step));
    }
    for (const [g, i] of state.m.occupancyMisses) {
      const key = `${g}:${i}`;
      add.set(key, Math.max(add.get(key) ?? 0, 1));
    }
    for (const [key, n] of add) {
      const [g, i] = key.split(':').map(Number) as [number, number];
      staff[g]![i]! += n;
    }
    state = await run('up');
  }
  lastMisses = state.count;

  // Down: per (group, interval) bisection between the last staffing known to miss (lo) and the
  // current one, which meets every target. All open cells move at once; a miss sends back up the
  // lowered cells whose groups serve the type that missed, in its interval (else in the next).
  const lo = staff.map((row) => row.map(() => -1));
  const open = (g: number, i: number) => staff[g]![i]! - lo[g]![i]! > 1;
  while (state.count === 0 && evaluations < maxEvaluations) {
    const trial: [number, number, number][] = [];
    problem.groups.forEach((group, g) => {
      for (let i = 0; i < problem.intervals; i++) {
        if (!open(g, i)) continue;
        const occ = state.e.occupancy[g]?.[i] ?? null;
        if (group.maxOccupancy !== undefined && occ !== null && occ >= group.maxOccupancy - margin / 2) continue;
        const from = staff[g]![i]!;
        const to = Math.max(lo[g]![i]! + 1, Math.floor((from + lo[g]![i]!) / 2));
        trial.push([g, i, from]);
        staff[g]![i] = to;
      }
    });
    if (trial.length === 0) break;
    const result = await run('down');
    if (result.count === 0) {
      state = result;
      continue;
    }
    // A miss is blamed on the cells just lowered that serve its type in its interval; if none
    // was, on those of the next interval (its contacts may still be waiting when it starts).
    const lowered = new Set(trial.map(([g, i]) => `${g}:${i}`));
    const bad = new Set<string>();
    for (const m of result.m.typeMisses) {
      const groups = problem.types[m.type]!.groups;
      const own = groups.map((g) => `${g}:${m.interval}`).filter((k) => lowered.has(k));
      const next = groups.map((g) => `${g}:${m.interval + 1}`).filter((k) => lowered.has(k));
      for (const k of own.length > 0 ? own : next) bad.add(k);
    }
    for (const [g, i] of result.m.occupancyMisses) bad.add(`${g}:${i}`);
    for (const [g, i, from] of trial) {
      if (bad.has(`${g}:${i}`)) {
        lo[g]![i] = staff[g]![i]!;
        staff[g]![i] = from;
      }
    }
    state = await run('down');
    if (state.count > 0) break; // interactions made it fail elsewhere: keep the best plan found
  }
  const chosen: { staff: number[][]; cost: number } = best ?? { staff, cost: staffingCost(problem, staff) };
  staff = chosen.staff;
  return { staff, cost: chosen.cost, evaluations, met: best !== null, misses: best !== null ? 0 : lastMisses };
}
