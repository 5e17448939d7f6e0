import { requireInteger, requireNonNegative, requirePositive } from './checkParams.js';
import { erlangB } from './erlangB.js';
import type { QueueMetrics } from './queueMetrics.js';

/**
 * Inputs of {@link erlangC}. Units: `arrivalRate` is contacts per **second**, not a volume per
 * interval: a volume V per interval of M minutes is `V / (M * 60)`, a volume per hour `V / 3600`.
 */
export interface ErlangCParams {
  /** Number of agents, integer >= 1. */
  agents: number;
  /** Poisson arrival rate, contacts per second, >= 0 (volume per interval / interval seconds). */
  arrivalRate: number;
  /** Mean (exponential) handle time, seconds, > 0. */
  aht: number;
  /** Service-level threshold T, seconds, >= 0. */
  slSeconds: number;
}

/**
 * Erlang C (M/M/c, infinite patience) steady-state metrics.
 *
 * pWait = C(c, A) = c·B / (c − A(1 − B)) from Erlang B; serviceLevel = P(wait <= T) =
 * 1 − C·e^{−(cμ − λ)T}; asa = C / (cμ − λ) seconds (everyone is answered); occupancy = A / c.
 * With load A >= c the queue is unstable: pWait 1, serviceLevel 0, occupancy 1, asa null.
 *
 * @param params agents, arrival rate (contacts per second), aht (s), SL threshold (s)
 * @returns probabilities per arriving contact, `asa` in seconds, `load` in Erlangs
 * @example
 * // 100 calls per 30-minute interval (100 / 1800 per second), 180 s handle time, 14 agents:
 * erlangC({ agents: 14, arrivalRate: 100 / 1800, aht: 180, slSeconds: 20 }).serviceLevel; // 0.888
 */
export function erlangC(params: ErlangCParams): QueueMetrics {
  const { agents, arrivalRate, aht, slSeconds } = params;
  requireInteger('agents', agents, 1);
  requireNonNegative('arrivalRate', arrivalRate);
  requirePositive('aht', aht);
  requireNonNegative('slSeconds', slSeconds);
  const load = arrivalRate * aht;
  if (load >= agents) {
    return { model: 'erlang-c', agents, load, pWait: 1, serviceLevel: 0, asa: null, occupancy: 1 };
  }
  const b = erlangB(agents, load);
  const pWait = (agents * b) / (agents - load * (1 - b));
  const drain = (agents - load) / aht; // cμ − λ, contacts per second
  return {
    model: 'erlang-c',
    agents,
    load,
    pWait,
    serviceLevel: 1 - pWait * Math.exp(-drain * slSeconds),
    asa: pWait / drain,
    occupancy: load / agents,
  };
}
