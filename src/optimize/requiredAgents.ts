import { erlangA, erlangC, minAgents, type QueueMetrics } from '../analytic/index.js';

/** One interval of one contact type, as an analytic staffing question. */
export interface StaffingQuestion {
  /** Arrival rate offered to agents, contacts per second. */
  readonly arrivalRate: number;
  /** Mean handle time (with wrap-up), seconds. */
  readonly aht: number;
  /** Mean patience, seconds (Erlang A); null: never abandons. */
  readonly patience: number | null;
  /** Service-level threshold, seconds. */
  readonly slSeconds: number;
  /** Service-level target (fraction answered within the threshold). */
  readonly slTarget: number;
  /** Largest acceptable abandonment rate (Erlang A only). */
  readonly maxAbandonRate?: number;
  /** Largest acceptable ASA, seconds. */
  readonly maxAsa?: number;
  /** Largest acceptable occupancy. */
  readonly maxOccupancy?: number;
}

export type AnalyticMethod = 'erlang-c' | 'erlang-a';

/** The answer: the fewest whole agents meeting every target, and a real-valued requirement. */
export interface StaffingAnswer {
  readonly agents: number;
  /**
   * The requirement as a real number, for planners who add requirements up: for each target,
   * the point between `agents - 1` and `agents` where its metric, linearly interpolated, reaches
   * the target (the load / maxOccupancy exactly for the occupancy limit); the largest of these.
   */
  readonly exact: number;
  readonly metrics: QueueMetrics | null;
}

const MAX_AGENTS = 1_000_000;

/**
 * Fewest agents for one interval and type. `erlang-c` ignores patience (no abandonment);
 * `erlang-a` uses it when given. Every metric is monotone in agents, so the search walks up from
 * the first stable staffing (or 1) and stops at the first that meets all targets.
 */
export function requiredAgents(q: StaffingQuestion, method: AnalyticMethod): StaffingAnswer {
  const load = q.arrivalRate * q.aht;
  if (q.arrivalRate === 0) return { agents: 0, exact: 0, metrics: null };
  const patience = method === 'erlang-a' && q.patience !== null ? q.patience : undefined;
  const evaluate = (agents: number): QueueMetrics =>
    patience === undefined
      ? erlangC({ agents, arrivalRate: q.arrivalRate, aht: q.aht, slSeconds: q.slSeconds })
      : erlangA({ agents, arrivalRate: q.arrivalRate, aht: q.aht, patience, slSeconds: q.slSeconds });
  // Shortfalls per target: <= 0 means met. Each falls as agents rise.
  const gaps = (m: QueueMetrics): number[] => [
    q.slTarget - m.serviceLevel,
    q.maxAbandonRate === undefined ? -1 : (m.pAbandon ?? 0) - q.maxAbandonRate,
    q.maxAsa === undefined ? -1 : (m.asa ?? Infinity) - q.maxAsa,
    q.maxOccupancy === undefined ? -1 : m.occupancy - q.maxOccupancy,
  ];
  // The service-level target by minAgents' galloping search; the other targets walk up from there.
  const slMin = q.slTarget > 0 && q.slTarget < 1
    ? minAgents({ arrivalRate: q.arrivalRate, aht: q.aht, slSeconds: q.slSeconds, target: q.slTarget, patience }).agents
    : Math.floor(load) + 1;
  let agents = Math.max(1, slMin);
  let previous: QueueMetrics | null = null;
  try {
    if (agents > 1) previous = evaluate(agents - 1);
  } catch {
    // One agent fewer may be an overloaded queue too long to evaluate with huge patience.
    previous = null;
  }
  let current = evaluate(agents);
  while (gaps(current).some((g) => g > 0)) {
    if (agents >= MAX_AGENTS) throw new RangeError(`requiredAgents: no staffing up to ${MAX_AGENTS} meets the targets`);
    previous = current;
    agents++;
    current = evaluate(agents);
  }
  let exact = agents - 1;
  if (previous !== null) {
    const before = gaps(previous);
    const after = gaps(current);
    // Occupancy (the last gap) is exact below: load / maxOccupancy.
    before.slice(0, 3).forEach((b, k) => {
      const a = after[k]!;
      if (b > 0 && Number.isFinite(b) && b - a > 0) exact = Math.max(exact, agents - 1 + b / (b - a));
      else if (b > 0) exact = Math.max(exact, agents);
    });
  } else exact = Math.min(agents, Math.max(0, load));
  if (q.maxOccupancy !== undefined) exact = Math.max(exact, load / q.maxOccupancy);
  return { agents, exact: Math.min(agents, exact), metrics: current };
}
