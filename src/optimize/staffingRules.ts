/**
 * The staffing problem as the optimizers see it, and the two rules every staffing method shares:
 * when a (type, interval) misses its targets, and which group may be grown for it. The analytic
 * plan, the simulation search, its repair and the web page's chart all read them from here.
 */
import type { ContactCenterConfig } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { perInterval } from '../scenario/values.js';

/** The targets a contact type is staffed for (CONTRACT section 5). */
export interface TypeTargets {
  readonly slTarget: number;
  readonly maxAbandonRate?: number;
  readonly maxAsa?: number;
}

/** A group that serves a type, and how (the long-form skill). */
export interface Server {
  readonly group: number;
  /** The group takes a contact of this type only once it has waited this long (overflow). */
  readonly afterSeconds: number;
  /** Handle time multiplier when this group serves this type. */
  readonly handleTimeFactor: number;
}

export interface StaffingGroup {
  readonly id: string;
  /** Cost of an agent hour; 1 for every group when not every group has a price (plans then minimise agents). */
  readonly costPerHour: number;
  /** How many contact types the group serves. */
  readonly skillCount: number;
  readonly maxOccupancy?: number;
  /** Fewest agents per interval (`minStaff`, else 0). */
  readonly minStaff: readonly number[];
  /** Most agents per interval (`maxStaff`, else Infinity). */
  readonly maxStaff: readonly number[];
}

export interface StaffingType {
  readonly id: string;
  /** Service-level threshold, seconds. */
  readonly slSeconds: number;
  readonly targets: TypeTargets;
  /** The groups that serve this type, in scenario order. */
  readonly servers: readonly Server[];
}

/** What a staffing method may change and what it must achieve. */
export interface StaffingProblem {
  readonly intervals: number;
  readonly groups: readonly StaffingGroup[];
  readonly types: readonly StaffingType[];
}

/** The targets of each contact type, as written in the scenario. */
export function targetsOf(scenario: Scenario): TypeTargets[] {
  return scenario.contactTypes.map((t) => ({
    slTarget: t.serviceLevel.target,
    maxAbandonRate: t.maxAbandonRate,
    maxAsa: t.maxAsa,
  }));
}

/** The staffing problem of a scenario (the model config gives its skills in index form). */
export function staffingProblem(scenario: Scenario, config: ContactCenterConfig): StaffingProblem {
  const n = scenario.intervals;
  const priced = scenario.agentGroups.every((g) => (g.costPerHour ?? 0) > 0);
  const targets = targetsOf(scenario);
  return {
    intervals: n,
    groups: scenario.agentGroups.map((g, gi) => ({
      id: g.id,
      costPerHour: priced ? g.costPerHour! : 1,
      skillCount: config.groups[gi]!.skills.length,
      maxOccupancy: g.maxOccupancy,
      minStaff: g.minStaff === undefined ? new Array<number>(n).fill(0) : perInterval(g.minStaff, n),
      maxStaff: g.maxStaff === undefined ? new Array<number>(n).fill(Infinity) : perInterval(g.maxStaff, n),
    })),
    types: config.types.map((t, ti) => ({
      id: t.id,
      slSeconds: t.serviceLevelSeconds,
      targets: targets[ti]!,
      servers: config.groups.flatMap((g, gi) =>
        g.skills.filter((s) => s.type === ti).map((s) => ({ group: gi, afterSeconds: s.afterSeconds, handleTimeFactor: s.handleTimeFactor })),
      ),
    })),
  };
}

/**
 * A group counts toward a type's service level only if it may answer before the threshold: an
 * overflow group that waits `afterSeconds` >= the threshold answers nothing in time.
 */
export function answersInTime(server: Server, type: StaffingType): boolean {
  return server.afterSeconds < type.slSeconds;
}

/** What one (type, interval) measured: means across replications, null where undefined. */
export interface Measured {
  readonly serviceLevel: number | null;
  readonly abandonRate: number | null;
  readonly asa: number | null;
}

/** How a (type, interval) misses its targets. */
export interface TargetMiss {
  /** Target minus service level (0 when the service level is met or undefined). */
  readonly slGap: number;
  /** Abandonment above `maxAbandonRate`, relative to it (0 when met). */
  readonly abandonExcess: number;
  /** ASA above `maxAsa`, relative to it (0 when met). */
  readonly asaExcess: number;
}

/** The one "target missed" test: null when every target of the type is met (or undefined). */
export function missedTargets(targets: TypeTargets, m: Measured): TargetMiss | null {
  const slGap = m.serviceLevel === null ? 0 : Math.max(0, targets.slTarget - m.serviceLevel);
  const excess = (value: number | null, limit: number | undefined) =>
    limit === undefined || value === null || value <= limit ? 0 : (value - limit) / Math.max(limit, 1e-9);
  const abandonExcess = excess(m.abandonRate, targets.maxAbandonRate);
  const asaExcess = excess(m.asa, targets.maxAsa);
  return slGap > 0 || abandonExcess > 0 || asaExcess > 0 ? { slGap, abandonExcess, asaExcess } : null;
}

/** One number for how badly a miss misses (service-level points first: they decide which groups help). */
export function severity(miss: TargetMiss): number {
  return miss.slGap > 0 ? miss.slGap : Math.max(miss.abandonExcess, miss.asaExcess);
}

/**
 * The groups that can move a miss: for a service-level miss only those that answer in time;
 * for abandonment or ASA every group serving the type (an overflow group takes contacts that
 * would otherwise wait longer or leave).
 */
export function helpfulServers(type: StaffingType, miss: TargetMiss): Server[] {
  return miss.slGap > 0 ? type.servers.filter((s) => answersInTime(s, type)) : [...type.servers];
}

/**
 * Which group a search grows for a miss, among `servers` (from {@link helpfulServers}, minus the
 * ones the caller has ruled out): the cheapest per contact (cost per hour x handle-time factor),
 * then the one serving fewest types, then scenario order. Undefined when none is left.
 */
export function growthGroup(problem: StaffingProblem, servers: readonly Server[]): number | undefined {
  const costOf = (s: Server) => problem.groups[s.group]!.costPerHour * s.handleTimeFactor;
  const best = [...servers].sort(
    (a, b) => costOf(a) - costOf(b) || problem.groups[a.group]!.skillCount - problem.groups[b.group]!.skillCount || a.group - b.group,
  )[0];
  return best?.group;
}

/**
 * The order in which the analytic plan gives a type's requirement to groups: those that answer
 * in time first, then the most specialised (fewest skills: no credit for pooling, so a group
 * serving one type is where its Erlang requirement is exact), then the cheapest, then scenario
 * order. A type with no in-time group is given to its groups all the same, and reported.
 */
export function analyticOrder(problem: StaffingProblem, type: StaffingType): Server[] {
  const groups = problem.groups;
  return [...type.servers].sort(
    (a, b) =>
      Number(answersInTime(b, type)) - Number(answersInTime(a, type)) ||
      groups[a.group]!.skillCount - groups[b.group]!.skillCount ||
      groups[a.group]!.costPerHour - groups[b.group]!.costPerHour ||
      a.group - b.group,
  );
}
