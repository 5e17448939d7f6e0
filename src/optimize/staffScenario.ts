import { checkRunSize } from '../experiment/runSize.js';
import { intervalLabels, type ReducedRun, type RunFigures, type RunOutput, type StaffArrays } from '../experiment/index.js';
import type { Metric } from '../stats/index.js';
import type { ContactCenterConfig } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { analyticPlan, type AnalyticPlan } from './analyticStaffing.js';
import type { AnalyticMethod } from './requiredAgents.js';
import { DEFAULT_MAX_EVALUATIONS, measuredAt, searchStaffing, type SearchStep, type StaffingEvaluation, type StaffingSearchResult } from './staffingSearch.js';
import { answersInTime, growthGroup, helpfulServers, missedTargets, staffingProblem, type StaffingProblem } from './staffingRules.js';
import { RUN_DEFAULTS } from '../experiment/runDefaults.js';

export type StaffMethod = AnalyticMethod | 'simulation';

/** Simulates a scenario (injected: a worker pool in Node, Web Workers in a browser). */
/**
 * Simulates a candidate plan of the scenario (injected: a pool of worker threads in Node, of Web
 * Workers in a browser): the scenario with every group's staff replaced by `staff` (per interval).
 */
export type RunScenario = (staff: StaffArrays, replications: number, seed: number) => Promise<ReducedRun>;

/** A target the plan misses, where, and why. */
export interface PlanMiss {
  /** Clock label of the interval. */
  readonly at: string;
  /** The contact type (service level, abandonment, ASA) or the group (occupancy) that misses. */
  readonly type?: string;
  readonly group?: string;
  readonly kpi: 'serviceLevel' | 'abandonRate' | 'asa' | 'occupancy';
  /** What the verification measured (mean); null for the analytic methods. */
  readonly value: number | null;
  readonly target: number;
  readonly why: string;
}

/** CONTRACT section 5 `ccsim staff` output, plus extensions (documented in docs/decisions.md). */
export interface StaffOutput {
  method: StaffMethod;
  byGroup: Record<string, { staff: number[] }>;
  byType: Record<string, { required: number[]; requiredExact: number[] }>;
  /** The found plan simulated on fresh seeds (simulation method only). */
  verification?: RunOutput;
  /** Totals of the plan and how the verification went. */
  plan: {
    agentHours: number;
    /** Agent hours x costPerHour when every group has one, else agent hours. */
    cost: number;
    costUnit: 'costPerHour' | 'agentHours';
    /**
     * Every target met: for the simulation method, no (interval, type) of the verification misses
     * a target by more than its 95% half-width; for the analytic ones, every requirement placed.
     */
    met: boolean;
    misses: PlanMiss[];
    /** Simulations the search ran (simulation method). */
    evaluations?: number;
    /** The search's budget and whether it ended the search (simulation method). */
    budget?: { maxEvaluations: number; exhausted: boolean };
    /** (interval, type) pairs with contacts, and those meeting every target in the verification. */
    targets?: { pairs: number; met: number; share: number };
  };
  /** What a planner should know about the plan: groups left empty, groups that cannot answer in time, budgets hit. */
  notes: string[];
}

export interface StaffOptions {
  readonly method?: StaffMethod;
  /** Replications per candidate during the search (default 20); the verification uses twice as many. */
  readonly replications?: number;
  readonly seed?: number;
  /** Simulations the search may run (default {@link DEFAULT_MAX_EVALUATIONS}). */
  readonly maxEvaluations?: number;
  readonly onStep?: (step: SearchStep) => void;
  /** Service-level points the search aims above each target (default 0.01). */
  readonly serviceLevelMargin?: number;
  /** The search reads a service level as mean − caution·ci95 (default 0.5). */
  readonly caution?: number;
  /** Rounds of repair on other seeds after the search (default {@link DEFAULT_REPAIR_ROUNDS}). */
  readonly repairRounds?: number;
  /** Simulate candidate plans even above the run-size limits (`--force`); the hard limits still hold. */
  readonly force?: boolean;
}

export const DEFAULT_REPAIR_ROUNDS = 4;
export { DEFAULT_MAX_EVALUATIONS } from './staffingSearch.js';

/** The scenario with every group's staff set per interval (shifts replaced by that staff). */
export function withStaff(scenario: Scenario, staff: readonly (readonly number[])[]): Scenario {
  return {
    ...scenario,
    agentGroups: scenario.agentGroups.map((g, gi) => {
      const { shifts: _shifts, ...rest } = g;
      return { ...rest, staff: [...staff[gi]!] };
    }),
  };
}

