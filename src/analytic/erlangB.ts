import { requireInteger, requireNonNegative } from './checkParams.js';

/**
 * Erlang B blocking probability of an M/M/c/c loss system.
 *
 * Uses the recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), which never forms a factorial
 * or a power and stays in [0, 1] for any size.
 *
 * @param agents number of servers (trunks), integer >= 0
 * @param loadErlangs offered load in Erlangs, >= 0: arrival rate (contacts per second) × mean
 *   holding time (seconds), i.e. volume per interval × holding time / interval seconds
 * @returns P(all servers busy) seen by an arrival, in [0, 1]
 */
export function erlangB(agents: number, loadErlangs: number): number {
  requireInteger('agents', agents, 0);
  requireNonNegative('loadErlangs', loadErlangs);
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (loadErlangs * b) / (n + loadErlangs * b);
  return b;
}

/**
 * ln(1 / B(agents, load)): the Erlang B recursion carried in log space, so it neither
 * underflows (B can be far below 1e-308 when the load is small against the agents) nor loses
 * accuracy. Equals ln( sum_{n=0..c} (c!/n!) A^(n−c) ), i.e. the log of the M/M/c state weights
 * 0..c relative to state c.
 *
 * @param agents number of servers, integer >= 0
 * @param loadErlangs offered load in Erlangs, > 0
 */
export function logInverseErlangB(agents: number, loadErlangs: number): number {
  requireInteger('agents', agents, 0);
  // 1/B(n) = 1 + (n/A)·(1/B(n−1)), so L(n) = softplus(ln(n/A) + L(n−1)).
  const logLoad = Math.log(loadErlangs);
  let l = 0;
  for (let n = 1; n <= agents; n++) {
    const s = Math.log(n) - logLoad + l;
    l = s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
  }
  return l;
}
