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
 *    the group {@link growthGroup} picks among those that can move the missed figure (more for
 *    larger misses, then as many as the last step's measured effect says); for every (group,
 *    interval) above its occupancy limit, add to that group. A group whose agents did not move
 *    the miss (no gain, or a gain so small that meeting the target would take more agents than
 *    every group serving the type has there) is ruled out for it, and the next group is tried;
 *    a miss no group can fix (all ruled out, or at `maxStaff`, or at the runaway ceiling) is
 *    given up and reported, and its groups' cells are kept where they are.
 * 2. Down: lower every (group, interval) by 1, 2, 4 ... agents until a step misses, then bisect
 *    between that staffing and the last one that met: move all of them at once, simulate, and
 *    send back up the cells (group, interval) behind each new miss (its interval and the next,
 *    whose queue it may be), except groups found not to move that miss.
 * The cheapest plan that met every target not given up is kept. The search never runs more than
 * `maxEvaluations` simulations, and says so when that ended it.
 */
import { growthGroup, helpfulServers, missedTargets, severity, type StaffingProblem, type TargetMiss } from './staffingRules.js';

/** What a simulation of one staffing measured (means across replications; null: undefined). */
/**
 * What the search reads of a simulated candidate, straight from the reducer (RunFigures): type
 * figures at `type * intervals + interval`, group figures at `group * intervals + interval`, NaN
 * where undefined (no contacts).
 */
export interface StaffingEvaluation {
  readonly serviceLevel: Float64Array;
  readonly abandonRate: Float64Array;
  readonly asa: Float64Array;
  readonly occupancy: Float64Array;
}

const orNull = (x: number | undefined): number | null => (x === undefined || Number.isNaN(x) ? null : x);

/** The measured figures of (type, interval) as the target test reads them. */
export function measuredAt(e: StaffingEvaluation, at: number): { serviceLevel: number | null; abandonRate: number | null; asa: number | null } {
  return { serviceLevel: orNull(e.serviceLevel[at]), abandonRate: orNull(e.abandonRate[at]), asa: orNull(e.asa[at]) };
}

export type Evaluate = (staff: readonly (readonly number[])[]) => Promise<StaffingEvaluation>;

export interface SearchStep {
  readonly evaluations: number;
  readonly phase: 'up' | 'down';
  readonly cost: number;
  readonly misses: number;
}

export interface StaffingSearchOptions {
  /** Simulations at most (default {@link DEFAULT_MAX_EVALUATIONS}). */
  readonly maxEvaluations?: number;
  /** Occupancy margin below a group's limit before its agents are taken away (default 0.02). */
  readonly removalMargin?: number;
  /**
   * Most agents the search gives a group in an interval when it has no `maxStaff` there, against
   * a runaway: group x interval (default: none).
   */
  readonly ceiling?: readonly (readonly number[])[];
  /**
   * The analytic requirement, type x interval (agents). A group's effect on a miss is judged only
   * once the type's groups that can help have at least that many agents there: below it an
   * overloaded queue answers almost nothing in time however many agents join, until its staff
   * passes the load.
   */
  readonly required: readonly (readonly number[])[];
  readonly onStep?: (step: SearchStep) => void;
}

/** Simulations a search may run unless told otherwise. */
export const DEFAULT_MAX_EVALUATIONS = 40;

/** Why a (type, interval) miss was given up. */
export type GiveUpReason = 'max-staff' | 'no-effect' | 'no-group-in-time' | 'ceiling';

export interface GivenUp {
  readonly type: number;
  readonly interval: number;
  readonly reason: GiveUpReason;
  /** The groups it was tried on (grown until they stopped helping or reached their limit). */
  readonly groups: readonly number[];
}

export interface StaffingSearchResult {
  readonly staff: number[][];
  /** Cost of `staff` in the problem's units: sum of staff x costPerHour x hours per interval (hours factored out). */
  readonly cost: number;
  readonly evaluations: number;
  /** True when the evaluation budget ended the search before it was done. */
  readonly budgetExhausted: boolean;
  /** Every target not given up met (by the search's own evaluation) by `staff`. */
  readonly met: boolean;
  /** (type, interval) pairs missing a target in the last evaluation of `staff`, given-up ones included. */
  readonly misses: number;
  readonly givenUp: readonly GivenUp[];
  /** Per type, interval and group: true where the group was found not to move the type's miss. */
  readonly ruledOut: (type: number, interval: number, group: number) => boolean;
}