/**
 * What the search reads of a simulated candidate: the reducer's figures, with `caution` c > 0
 * reading the service level as mean − c·ci95, so an interval with few contacts (a wide interval)
 * must clear its target by more before the search counts it as met.
 */
export function evaluationOf(figures: RunFigures, caution = 0): StaffingEvaluation {
  const serviceLevel = new Float64Array(figures.serviceLevel.length);
  for (let k = 0; k < serviceLevel.length; k++) serviceLevel[k] = figures.serviceLevel[k]! - caution * figures.serviceLevelHalfWidth[k]!;
  return { serviceLevel, abandonRate: figures.abandonRate, asa: figures.asa, occupancy: figures.occupancy };
}

/** How many (interval, type) pairs with contacts meet every target of their type in `run` (by their means). */
export function targetsMet(run: RunOutput, problem: StaffingProblem): { pairs: number; met: number; share: number } {
  let pairs = 0;
  let met = 0;
  for (const iv of run.intervals) {
    for (const t of problem.types) {
      const k = iv.byType[t.id]!;
      if (k.serviceLevel.mean === null) continue;
      pairs++;
      if (missedTargets(t.targets, { serviceLevel: k.serviceLevel.mean, abandonRate: k.abandonRate.mean, asa: k.asa.mean }) === null) met++;
    }
  }
  return { pairs, met, share: pairs === 0 ? 1 : met / pairs };
}

function planTotals(scenario: Scenario, staff: readonly (readonly number[])[]) {
  const hours = scenario.intervalMinutes / 60;
  const agentHours = staff.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0) * hours, 0);
  const priced = scenario.agentGroups.every((g) => (g.costPerHour ?? 0) > 0);
  const cost = priced ? staff.reduce((sum, row, g) => sum + row.reduce((a, b) => a + b, 0) * hours * scenario.agentGroups[g]!.costPerHour!, 0) : agentHours;
  return { agentHours, cost, costUnit: priced ? ('costPerHour' as const) : ('agentHours' as const) };
}


/**
 * Targets a verification run misses by more than its 95% half-width (a mean just under the
 * target, inside the noise of the replications, is not a miss). `why` explains each: given up by
 * the search (with the reason) or only seen on the fresh random numbers.
 */
function verificationMisses(
  run: RunOutput,
  problem: StaffingProblem,
  labels: readonly string[],
  why: (type: number, interval: number) => string,
  occupancyWhy: (group: number, interval: number) => string,
): PlanMiss[] {
  const out: PlanMiss[] = [];
  const below = (m: Metric, target: number) => m.mean !== null && m.mean + (m.ci95 ?? 0) < target;
  const above = (m: Metric, limit: number | undefined) => limit !== undefined && m.mean !== null && m.mean - (m.ci95 ?? 0) > limit;
  run.intervals.forEach((iv, i) => {
    problem.types.forEach((t, ti) => {
      const k = iv.byType[t.id]!;
      const at = labels[i]!;
      if (below(k.serviceLevel, t.targets.slTarget)) out.push({ at, type: t.id, kpi: 'serviceLevel', value: k.serviceLevel.mean, target: t.targets.slTarget, why: why(ti, i) });
      if (above(k.abandonRate, t.targets.maxAbandonRate)) out.push({ at, type: t.id, kpi: 'abandonRate', value: k.abandonRate.mean, target: t.targets.maxAbandonRate!, why: why(ti, i) });
      if (above(k.asa, t.targets.maxAsa)) out.push({ at, type: t.id, kpi: 'asa', value: k.asa.mean, target: t.targets.maxAsa!, why: why(ti, i) });
    });
    problem.groups.forEach((g, gi) => {
      const occ = iv.byGroup[g.id]?.occupancy;
      if (occ !== undefined && above(occ, g.maxOccupancy)) {
        out.push({ at: labels[i]!, group: g.id, kpi: 'occupancy', value: occ.mean, target: g.maxOccupancy!, why: occupancyWhy(gi, i) });
      }
    });
  });
  return out;
}

/** Notes on the problem itself: groups that cannot answer a type in time. */
function overflowNotes(problem: StaffingProblem): string[] {
  return problem.types.flatMap((t) =>
    t.servers
      .filter((s) => !answersInTime(s, t))
      .map(
        (s) =>
          `${problem.groups[s.group]!.id} answers ${t.id} only after ${s.afterSeconds} s, at or past its ${t.slSeconds} s service-level threshold: ` +
          `it counts nothing toward the service level of ${t.id}${t.targets.maxAbandonRate !== undefined || t.targets.maxAsa !== undefined ? ' (only toward its abandonment and ASA limits)' : ''}`,
      ),
  );
}

