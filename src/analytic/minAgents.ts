import { requireNonNegative, requirePositive } from './checkParams.js';
import { erlangA } from './erlangA.js';
import { erlangC } from './erlangC.js';
import type { QueueMetrics } from './queueMetrics.js';
import { squareRootStaffing } from './squareRootStaffing.js';

/** Inputs of {@link minAgents}. Without `patience` the model is Erlang C, with it Erlang A. */
export interface MinAgentsParams {
  /** Poisson arrival rate, contacts per second, >= 0. */
  arrivalRate: number;
  /** Mean handle time, seconds, > 0. */
  aht: number;
  /** Service-level threshold T, seconds, >= 0. */
  slSeconds: number;
  /** Service-level target: the fraction of arrivals to answer within T, 0 <= target < 1. */
  target: number;
  /** Mean patience, seconds (> 0); absent means Erlang C (no abandonment). */
  patience?: number;
}

/** Agents beyond the lower bound at which the search gives up (the target would be absurd). */
const MAX_EXTRA_AGENTS = 10_000_000;

/**
 * Fewest agents whose service level (P(answered within T) over all arrivals) reaches `target`,
 * with the metrics at that staffing. Erlang C searches from floor(A) + 1 (the first stable
 * staffing), Erlang A from floor(target·A) + 1 (SL < c/A). Service level rises with agents, so the search starts at the
 * square-root-staffing estimate, gallops up or down by doubling steps, then bisects: about
 * 2·log2(distance) evaluations, so thousands of agents take milliseconds.
 *
 * @param params arrival rate (1/s), aht (s), SL threshold (s), target (fraction), patience (s)
 * @returns metrics at the minimum staffing; `agents` is the answer, and `agents − 1` misses
 */
export function minAgents(params: MinAgentsParams): QueueMetrics {
  const { arrivalRate, aht, slSeconds, target, patience } = params;
  requireNonNegative('arrivalRate', arrivalRate);
  requirePositive('aht', aht);
  requireNonNegative('slSeconds', slSeconds);
  if (!(Number.isFinite(target) && target >= 0 && target < 1)) {
    throw new RangeError(`target must be a fraction in [0, 1), got ${target}`);
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
    : Math.max(1, Math.floor(target * load * (1 - 1e-12)) + 1);
  const meets = (m: QueueMetrics): boolean => m.serviceLevel >= target;

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
        throw new RangeError(`minAgents: no staffing up to ${miss} agents reaches target ${target}`);
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
