import { requireNonNegative, requirePositive } from './checkParams.js';
import { erlangA } from './erlangA.js';
import { erlangC } from './erlangC.js';
import type { QueueMetrics } from './queueMetrics.js';
import { squareRootStaffing } from './squareRootStaffing.js';

/**
 * Inputs of {@link minAgents}. Without `patience` the model is Erlang C, with it Erlang A. Give at
 * least one requirement (`target`, `maxAsa`, `maxOccupancy`); every one given must hold.
 *
 * Units: `arrivalRate` is contacts per **second**, not a volume per interval: a volume V per
 * interval of M minutes is `V / (M * 60)`, a volume per hour `V / 3600`.
 */
export interface MinAgentsParams {
  /** Poisson arrival rate, contacts per second, >= 0 (volume per interval / interval seconds). */
  arrivalRate: number;
  /** Mean handle time, seconds, > 0. */
  aht: number;
  /** Service-level threshold T, seconds, >= 0. */
  slSeconds: number;
  /** Service-level target: the fraction of arrivals to answer within T, 0 <= target < 1. */
  target?: number;
  /** Largest acceptable ASA (mean wait of answered contacts), seconds, > 0. */
  maxAsa?: number;
  /** Largest acceptable occupancy, a fraction in (0, 1]. */
  maxOccupancy?: number;
  /** Mean patience, seconds (> 0); absent means Erlang C (no abandonment). */
  patience?: number;
}

/** Agents beyond the lower bound at which the search gives up (the target would be absurd). */
const MAX_EXTRA_AGENTS = 10_000_000;

/**
 * Fewest agents meeting every requirement given: service level (P(answered within T) over all
 * arrivals) at least `target`, ASA at most `maxAsa`, occupancy at most `maxOccupancy`; with the
 * metrics at that staffing. Erlang C searches from floor(A) + 1 (the first stable staffing),
 * Erlang A from floor(target·A) + 1 (SL < c/A) or 1. Every metric improves as agents are added, so
 * the search starts at the square-root-staffing estimate, gallops up or down by doubling steps,
 * then bisects: about 2·log2(distance) evaluations, so thousands of agents take milliseconds.
 *
 * With no arrivals (`arrivalRate` 0) the answer is 0 agents: nobody waits, so the metrics are the
 * limits as the arrival rate falls to 0 (pWait 0, serviceLevel 1, asa 0, occupancy 0, pAbandon 0).
 *
 * @param params arrival rate (contacts per second), aht (s), SL threshold (s), target (fraction),
 *   maxAsa (s), maxOccupancy (fraction), patience (s)
 * @returns metrics at the minimum staffing; `agents` is the answer, and `agents − 1` misses
 * @example
 * // 100 calls per 30-minute interval, 180 s handle time, 80% answered within 20 s:
 * minAgents({ arrivalRate: 100 / 1800, aht: 180, slSeconds: 20, target: 0.8 }).agents; // 14
 */
export function minAgents(params: MinAgentsParams): QueueMetrics {
  const { arrivalRate, aht, slSeconds, target, maxAsa, maxOccupancy, patience } = params;
  requireNonNegative('arrivalRate', arrivalRate);
  requirePositive('aht', aht);
  requireNonNegative('slSeconds', slSeconds);
  if (target !== undefined && !(Number.isFinite(target) && target >= 0 && target < 1)) {
    throw new RangeError(`target must be a fraction in [0, 1), got ${target}`);
  }
  if (maxAsa !== undefined) requirePositive('maxAsa', maxAsa);
  if (maxOccupancy !== undefined && !(Number.isFinite(maxOccupancy) && maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new RangeError(`maxOccupancy must be a fraction in (0, 1], got ${maxOccupancy}`);
  }
  if (target === undefined && maxAsa === undefined && maxOccupancy === undefined) {
    throw new RangeError('minAgents needs a requirement: target, maxAsa or maxOccupancy');
  }
  if (arrivalRate === 0) {
    return { model: patience === undefined ? 'erlang-c' : 'erlang-a', agents: 0, load: 0, pWait: 0, serviceLevel: 1, asa: 0, occupancy: 0, ...(patience === undefined ? {} : { pAbandon: 0 }) };
  }
  const load = arrivalRate * aht;
  const evaluate = (agents: number): QueueMetrics =>
    patience === undefined
      ? erlangC({ agents, arrivalRate, aht, slSeconds })
      : erlangA({ agents, arrivalRate, aht, patience, slSeconds });
  // Erlang C needs A < c to be stable. Erlang A answers at most c/A of arrivals (carried load
  // <= c), so SL < c/A and c > target·A; the 1e-12 keeps float rounding from overshooting.
  const lower = patience === undefined
    ? Math.floor(load) + 1
    : Math.max(1, Math.floor((target ?? 0) * load * (1 - 1e-12)) + 1);
  const meets = (m: QueueMetrics): boolean =>
    (target === undefined || m.serviceLevel >= target) &&
    (maxAsa === undefined || (m.asa !== null && m.asa <= maxAsa)) &&
    (maxOccupancy === undefined || m.occupancy <= maxOccupancy);

  const start = Math.max(lower, squareRootStaffing(load, 1));
  let found = evaluate(start);
  // Invariant once bracketed: `miss` misses (or is lower − 1), `found` meets.
  let miss: number;
  if (meets(found)) {
    let step = 1;
    for (;;) {
      const probe = found.agents - step;
      if (probe < lower) { miss = lower - 1; break; }
      const m = evaluate(probe);
      if (!meets(m)) { miss = probe; break; }
      found = m;
      step *= 2;
    }
  } else {
    miss = start;
    let step = 1;
    for (;;) {
      if (miss - lower > MAX_EXTRA_AGENTS) {
        throw new RangeError(`minAgents: no staffing up to ${miss} agents meets the requirements`);
      }
      const m = evaluate(miss + step);
      if (meets(m)) { found = m; break; }
      miss += step;
      step *= 2;
    }
  }
  while (found.agents - miss > 1) {
    const mid = Math.floor((found.agents + miss) / 2);
    const m = evaluate(mid);
    if (meets(m)) found = m;
    else miss = mid;
  }
  return found;
}