/** Groups that serve something but get no agent in any interval, and why. */
function emptyGroupNotes(scenario: Scenario, problem: StaffingProblem, staff: readonly (readonly number[])[], rule: string): string[] {
  return problem.groups.flatMap((g, gi) => {
    if (staff[gi]!.some((x) => x > 0) || scenario.agentGroups[gi]!.minStaff !== undefined || g.maxStaff.every((x) => x === 0)) return [];
    const types = problem.types.filter((t) => t.servers.some((s) => s.group === gi)).map((t) => t.id);
    return [`${g.id} gets no agents in any interval: ${types.join(', ')} ${types.length === 1 ? 'is' : 'are'} staffed in other groups (${rule}); give ${g.id} a minStaff to keep it staffed`];
  });
}

function analyticMisses(plan: AnalyticPlan, problem: StaffingProblem, labels: readonly string[]): PlanMiss[] {
  return plan.shortfalls.map((s) => {
    const t = problem.types[s.type]!;
    const groups = t.servers.map((x) => problem.groups[x.group]!.id).join(', ');
    return {
      at: labels[s.interval]!,
      type: t.id,
      kpi: 'serviceLevel' as const,
      value: null,
      target: t.targets.slTarget,
      why:
        s.reason === 'no-group-in-time'
          ? `no group answers ${t.id} within ${t.slSeconds} s (${groups} wait longer)`
          : `${s.agents} more agent${s.agents === 1 ? '' : 's'} needed than maxStaff allows (${groups})`,
    };
  });
}

const GIVE_UP_WHY = {
  'max-staff': 'at maxStaff',
  'no-effect': 'adding agents did not move it',
  'no-group-in-time': 'no group answers within its threshold',
  ceiling: 'at the search ceiling (3x the Erlang requirement + 10 agents)',
} as const;

/**
 * Most agents the search gives a group in an interval without a `maxStaff` there: three times the
 * Erlang requirement of every type it serves (this interval's or the previous one's, whose queue
 * it may inherit), plus 10. Only a runaway reaches it: a plan that needs more is reported.
 */
function ceilingOf(problem: StaffingProblem, plan: AnalyticPlan): number[][] {
  return problem.groups.map((g, gi) =>
    Array.from({ length: problem.intervals }, (_, i) => {
      const need = (k: number) => problem.types.reduce((sum, t, ti) => sum + (t.servers.some((s) => s.group === gi) ? (plan.required[ti]![k] ?? 0) : 0), 0);
      return Math.max(g.minStaff[i]!, plan.staff[gi]![i]!, 3 * Math.max(need(i), i > 0 ? need(i - 1) : 0) + 10);
    }),
  );
}

/**
 * The fewest agents per group and interval so every type meets every target in every interval
 * (CONTRACT section 5). `erlang-c` / `erlang-a`: the analytic plan. `simulation`: the analytic
 * (Erlang A) plan refined by `searchStaffing` with the scenario simulated by `run` (same seed for
 * every candidate), repaired where it misses on a second set of seeds, then verified on a third
 * (twice the replications each). Every candidate is checked against the run-size limits first.
 */
