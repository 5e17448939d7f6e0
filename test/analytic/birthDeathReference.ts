// Independent reference for the M/M/c+M queue, used only by tests: the stationary law comes from
// a dense ml-matrix solve of the truncated generator, and the tagged customer's fate from a
// first-step analysis and uniformization of its own death chain (no Beta/negative-binomial math).
import { Matrix, solve } from 'ml-matrix';

export interface ReferenceCase {
  agents: number;
  arrivalRate: number;
  aht: number;
  patience: number;
  slSeconds: number;
}

/** π over states 0..maxState from π Q = 0, Σ π = 1 (last balance equation replaced by Σ = 1). */
export function stationaryByMatrix(k: ReferenceCase, maxState: number): number[] {
  const { agents: c, arrivalRate: lambda } = k;
  const mu = 1 / k.aht;
  const theta = 1 / k.patience;
  const size = maxState + 1;
  const qt = Matrix.zeros(size, size); // transpose of the generator
  for (let n = 0; n <= maxState; n++) {
    const up = n < maxState ? lambda : 0;
    const down = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
    if (n < maxState) qt.set(n + 1, n, up);
    if (n > 0) qt.set(n - 1, n, down);
    qt.set(n, n, -(up + down));
  }
  for (let n = 0; n <= maxState; n++) qt.set(maxState, n, 1);
  const rhs = Matrix.zeros(size, 1);
  rhs.set(maxState, 0, 1);
  return solve(qt, rhs).getColumn(0);
}

export interface ReferenceMetrics {
  pWait: number;
  pAbandonLittle: number;
  pAbandonTagged: number;
  occupancy: number;
  serviceLevel: number;
  asa: number;
  /** π(maxState): must be negligible for the truncation to be harmless. */
  lastState: number;
}

/**
 * Tagged customer with m waiting ahead: leaves state m at rate ν_m = cμ + (m+1)θ, moving down
 * (or into service from m = 0) with probability (cμ + mθ)/ν_m, else abandoning.
 */
export function referenceMetrics(k: ReferenceCase, maxState: number): ReferenceMetrics {
  const pi = stationaryByMatrix(k, maxState);
  const c = k.agents;
  const cmu = c / k.aht;
  const theta = 1 / k.patience;
  const lambda = k.arrivalRate;
  const at = (n: number): number => pi[n] ?? 0;
  let pWait = 0, lq = 0, busy = 0, noWait = 0;
  for (let n = 0; n <= maxState; n++) {
    if (n >= c) pWait += at(n);
    else noWait += at(n);
    lq += Math.max(n - c, 0) * at(n);
    busy += Math.min(n, c) * at(n);
  }
  const jobs = maxState - c; // m = 0..jobs
  // First-step analysis: h = P(answered | m), g = E[wait; answered | m].
  const h: number[] = [];
  const g: number[] = [];
  for (let m = 0; m <= jobs; m++) {
    const nu = cmu + (m + 1) * theta;
    const pDown = (cmu + m * theta) / nu;
    const hPrev = m === 0 ? 1 : (h[m - 1] ?? 0);
    const gPrev = m === 0 ? 0 : (g[m - 1] ?? 0);
    h.push(pDown * hPrev);
    g.push(pDown * (hPrev / nu + gPrev));
  }
  // Uniformization: u_n(m) = P(answered within n jumps | m); Poisson(U·T) mixes them.
  const rate = cmu + (jobs + 1) * theta;
  const mean = rate * k.slSeconds;
  let u = new Float64Array(jobs + 1);
  const within = new Float64Array(jobs + 1);
  let logPois = -mean; // ln P(Poisson = 0)
  const steps = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
  for (let n = 0; n <= steps; n++) {
    const weight = Math.exp(logPois);
    for (let m = 0; m <= jobs; m++) within[m] = (within[m] ?? 0) + weight * (u[m] ?? 0);
    const next = new Float64Array(jobs + 1);
    for (let m = 0; m <= jobs; m++) {
      const down = (cmu + m * theta) / rate;
      const stay = 1 - (cmu + (m + 1) * theta) / rate;
      next[m] = down * (m === 0 ? 1 : (u[m - 1] ?? 0)) + stay * (u[m] ?? 0);
    }
    u = next;
    logPois += Math.log(mean / (n + 1));
  }
  let answeredWithin = noWait, answered = noWait, waitAnswered = 0, abandonTagged = 0;
  for (let m = 0; m <= jobs; m++) {
    const p = at(c + m);
    answeredWithin += p * (within[m] ?? 0);
    answered += p * (h[m] ?? 0);
    abandonTagged += p * (1 - (h[m] ?? 0));
    waitAnswered += p * (g[m] ?? 0);
  }
  return {
    pWait,
    pAbandonLittle: (theta * lq) / lambda,
    pAbandonTagged: abandonTagged,
    occupancy: busy / c,
    serviceLevel: answeredWithin,
    asa: waitAnswered / answered,
    lastState: at(maxState),
  };
}
