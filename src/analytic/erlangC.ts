import { requireInteger, requireNonNegative, requirePositive } from './checkParams.js';
import { erlangB } from './erlangB.js';
import type { QueueMetrics } from './queueMetrics.js';

/** Inputs of {@link erlangC}. */
export interface ErlangCParams {
  /** Number of agents, integer >= 1. */
  agents: number;
  /** Poisson arrival rate, contacts per second, >= 0. */
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
 * @param params agents, arrival rate (1/s), aht (s), SL threshold (s)
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
