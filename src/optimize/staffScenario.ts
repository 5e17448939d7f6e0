import type { RunOutput } from '../experiment/index.js';
import type { ContactCenterConfig } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { analyticPlan, type TypeTargets } from './analyticStaffing.js';
import type { AnalyticMethod } from './requiredAgents.js';
import { searchStaffing, type StaffingEvaluation, type StaffingProblem } from './staffingSearch.js';

export type StaffMethod = AnalyticMethod | 'simulation';

/** Simulates a scenario (injected: a worker pool in Node, Web Workers in a browser). */
export type RunScenario = (scenario: Scenario, replications: number, seed: number) => Promise<RunOutput>;

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
    /** Simulations the search ran (simulation method). */
    evaluations?: number;
    /** (interval, type) pairs with contacts, and those meeting every target in the verification. */
    targets?: { pairs: number; met: number; share: number };
  };
}

export interface StaffOptions {
  readonly method?: StaffMethod;
  /** Replications per candidate during the search (default 20); the verification uses twice as many. */
  readonly replications?: number;
  readonly seed?: number;
  /** Simulations the search may run (default 60). */
  readonly maxEvaluations?: number;
  readonly onStep?: (step: { evaluations: number; phase: 'up' | 'down'; cost: number; misses: number }) => void;
  /** Service-level points the search aims above each target (default 0.01). */
  readonly serviceLevelMargin?: number;
  /** The search reads a service level as mean − caution·ci95 (default 0.5). */
  readonly caution?: number;
  /** Rounds of repair on other seeds after the search (default 4). */
  readonly repairRounds?: number;
}

/** The group that grows for a type: the cheapest that serves it, then the one serving fewest types. */
function cheapestGroup(problem: StaffingProblem, type: number): number {
  const servedBy = (g: number) => problem.types.filter((t) => t.groups.includes(g)).length;
  return [...problem.types[type]!.groups].sort(
    (a, b) => problem.groups[a]!.costPerHour - problem.groups[b]!.costPerHour || servedBy(a) - servedBy(b) || a - b,
  )[0]!;
}

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

function targetsOf(scenario: Scenario): TypeTargets[] {
  return scenario.contactTypes.map((t) => ({
    slTarget: t.serviceLevel.target,
    ...(t.maxAbandonRate === undefined ? {} : { maxAbandonRate: t.maxAbandonRate }),
    ...(t.maxAsa === undefined ? {} : { maxAsa: t.maxAsa }),
  }));
}

/**
 * Per (type, interval) and (group, interval) means from a run, for the search. With `caution`
 * c > 0 the service level is read as mean − c·ci95: an interval with few contacts (a wide
 * interval) must clear its target by more before the search counts it as met.
 */
export function evaluationOf(run: RunOutput, scenario: Scenario, caution = 0): StaffingEvaluation {
  const byType = (pick: (k: RunOutput['intervals'][number]['byType'][string]) => number | null) =>
    scenario.contactTypes.map((t) => run.intervals.map((iv) => pick(iv.byType[t.id]!)));
  return {
    serviceLevel: byType((k) => (k.serviceLevel.mean === null ? null : k.serviceLevel.mean - caution * (k.serviceLevel.ci95 ?? 0))),
    abandonRate: byType((k) => k.abandonRate.mean),
    asa: byType((k) => k.asa.mean),
    occupancy: scenario.agentGroups.map((g) => run.intervals.map((iv) => iv.byGroup[g.id]?.occupancy.mean ?? null)),
  };
}

