import type { ContactCenterConfig, ContactTypeConfig } from '../model/index.js';
import { requiredAgents, type AnalyticMethod, type StaffingQuestion } from './requiredAgents.js';

/** Targets of a contact type and the occupancy ceiling of the groups that serve it. */
export interface TypeTargets {
  readonly slTarget: number;
  readonly maxAbandonRate?: number;
  readonly maxAsa?: number;
}

/** Per-interval analytic requirements, by type and summed into groups (CONTRACT section 5). */
export interface AnalyticPlan {
  /** type x interval: whole agents (chat: agents holding `concurrency` chats each). */
  readonly required: number[][];
  /** type x interval: the real-valued requirement. */
  readonly requiredExact: number[][];
  /** group x interval: staff. */
  readonly staff: number[][];
  /** The group each type's requirement was assigned to. */
  readonly assignedGroup: number[];
}

/**
 * The staffing question of one type in one interval, as an M/M/c(+M) queue:
 * - offered rate: arrivals that reach agents, λ·(1 − share·(containment + dropout)), plus the
 *   falsely contained who come back and the expected repeats (λ·p per answered contact);
 * - handle time: the mix of direct and escalated handle means, plus the wrap-up mean; for chat
 *   the concurrency factor at full load multiplies it;
 * - patience: its mean, as if exponential (Erlang A); none for email.
 */
export function staffingQuestion(type: ContactTypeConfig, interval: number, targets: TypeTargets, maxOccupancy: number | undefined, concurrency: number): StaffingQuestion {
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
    aht: mixHandle * factor + (type.wrapUp?.mean ?? 0),
    patience: type.patience === null ? null : type.patience.mean,
    slSeconds: type.serviceLevelSeconds,
    slTarget: targets.slTarget,
    ...(targets.maxAbandonRate === undefined ? {} : { maxAbandonRate: targets.maxAbandonRate }),
    ...(targets.maxAsa === undefined ? {} : { maxAsa: targets.maxAsa }),
    ...(maxOccupancy === undefined ? {} : { maxOccupancy }),
  };
}

/**
 * The analytic plan. Each type's requirement goes to one group: the most specialised group that
 * serves it (fewest skills, then lowest cost per hour, then scenario order). A group's staff is
 * the sum of the whole-agent requirements assigned to it: exact for single-skill groups,
 * conservative for multi-skill ones (no credit for pooling; `--method simulation` takes it).
 * A chat type's requirement is in agents: its chat servers divided by the group's concurrency.
 */
export function analyticPlan(
  config: ContactCenterConfig,
  targets: readonly TypeTargets[],
  maxOccupancy: readonly (number | undefined)[],
  method: AnalyticMethod,
): AnalyticPlan {
  const skillCount = config.groups.map((g) => g.skills.length);
  const assignedGroup = config.types.map((_, t) => {
    const eligible = config.groups.flatMap((g, gi) => (g.skills.some((s) => s.type === t) ? [gi] : []));
    eligible.sort((a, b) => skillCount[a]! - skillCount[b]! || config.groups[a]!.costPerHour - config.groups[b]!.costPerHour || a - b);
    return eligible[0] ?? -1;
  });
  const n = config.intervals;
  const required = config.types.map(() => new Array<number>(n).fill(0));
  const requiredExact = config.types.map(() => new Array<number>(n).fill(0));
  const staff = config.groups.map(() => new Array<number>(n).fill(0));
  config.types.forEach((type, t) => {
    const g = assignedGroup[t]!;
    const concurrency = type.channel === 'chat' ? (config.groups[g]?.concurrency ?? 1) : 1;
    for (let i = 0; i < n; i++) {
      const answer = requiredAgents(staffingQuestion(type, i, targets[t]!, maxOccupancy[g], concurrency), method);
      const agents = Math.ceil(answer.agents / concurrency - 1e-9);
      required[t]![i] = agents;
      requiredExact[t]![i] = answer.exact / concurrency;
      if (g >= 0) staff[g]![i]! += agents;
    }
  });
  return { required, requiredExact, staff, assignedGroup };
}
