/**
 * Exact transient oracle of the M/M/c+M queue (Erlang A) for the intraday tests (test code, not
 * shipped): Poisson arrivals at rate λ, c servers each serving at rate μ, and waiting customers
 * abandoning at rate θ each, started with `initial` customers in the system (min(n, c) busy,
 * the rest waiting). The birth-death chain (birth λ, death min(n,c)μ + max(n-c,0)θ) is solved on
 * [0, T] by uniformization (Jensen's method): with Λ >= every total outflow rate and P = I + Q/Λ,
 *   p(T)        = Σ_k Pois(k; ΛT) π_k,                π_k = π_0 P^k,
 *   ∫_0^T p dt  = (1/Λ) Σ_k P(Pois(ΛT) > k) π_k,
 * the second because ∫_0^T e^{-Λt} (Λt)^k / k! dt = P(Pois(ΛT) > k) / Λ. The expected counts in
 * [0, T] are rates integrated against it, exactly:
 *   completions = μ Σ min(n,c) ∫p_n,   abandonments = θ Σ max(n-c,0) ∫p_n,   arrivals = λ T,
 * and answered (service starts, by arrivals or by those waiting at 0) = completions + E[busy(T)]
 * - busy(0), since each service started in [0, T] is either completed in it or still running at T.
 *
 * Truncations, each bounded explicitly:
 * - The Poisson weights are computed from the mode outwards (Fox and Glynn's idea) until they
 *   fall below 1e-30 of the mode's, then normalized; the steps stop at that right point R. Past
 *   the mode the weights fall faster than geometrically, so the mass left out on either side,
 *   and Σ_{k>R} P(Pois(ΛT) > k) (the integral's), are below about 1e-28.
 * - The state space is cut at a level K where arrivals are blocked. The truncated chain and the
 *   true one can be run together until the first arrival the truncated one blocks, so every
 *   probability (and every count, up to its size) differs by at most P(some arrival blocked)
 *   <= E[blocked arrivals] = λ ∫_0^T p_K dt, which is computed along the way. K starts at
 *   max(initial, c) + 64 and doubles its headroom over max(initial, c) until that bound is below
 *   1e-20 (returned as `blockedBound`): the neglected probability is below 1e-20, and an expected
 *   count C, by Cauchy-Schwarz, is off by at most sqrt(E[C²] 1e-20) = 1e-10 rms(C). (The queue's
 *   tail falls faster than geometrically, as θ grows with its length, so this costs little.)
 */

export interface TransientParams {
  /** λ, arrivals per second, >= 0. */
  arrivalRate: number;
  /** c, servers, integer >= 0. */
  servers: number;
  /** μ, service completions per second per busy server, > 0 (ignored when c = 0). */
  serviceRate: number;
  /** θ, abandonments per second per waiting customer, >= 0 (> 0 when λ > 0 and c = 0). */
  abandonRate: number;
  /** Customers in the system at time 0 (min(n, c) busy, the rest waiting), integer >= 0. */
  initial: number;
  /** T, seconds, >= 0. */
  horizon: number;
}

export interface TransientResult {
  /** P(N(T) = n), n = 0..level. */
  distribution: Float64Array;
  /** E[N(T)], E[busy(T)], E[waiting(T)]. */
  meanInSystem: number;
  meanBusy: number;
  meanWaiting: number;
  /** Expected counts in [0, T]. */
  arrivals: number;
  completions: number;
  abandonments: number;
  /** Service starts in [0, T], of arrivals and of customers waiting at 0. */
  answered: number;
  /** The truncation: state level K, uniformization steps R, and the bound on the error. */
  level: number;
  steps: number;
  blockedBound: number;
}

/** Poisson(m) weights on [left, right] (normalized), and the tails P(N > k) there. */
function poissonWeights(m: number): { left: number; pmf: Float64Array; tail: Float64Array } {
  const mode = Math.floor(m);
  // Relative to the mode, outwards until the weight is negligible (1e-30 of the mode's).
  const up: number[] = [1];
  for (let k = mode, w = 1; w > 1e-30; k++) up.push((w *= m / (k + 1)));
  const down: number[] = [];
  for (let k = mode, w = 1; k > 0 && w > 1e-30; k--) down.push((w *= k / m));
  const left = mode - down.length;
  const raw = [...down.reverse(), ...up];
  let total = 0;
  for (const w of raw) total += w;
  const pmf = Float64Array.from(raw, (w) => w / total);
  const tail = new Float64Array(pmf.length);
  let acc = 0; // summed from the right: the small terms first
  for (let i = pmf.length - 1; i >= 0; i--) {
    tail[i] = acc;
    acc += pmf[i]!;
  }
  return { left, pmf, tail };
}