/** Cost of a staffing: agent-intervals weighted by each group's cost per hour. */
export function staffingCost(problem: StaffingProblem, staff: readonly (readonly number[])[]): number {
  return staff.reduce((sum, row, g) => sum + row.reduce((a, b) => a + b, 0) * problem.groups[g]!.costPerHour, 0);
}

interface Misses {
  /** pair index (type x intervals + interval) -> how it misses */
  readonly types: Map<number, TargetMiss>;
  /** cell index (group x intervals + interval) */
  readonly occupancy: number[];
}

function missesOf(problem: StaffingProblem, e: StaffingEvaluation): Misses {
  const n = problem.intervals;
  const types = new Map<number, TargetMiss>();
  problem.types.forEach((t, ti) => {
    for (let i = 0; i < n; i++) {
      const miss = missedTargets(t.targets, measuredAt(e, ti * n + i));
      if (miss !== null) types.set(ti * n + i, miss);
    }
  });
  const occupancy: number[] = [];
  problem.groups.forEach((g, gi) => {
    if (g.maxOccupancy === undefined) return;
    for (let i = 0; i < n; i++) {
      const occ = orNull(e.occupancy[gi * n + i]);
      if (occ !== null && occ > g.maxOccupancy) occupancy.push(gi * n + i);
    }
  });
  return { types, occupancy };
}

/** The last agents added for a miss, to judge their effect on the next evaluation. */
interface Growth {
  readonly group: number;
  readonly added: number;
  /** The miss's severity before, and whether it was a service-level miss. */
  readonly before: number;
  readonly sl: boolean;
}

