import type { ContactCenterConfig, ContactTypeConfig } from '../model/index.js';
import { requiredAgents, type AnalyticMethod, type StaffingQuestion } from './requiredAgents.js';
import { analyticOrder, answersInTime, type StaffingProblem, type TypeTargets } from './staffingRules.js';

export type { TypeTargets } from './staffingRules.js';


/** Per-interval analytic requirements, by type and summed into groups (CONTRACT section 5). */
export interface AnalyticPlan {
  /** type x interval: whole agents (chat: agents holding `concurrency` chats each). */
  readonly required: number[][];
  /** type x interval: the real-valued requirement. */
  readonly requiredExact: number[][];
  /** group x interval: staff. */
  readonly staff: number[][];
  /** The group each type's requirement goes to first (-1: none serves it). */
  readonly assignedGroup: number[];
  readonly shortfalls: Shortfall[];
}

/**
 * The staffing question of one type in one interval, as an M/M/c(+M) queue:
 * - offered rate: arrivals that reach agents, λ·(1 − share·(containment + dropout)), plus the
 *   falsely contained who come back and the expected repeats (λ·p per answered contact);
 * - handle time: the mix of direct and escalated handle means, plus the wrap-up mean; for chat
 *   the concurrency factor at full load multiplies it;
 * - patience: the interval's mean, as if exponential (Erlang A); none for email;
 * - `handleTimeFactor`: the serving group's proficiency multiplier of the handle time;
 * - `groupWrapUp`: the serving group's wrap-up mean when it has its own (replacing the type's).
 */
export function staffingQuestion(
  type: ContactTypeConfig,
  interval: number,
  targets: TypeTargets,
  maxOccupancy: number | undefined,
  concurrency: number,
  handleTimeFactor = 1,
  groupWrapUp: number | undefined = undefined,
): StaffingQuestion {
  const lambda = type.arrivalRate[interval] ?? 0;
  const bot = type.bot;
  const direct = bot === null ? lambda : lambda * (1 - bot.share);
  const escalated = bot === null ? 0 : lambda * bot.share * Math.max(0, 1 - bot.containment - bot.dropout);
  const returning = bot === null ? 0 : lambda * bot.share * bot.containment * bot.falseContainment;
  const handle = type.handleTime[interval]?.mean ?? 0;
  const escalatedHandle = bot?.escalatedHandleTime?.mean ?? handle;
  const reachAgents = direct + escalated + returning;
  const repeats = type.repeat === null ? 0 : reachAgents * type.repeat.probability;
  const offered = reachAgents + repeats;
  const mixHandle = reachAgents === 0 ? handle : (direct * handle + escalated * escalatedHandle + returning * handle) / reachAgents;
  const factor = type.channel === 'chat' && type.concurrencyFactor.length > 0 ? type.concurrencyFactor[Math.min(concurrency, type.concurrencyFactor.length) - 1]! : 1;
  return {
    arrivalRate: offered,
    aht: mixHandle * factor * handleTimeFactor + (groupWrapUp ?? type.wrapUp?.mean ?? 0),
    patience: type.patience === null ? null : (type.patience[interval] ?? type.patience[0]!).mean,
    slSeconds: type.serviceLevelSeconds,
    slTarget: targets.slTarget,
    maxAbandonRate: targets.maxAbandonRate,
    maxAsa: targets.maxAsa,
    maxOccupancy,
  };
}

/** A requirement the analytic plan could not place. */
export interface Shortfall {
  readonly type: number;
  readonly interval: number;
  /** Whole agents (of the type's first group) left unplaced; 0 for an unreachable service level. */
  readonly agents: number;
  /**
   * `no-group-in-time`: every group serving the type waits `afterSeconds` >= its service-level
   * threshold, so no staffing meets the service-level target (other targets were still planned);
   * `max-staff`: the groups that may take it are at their `maxStaff`.
   */
  readonly reason: 'no-group-in-time' | 'max-staff';
}

/**
 * The analytic plan. Each type's requirement goes to groups in {@link analyticOrder}: only groups
 * that answer within its service-level threshold count, the most specialised first (fewest
 * skills, then lowest cost, then scenario order); when one is at its `maxStaff` the rest spills
 * to the next. A group's staff is the sum of the whole-agent requirements given to it (exact for
 * single-skill groups, conservative for multi-skill ones: no credit for pooling; `--method
 * simulation` takes it), at least its `minStaff`. A chat type's requirement is in agents: its
 * chat servers divided by the group's concurrency. A group's `handleTimeFactor` for the type
 * scales the handle time.
 */
export function analyticPlan(config: ContactCenterConfig, problem: StaffingProblem, method: AnalyticMethod): AnalyticPlan {
  const n = config.intervals;
  const order = problem.types.map((type) => analyticOrder(problem, type));
  const assignedGroup = order.map((servers) => servers[0]?.group ?? -1);
  const required = config.types.map(() => new Array<number>(n).fill(0));
  const requiredExact = config.types.map(() => new Array<number>(n).fill(0));
  const staff = config.groups.map(() => new Array<number>(n).fill(0));
  const shortfalls: Shortfall[] = [];
  const concurrencyOf = (t: number, g: number) => (config.types[t]!.channel === 'chat' ? config.groups[g]!.concurrency : 1);
  for (let i = 0; i < n; i++) {
    const room = problem.groups.map((g) => g.maxStaff[i]!);
    config.types.forEach((type, t) => {
      const first = order[t]![0];
      if (first === undefined) return;
      const target = problem.types[t]!;
      const inTime = answersInTime(first, target);
      // No group answers in time: plan the other targets only, and report the service level.
      const targets: TypeTargets = inTime ? target.targets : { ...target.targets, slTarget: 0 };
      const c = concurrencyOf(t, first.group);
      const answer = requiredAgents(staffingQuestion(type, i, targets, problem.groups[first.group]!.maxOccupancy, c, first.handleTimeFactor, config.groups[first.group]!.wrapUp?.mean), method);
      required[t]![i] = Math.ceil(answer.agents / c - 1e-9);
      requiredExact[t]![i] = answer.exact / c;
      if (!inTime && (config.types[t]!.arrivalRate[i] ?? 0) > 0) shortfalls.push({ type: t, interval: i, agents: 0, reason: 'no-group-in-time' });
      // Servers still to place, in units of the first group's handle time.
      let servers = answer.agents;
      for (const s of order[t]!) {
        if (servers <= 1e-9) break;
        if (inTime && !answersInTime(s, target)) break;
        const cs = concurrencyOf(t, s.group);
        const scale = s.handleTimeFactor / first.handleTimeFactor;
        const take = Math.min(room[s.group]!, Math.ceil((servers * scale) / cs - 1e-9));
        staff[s.group]![i]! += take;
        room[s.group]! -= take;
        servers -= (take * cs) / scale;
      }
      if (servers > 1e-9) shortfalls.push({ type: t, interval: i, agents: Math.ceil(servers / c - 1e-9), reason: 'max-staff' });
    });
    problem.groups.forEach((g, gi) => {
      staff[gi]![i] = Math.max(staff[gi]![i]!, g.minStaff[i]!);
    });
  }
  return { required, requiredExact, staff, assignedGroup, shortfalls };
}