function solve(p: TransientParams, level: number): TransientResult {
  const { arrivalRate: lambda, servers: c, serviceRate: mu, abandonRate: theta, initial, horizon: t } = p;
  const busy = (n: number) => Math.min(n, c);
  const death = (n: number) => busy(n) * mu + Math.max(n - c, 0) * theta;
  const birth = (n: number) => (n < level ? lambda : 0);
  let big = 0;
  for (let n = 0; n <= level; n++) big = Math.max(big, birth(n) + death(n));
  const rate = big > 0 ? big : 1;
  const states = level + 1;
  const stay = new Float64Array(states);
  const upP = new Float64Array(states);
  const downP = new Float64Array(states);
  for (let n = 0; n < states; n++) {
    upP[n] = birth(n) / rate;
    downP[n] = death(n) / rate;
    stay[n] = 1 - upP[n]! - downP[n]!;
  }
  const { left, pmf, tail } = poissonWeights(rate * t);
  let pi = new Float64Array(states);
  let next = new Float64Array(states);
  pi[initial] = 1;
  const atT = new Float64Array(states);
  const integral = new Float64Array(states);
  // Steps past `left + pmf.length` would only add weights below 1e-30; before `left` the
  // integral's weight P(Pois > k) is 1 - (mass below left), i.e. 1 to within 1e-30.
  const last = left + pmf.length - 1;
  for (let k = 0; k <= last; k++) {
    const i = k - left;
    const weight = i >= 0 ? pmf[i]! : 0;
    const cumulative = i >= 0 ? tail[i]! : 1;
    if (cumulative === 0 && weight === 0) break;
    for (let n = 0; n < states; n++) {
      atT[n] = atT[n]! + weight * pi[n]!;
      integral[n] = integral[n]! + (cumulative / rate) * pi[n]!;
    }
    for (let n = 0; n < states; n++) {
      next[n] = pi[n]! * stay[n]! + (n > 0 ? pi[n - 1]! * upP[n - 1]! : 0) + (n + 1 < states ? pi[n + 1]! * downP[n + 1]! : 0);
    }
    [pi, next] = [next, pi];
  }
  let meanInSystem = 0;
  let meanBusy = 0;
  let completions = 0;
  let abandonments = 0;
  for (let n = 0; n < states; n++) {
    meanInSystem += n * atT[n]!;
    meanBusy += busy(n) * atT[n]!;
    completions += mu * busy(n) * integral[n]!;
    abandonments += theta * Math.max(n - c, 0) * integral[n]!;
  }
  const blockedBound = lambda * integral[level]!;
  return {
    distribution: atT,
    meanInSystem,
    meanBusy,
    meanWaiting: meanInSystem - meanBusy,
    arrivals: lambda * t - blockedBound,
    completions,
    abandonments,
    answered: completions + meanBusy - busy(initial),
    level,
    steps: last + 1,
    blockedBound,
  };
}

/** The largest accepted E[arrivals blocked by the level cut] (see the file's comment). */
const BLOCKED_BOUND = 1e-20;

/** The exact transient solution (see the file's comment for the method and its error bounds). */
export function transientErlangA(params: TransientParams): TransientResult {
  const { arrivalRate: lambda, servers: c, serviceRate: mu, abandonRate: theta, initial, horizon } = params;
  if (!(lambda >= 0 && mu > 0 && theta >= 0 && horizon >= 0)) {
    throw new RangeError('transientErlangA: rates and horizon must be >= 0 (μ > 0)');
  }
  if (!Number.isInteger(c) || c < 0 || !Number.isInteger(initial) || initial < 0) {
    throw new RangeError('transientErlangA: servers and initial must be integers >= 0');
  }
  if (lambda > 0 && c === 0 && theta === 0) {
    throw new RangeError('transientErlangA: arrivals with no servers and no abandonment never leave');
  }
  // Headroom over max(initial, c), doubled while the blocked-arrival bound exceeds 1e-20.
  let headroom = 64;
  for (;;) {
    const result = solve(params, Math.max(initial, c) + headroom);
    if (result.blockedBound < BLOCKED_BOUND || lambda === 0) return result;
    headroom *= 2;
  }
}