/** How many (interval, type) pairs with contacts meet every target of their type in `run`. */
export function targetsMet(run: RunOutput, scenario: Scenario): { pairs: number; met: number; share: number } {
  let pairs = 0;
  let met = 0;
  for (const iv of run.intervals) {
    for (const t of scenario.contactTypes) {
      const k = iv.byType[t.id]!;
      if (k.serviceLevel.mean === null) continue;
      pairs++;
      const ok =
        k.serviceLevel.mean >= t.serviceLevel.target &&
        (t.maxAbandonRate === undefined || (k.abandonRate.mean ?? 0) <= t.maxAbandonRate) &&
        (t.maxAsa === undefined || (k.asa.mean ?? 0) <= t.maxAsa);
      if (ok) met++;
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
 * The fewest agents per group and interval so every type meets every target in every interval
 * (CONTRACT section 5). `erlang-c` / `erlang-a`: the analytic plan. `simulation`: the analytic
 * (Erlang A) plan refined by `searchStaffing` with the scenario simulated by `run` (same seed for
 * every candidate), repaired where it misses on a second set of seeds, then verified on a third
 * (twice the replications each).
 */
export async function staffScenario(scenario: Scenario, config: ContactCenterConfig, run: RunScenario | null, options: StaffOptions = {}): Promise<StaffOutput> {
  const method = options.method ?? 'simulation';
  const targets = targetsOf(scenario);
  const maxOccupancy = scenario.agentGroups.map((g) => g.maxOccupancy);
  const analytic = analyticPlan(config, targets, maxOccupancy, method === 'erlang-c' ? 'erlang-c' : 'erlang-a');
  // Object.fromEntries defines own properties, so any id (even "__proto__") becomes a key.
  const byType: StaffOutput['byType'] = Object.fromEntries(
    scenario.contactTypes.map((t, i) => [t.id, { required: analytic.required[i]!, requiredExact: analytic.requiredExact[i]! }]),
  );
  const groupsOut = (staff: readonly (readonly number[])[]): StaffOutput['byGroup'] =>
    Object.fromEntries(scenario.agentGroups.map((g, i) => [g.id, { staff: [...staff[i]!] }]));
  if (method !== 'simulation') return { method, byGroup: groupsOut(analytic.staff), byType, plan: planTotals(scenario, analytic.staff) };
  if (run === null) throw new Error('staffScenario: the simulation method needs a way to run the scenario');

  const replications = options.replications ?? 20;
  const seed = options.seed ?? 1;
  const margin = options.serviceLevelMargin ?? 0.01;
  const priced = scenario.agentGroups.every((g) => (g.costPerHour ?? 0) > 0);
  const problem: StaffingProblem = {
    intervals: scenario.intervals,
    groups: scenario.agentGroups.map((g) => ({ id: g.id, costPerHour: priced ? g.costPerHour! : 1, ...(g.maxOccupancy === undefined ? {} : { maxOccupancy: g.maxOccupancy }) })),
    types: scenario.contactTypes.map((t, ti) => ({
      id: t.id,
      groups: config.groups.flatMap((g, gi) => (g.skills.some((s) => s.type === ti) ? [gi] : [])),
      ...targets[ti]!,
      // Aim a little above the target: a plan exactly at it misses about half its intervals on
      // other random numbers.
      slTarget: Math.min(0.999, targets[ti]!.slTarget + margin),
    })),
    initial: analytic.staff,
  };
  const caution = options.caution ?? 0.5;
  const result = await searchStaffing(problem, async (staff) => evaluationOf(await run(withStaff(scenario, staff), replications, seed), scenario, caution), {
    ...(options.maxEvaluations === undefined ? {} : { maxEvaluations: options.maxEvaluations }),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  // The plan was chosen on the search's own random numbers, where it sits just at the targets.
  // Repair on other seeds: add an agent where a (type, interval) misses there, a few rounds.
  const plan = result.staff.map((row) => [...row]);
  let evaluations = result.evaluations;
  for (let round = 0; round < (options.repairRounds ?? 4); round++) {
    const check = await run(withStaff(scenario, plan), replications * 2, seed + 1_000_003);
    evaluations++;
    const e = evaluationOf(check, scenario, caution / 2);
    let added = 0;
    targets.forEach((t, ti) => {
      for (let i = 0; i < problem.intervals; i++) {
        const sl = e.serviceLevel[ti]![i] ?? null;
        const ab = e.abandonRate[ti]![i] ?? null;
        const asa = e.asa[ti]![i] ?? null;
        const miss = (sl !== null && sl < t.slTarget) || (t.maxAbandonRate !== undefined && ab !== null && ab > t.maxAbandonRate) || (t.maxAsa !== undefined && asa !== null && asa > t.maxAsa);
        if (miss) {
          plan[cheapestGroup(problem, ti)]![i]!++;
          added++;
        }
      }
    });
    if (added === 0) break;
  }
  // Verification on seeds neither the search nor the repair saw.
  const verification = await run(withStaff(scenario, plan), replications * 2, seed + 2_000_006);
  return {
    method,
    byGroup: groupsOut(plan),
    byType,
    verification,
    plan: { ...planTotals(scenario, plan), evaluations: evaluations + 1, targets: targetsMet(verification, scenario) },
  };
}