export async function staffScenario(scenario: Scenario, config: ContactCenterConfig, run: RunScenario | null, options: StaffOptions = {}): Promise<StaffOutput> {
  const method = options.method ?? 'simulation';
  const problem = staffingProblem(scenario, config);
  const labels = intervalLabels(scenario);
  const analytic = analyticPlan(config, problem, method === 'erlang-c' ? 'erlang-c' : 'erlang-a');
  // Object.fromEntries defines own properties, so any id (even "__proto__") becomes a key.
  const byType: StaffOutput['byType'] = Object.fromEntries(
    scenario.contactTypes.map((t, i) => [t.id, { required: analytic.required[i]!, requiredExact: analytic.requiredExact[i]! }]),
  );
  const groupsOut = (staff: readonly (readonly number[])[]): StaffOutput['byGroup'] =>
    Object.fromEntries(scenario.agentGroups.map((g, i) => [g.id, { staff: [...staff[i]!] }]));
  if (method !== 'simulation') {
    const misses = analyticMisses(analytic, problem, labels);
    return {
      method,
      byGroup: groupsOut(analytic.staff),
      byType,
      plan: { ...planTotals(scenario, analytic.staff), met: misses.length === 0, misses },
      notes: [...overflowNotes(problem), ...emptyGroupNotes(scenario, problem, analytic.staff, 'the analytic rule puts a requirement in the most specialised group that answers in time, then the cheapest')],
    };
  }
  if (run === null) throw new Error('staffScenario: the simulation method needs a way to run the scenario');

  const replications = options.replications ?? RUN_DEFAULTS.staffReplications;
  const seed = options.seed ?? RUN_DEFAULTS.seed;
  const margin = options.serviceLevelMargin ?? 0.01;
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const simulate = (staff: StaffArrays, r: number, s: number) => {
    checkRunSize([{ scenario: withStaff(scenario, staff), replications: r }], options.force);
    // A copy: the search changes its arrays in place, and a runner knows a plan by identity.
    return run(staff.map((row) => [...row]), r, s);
  };
  // Aim a little above the target: a plan exactly at it misses about half its intervals on
  // other random numbers.
  const aimed: StaffingProblem = {
    ...problem,
    types: problem.types.map((t) => ({ ...t, targets: { ...t.targets, slTarget: Math.min(0.999, t.targets.slTarget + margin) } })),
  };
  const caution = options.caution ?? 0.5;
  const ceiling = ceilingOf(problem, analytic);
  const result: StaffingSearchResult = await searchStaffing(aimed, analytic.staff, async (staff) => evaluationOf((await simulate(staff, replications, seed)).figures, caution), {
    maxEvaluations,
    ceiling,
    required: analytic.required,
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  const givenUp = new Map(result.givenUp.map((x) => [x.type * problem.intervals + x.interval, x]));
  // The plan was chosen on the search's own random numbers, where it sits just at the targets.
  // Repair on other seeds: add an agent where a (type, interval) misses there, a few rounds, to
  // the group the search would grow (never one it found useless there, nor past a limit).
  const plan = result.staff.map((row) => [...row]);
  let evaluations = result.evaluations;
  const room = (g: number, i: number) => Math.min(problem.groups[g]!.maxStaff[i]!, ceiling[g]![i]!) - plan[g]![i]!;
  for (let round = 0; round < (options.repairRounds ?? DEFAULT_REPAIR_ROUNDS); round++) {
    const e = evaluationOf((await simulate(plan, replications * 2, seed + 1_000_003)).figures, caution / 2);
    evaluations++;
    let added = 0;
    problem.types.forEach((t, ti) => {
      for (let i = 0; i < problem.intervals; i++) {
        if (givenUp.has(ti * problem.intervals + i)) continue;
        const miss = missedTargets(t.targets, measuredAt(e, ti * problem.intervals + i));
        if (miss === null) continue;
        const g = growthGroup(problem, helpfulServers(t, miss).filter((s) => !result.ruledOut(ti, i, s.group) && room(s.group, i) > 0));
        if (g === undefined) continue;
        plan[g]![i]!++;
        added++;
      }
    });
    if (added === 0) break;
  }
  // Verification on seeds neither the search nor the repair saw.
  const verification = (await simulate(plan, replications * 2, seed + 2_000_006)).output();
  const why = (t: number, i: number) => {
    const gone = givenUp.get(t * problem.intervals + i);
    if (gone !== undefined) {
      const groups = gone.groups.map((g) => problem.groups[g]!.id).join(', ');
      return `given up by the search: ${GIVE_UP_WHY[gone.reason]}${groups === '' ? '' : ` (${groups})`}`;
    }
    return result.budgetExhausted ? `the search stopped at its budget of ${maxEvaluations} simulations` : 'missed on fresh random numbers (more --replications gives a safer plan)';
  };
  const occupancyWhy = (g: number, i: number) =>
    plan[g]![i]! >= problem.groups[g]!.maxStaff[i]!
      ? `${problem.groups[g]!.id} is at its maxStaff`
      : plan[g]![i]! >= ceiling[g]![i]!
        ? `${problem.groups[g]!.id} is ${GIVE_UP_WHY.ceiling}`
        : 'missed on fresh random numbers (more --replications gives a safer plan)';
  const misses = verificationMisses(verification, problem, labels, why, occupancyWhy);
  const notes = [
    ...overflowNotes(problem),
    ...emptyGroupNotes(scenario, problem, plan, 'the search grows the cheapest group that helps, per contact'),
    ...(result.budgetExhausted
      ? [`the search stopped at its budget of ${maxEvaluations} simulations (--max-evaluations) ${result.met ? 'before it had removed every agent it could' : 'before meeting every target'}`]
      : []),
  ];
  return {
    method,
    byGroup: groupsOut(plan),
    byType,
    verification,
    plan: {
      ...planTotals(scenario, plan),
      met: misses.length === 0,
      misses,
      evaluations: evaluations + 1,
      budget: { maxEvaluations, exhausted: result.budgetExhausted },
      targets: targetsMet(verification, problem),
    },
    notes,
  };
}