export async function searchStaffing(
  problem: StaffingProblem,
  initial: readonly (readonly number[])[],
  evaluate: Evaluate,
  options: StaffingSearchOptions,
): Promise<StaffingSearchResult> {
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const margin = options.removalMargin ?? 0.02;
  const n = problem.intervals;
  const G = problem.groups.length;
  const floor = (g: number, i: number) => problem.groups[g]!.minStaff[i]!;
  const cap = (g: number, i: number) => Math.min(problem.groups[g]!.maxStaff[i]!, options.ceiling?.[g]?.[i] ?? Infinity);
  let staff = initial.map((row, g) => row.map((x, i) => Math.min(Math.max(x, floor(g, i)), Math.max(floor(g, i), cap(g, i)))));
  let evaluations = 0;
  let best: { staff: number[][]; cost: number } | null = null;

  const ruledOut = new Uint8Array(problem.types.length * n * G);
  const isRuledOut = (t: number, i: number, g: number) => ruledOut[(t * n + i) * G + g] === 1;
  const givenUp = new Map<number, GivenUp>();
  /** Cells kept as they are by the down phase: the groups of a miss that was given up. */
  const frozen = new Uint8Array(G * n);

  // A miss counts unless it was given up; occupancy misses at the group's cap are given up too.
  const active = (m: Misses) => [...m.types.keys()].filter((p) => !givenUp.has(p)).length + m.occupancy.filter((c) => staff[Math.floor(c / n)]![c % n]! < cap(Math.floor(c / n), c % n)).length;

  /** Keeps the current staffing when it meets every target not given up and is the cheapest so far. */
  const consider = (count: number) => {
    const cost = staffingCost(problem, staff);
    if (count === 0 && (best === null || cost < best.cost)) best = { staff: staff.map((r) => [...r]), cost };
    return cost;
  };
  const run = async (phase: 'up' | 'down') => {
    const e = await evaluate(staff);
    evaluations++;
    const m = missesOf(problem, e);
    const count = active(m);
    const cost = consider(count);
    options.onStep?.({ evaluations, phase, cost, misses: m.types.size + m.occupancy.length });
    return { e, m, count };
  };

  const giveUp = (t: number, i: number, reason: GiveUpReason) => {
    const groups = problem.types[t]!.servers.map((s) => s.group).filter((g, k, all) => all.indexOf(g) === k);
    const tried = groups.filter((g) => staff[g]![i]! > initial[g]![i]! || isRuledOut(t, i, g) || staff[g]![i]! >= cap(g, i));
    givenUp.set(t * n + i, { type: t, interval: i, reason, groups: tried });
    for (const g of groups) if (!isRuledOut(t, i, g)) frozen[g * n + i] = 1;
  };

  // Up: add agents where targets are missed.
  const growth = new Map<number, Growth>();
  let state = await run('up');
  while (state.count > 0 && evaluations < maxEvaluations) {
    const add = new Float64Array(G * n);
    for (const [pair, miss] of state.m.types) {
      if (givenUp.has(pair)) continue;
      const t = Math.floor(pair / n);
      const i = pair % n;
      const type = problem.types[t]!;
      const now = severity(miss);
      // Judge the agents added for this miss last time: no gain, or one so small that closing the
      // gap would take more agents than the type's groups have there, rules that group out.
      const helpful = helpfulServers(type, miss);
      const last = growth.get(pair);
      let step: number | null = null;
      if (last !== undefined && last.sl === miss.slGap > 0) {
        const gain = (last.before - now) / last.added;
        const present = helpful.reduce((sum, s) => sum + (isRuledOut(t, i, s.group) ? 0 : staff[s.group]![i]!), 0);
        const judged = present >= (options.required[t]?.[i] ?? 0);
        if (judged && (!(gain > 0) || now / gain > Math.max(5, present))) ruledOut[(t * n + i) * G + last.group] = 1;
        else step = gain > 0 ? Math.ceil(Math.min(now / gain, 2 * last.added)) : 2 * last.added;
      }
      const servers = helpful.filter((s) => !isRuledOut(t, i, s.group) && staff[s.group]![i]! < cap(s.group, i));
      const g = growthGroup(problem, servers);
      if (g === undefined) {
        const reason: GiveUpReason =
          helpful.length === 0
            ? 'no-group-in-time'
            : helpful.every((s) => isRuledOut(t, i, s.group))
              ? 'no-effect'
              : helpful.some((s) => !isRuledOut(t, i, s.group) && staff[s.group]![i]! >= problem.groups[s.group]!.maxStaff[i]!)
                ? 'max-staff'
                : 'ceiling';
        giveUp(t, i, reason);
        growth.delete(pair);
        continue;
      }
      if (step === null || last?.group !== g) {
        // Square-root staffing: the service level moves with (agents - load) / sqrt(load), so a
        // gap of x points needs about 4·x·sqrt(agents) more (at most a quarter of them).
        const base = Math.max(staff[g]![i]!, type.servers.reduce((sum, s) => sum + staff[s.group]![i]!, 0), options.required[t]?.[i] ?? 0);
        step = Math.max(1, Math.ceil(Math.min(0.25 * base, 4 * now * Math.sqrt(base))));
      }
      step = Math.max(1, Math.min(step, cap(g, i) - staff[g]![i]!));
      add[g * n + i] = Math.max(add[g * n + i]!, step);
      growth.set(pair, { group: g, added: step, before: now, sl: miss.slGap > 0 });
    }
    for (const cell of state.m.occupancy) {
      const g = Math.floor(cell / n);
      if (staff[g]![cell % n]! < cap(g, cell % n)) add[cell] = Math.max(add[cell]!, 1);
    }
    let changed = false;
    add.forEach((k, cell) => {
      if (k === 0) return;
      const g = Math.floor(cell / n);
      staff[g]![cell % n]! += k;
      changed = true;
    });
    // Pairs that were given up this round leave nothing to try: see whether that ends the phase.
    if (!changed) {
      state = { ...state, count: active(state.m) };
      consider(state.count);
      break;
    }
    state = await run('up');
  }
  const budgetHitUp = state.count > 0 && evaluations >= maxEvaluations;

  // Down: per (group, interval), walk down from the current staffing (which meets every target
  // not given up) by 1, 2, 4 ... agents until a step misses, then bisect between that staffing
  // (lo, known to miss) and the last one that met. A plan that starts near the answer (the
  // Erlang start) closes in a few rounds; one far above it in a few more. All open cells move at
  // once; a miss sends back up the lowered cells whose groups serve the type that missed, in its
  // interval (else in the next). Cells of a given-up miss stay where they are.
  const lo = staff.map((row, g) => row.map((_, i) => floor(g, i) - 1));
  const known = new Uint8Array(G * n);
  const stride = new Float64Array(G * n).fill(1);
  const open = (g: number, i: number) => frozen[g * n + i] === 0 && staff[g]![i]! - lo[g]![i]! > 1;
  while (state.count === 0 && evaluations < maxEvaluations) {
    const trial: [number, number, number][] = [];
    problem.groups.forEach((group, g) => {
      for (let i = 0; i < n; i++) {
        if (!open(g, i)) continue;
        const occ = orNull(state.e.occupancy[g * n + i]);
        if (group.maxOccupancy !== undefined && occ !== null && occ >= group.maxOccupancy - margin / 2) continue;
        const from = staff[g]![i]!;
        const down = known[g * n + i] === 1 ? Math.ceil((from - lo[g]![i]!) / 2) : stride[g * n + i]!;
        trial.push([g, i, from]);
        staff[g]![i] = Math.max(lo[g]![i]! + 1, from - down);
      }
    });
    if (trial.length === 0) break;
    let result = await run('down');
    // A miss is blamed on the cells still lowered that serve its type in its interval; if none
    // is, on those of the next interval (its contacts may still be waiting when it starts).
    // Blamed cells go back up (their lowered value becomes lo) and the rest is simulated again,
    // until it meets every target; when nothing is left to blame, every cell goes back up, which
    // is the staffing that met them before (same random numbers), so it is not simulated again.
    const lowered = new Uint8Array(G * n);
    for (const [g, i] of trial) lowered[g * n + i] = 1;
    while (result.count > 0) {
      const bad = new Uint8Array(G * n);
      let blamed = 0;
      for (const pair of result.m.types.keys()) {
        if (givenUp.has(pair)) continue;
        const t = Math.floor(pair / n);
        const i = pair % n;
        // Groups found not to move this type here are not to blame: they may go down further.
        const groups = problem.types[t]!.servers.map((s) => s.group).filter((g) => !isRuledOut(t, i, g));
        const own = groups.filter((g) => lowered[g * n + i] === 1).map((g) => g * n + i);
        const next = i + 1 < n ? groups.filter((g) => lowered[g * n + i + 1] === 1).map((g) => g * n + i + 1) : [];
        for (const cell of own.length > 0 ? own : next) bad[cell] = 1;
      }
      for (const cell of result.m.occupancy) if (lowered[cell] === 1) bad[cell] = 1;
      for (const [g, i, from] of trial) {
        const cell = g * n + i;
        if (lowered[cell] === 1 && bad[cell] === 1) {
          lo[g]![i] = staff[g]![i]!;
          known[cell] = 1;
          staff[g]![i] = from;
          lowered[cell] = 0;
          blamed++;
        }
      }
      if (blamed === 0 || evaluations >= maxEvaluations) {
        // Nothing to blame (the miss is further on than the next interval): every cell still
        // lowered keeps its lowered value as lo, so no round tries the same step again.
        for (const [g, i, from] of trial) {
          if (lowered[g * n + i] === 1 && blamed === 0) {
            lo[g]![i] = staff[g]![i]!;
            known[g * n + i] = 1;
          }
          staff[g]![i] = from;
          lowered[g * n + i] = 0;
        }
        result = state;
        break;
      }
      result = await run('down');
    }
    for (const [g, i] of trial) if (lowered[g * n + i] === 1) stride[g * n + i]! *= 2;
    state = result;
  }
  const chosen: { staff: number[][]; cost: number } = best ?? { staff, cost: staffingCost(problem, staff) };
  staff = chosen.staff;
  return {
    staff,
    cost: chosen.cost,
    evaluations,
    budgetExhausted: budgetHitUp || (state.count === 0 && evaluations >= maxEvaluations && [...Array(G * n).keys()].some((c) => open(Math.floor(c / n), c % n))),
    met: best !== null,
    misses: best !== null ? givenUp.size : state.m.types.size,
    givenUp: [...givenUp.values()].sort((a, b) => a.type - b.type || a.interval - b.interval),
    ruledOut: isRuledOut,
  };
}
