import { requireInteger, requireNonNegative, requirePositive } from './checkParams.js';
import { erlangB } from './erlangB.js';
import { stationaryByLevels } from './levelReduction.js';

/**
 * Inputs of {@link erlangX}. Units as in erlangA: `arrivalRate` is fresh contacts per **second**
 * (a volume V per interval of M minutes is `V / (M * 60)`), times are seconds.
 */
export interface ErlangXParams {
  /** Agents c, integer >= 1. */
  agents: number;
  /** Lines N: contacts in the system at once (waiting + with an agent), integer >= agents. */
  lines: number;
  /** Fresh Poisson arrivals, contacts per second, >= 0 (retrials come on top). */
  arrivalRate: number;
  /** Mean (exponential) handle time, seconds, > 0. */
  aht: number;
  /** Mean (exponential) patience in queue, seconds, > 0; absent or Infinity = never abandons. */
  patience?: number;
  /** Probability that a blocked or abandoned caller tries again, in [0, 1]; default 0. */
  retrialProbability?: number;
  /** Mean (exponential) time before a retrial, seconds, > 0; needed when retrialProbability > 0. */
  retrialDelay?: number;
  /** Service-level threshold T, seconds, >= 0. */
  slSeconds: number;
  /** Largest stationary probability left at the orbit truncation; default {@link ERLANG_X_TOLERANCE}. */
  tolerance?: number;
}

/** Default truncation tolerance of the retrial orbit: the probability mass left at its edge. */
export const ERLANG_X_TOLERANCE = 1e-10;

/**
 * Steady state of the Erlang X model, probabilities per contact attempt (fresh or retrial).
 * The keys shared with QueueMetrics (queueMetrics.ts) mean what they mean there, over the attempts that
 * got a line (the contacts a simulation counts as `offered`: answered + abandoned).
 */
export interface ErlangXMetrics {
  model: 'erlang-x' | 'erlang-b';
  agents: number;
  lines: number;
  /** Fresh offered load in Erlangs: arrivalRate × aht (retrials not included). */
  load: number;
  /** P(an attempt that got a line waits at all). */
  pWait: number;
  /** P(an attempt that got a line is answered within T seconds). */
  serviceLevel: number;
  /** Mean wait of answered attempts, seconds (null when none is answered). */
  asa: number | null;
  /** Agent time busy: E[busy agents] / agents. */
  occupancy: number;
  /** P(an attempt that got a line abandons): abandoned / (answered + abandoned). */
  pAbandon: number;
  /** P(an attempt, fresh or retrial, finds every line taken). */
  pBlock: number;
  /** P(a fresh caller's first attempt finds every line taken): the time-average P(n = N). */
  pBlockFresh: number;
  /** Attempts per second, fresh + retrial. */
  effectiveArrivalRate: number;
  /** Retrial attempts per second: E[orbit] / retrialDelay. */
  retrialRate: number;
  /** Blocked attempts per second. */
  blockedRate: number;
  /** Answered attempts per second (= carried load / aht). */
  answeredRate: number;
  /** Abandoned attempts per second (= E[waiting] / patience). */
  abandonedRate: number;
  /** Mean number of callers waiting to retry. */
  meanOrbit: number;
  /**
   * The orbit (callers waiting to retry) is cut at `orbitMax`: a redial that would take it
   * above is dropped. `error` is the stationary probability at the cut, P(orbit = orbitMax),
   * below the tolerance; 0 (exact) when nobody retries.
   */
  truncation: { orbitMax: number; error: number };
}

/** Largest levels × (phases³ + 1000) (the LU work) a chain may need: a few seconds of solving. */
const MAX_WORK = 5e8;
/** First orbit cut tried; it doubles until the mass at the cut is below the tolerance. */
const FIRST_ORBIT_MAX = 16;

/**
 * Erlang X (Janssen, Koole and Pot 2011, "Erlang loss models with delayed feedback"), exactly:
 * c agents, N >= c lines, fresh Poisson arrivals λ, exponential handle times (rate μ = 1/aht)
 * and patience in queue (rate θ = 1/patience, 0 without patience). An attempt that finds all N
 * lines taken is blocked; a blocked or abandoned caller redials with probability r after an
 * exponential delay (rate δ = 1/retrialDelay), and leaves for good otherwise. Service is first
 * come first served.
 *
 * The state is (n, m): n contacts in the system (0..N), m callers in the orbit. Transitions:
 *   fresh arrival λ:        n < N: (n+1, m);   n = N: (N, m+1) with prob r;
 *   retrial m·δ:            n < N: (n+1, m−1); n = N: (N, m−1) with prob 1 − r, else stays;
 *   service min(n, c)·μ:    (n−1, m);
 *   abandonment (n−c)⁺·θ:   (n−1, m+1) with prob r, else (n−1, m).
 * The orbit is cut at M (a redial above M is dropped), M doubling from 16 until the stationary
 * mass at m = M is below the tolerance; the chain is block tridiagonal in either coordinate and
 * is solved by linear level reduction (see levelReduction.ts) with levels along the longer one.
 *
 * Per attempt: fresh attempts see the time averages π(n, m) (PASTA), retrials arrive at rate
 * m·δ, so an attempt sees (n, m) with weight (λ + m·δ)·π(n, m). It is blocked when n = N; one
 * that gets a line and finds n < c is answered at once; one that finds n >= c waits in queue
 * position j = n − c (j contacts ahead), and from there on its fate is Erlang A's: while k are
 * ahead the line moves at rate cμ + kθ and its own patience runs at rate θ, so with
 * V = Σ_{i=0..j} Exp(cμ + iθ) the time to reach an agent (callers behind it do not matter):
 *   P(answered | j)          = cμ / (cμ + (j+1)θ)                            (telescoping),
 *   P(answered, V <= T | j)  = cμ / (cμ + (j+1)θ) · P(K > j),  K ~ NegBin with
 *                              P(K = 0) = e^{−(cμ+θ)T}, P(K = k)/P(K = k−1) = q·(cμ + kθ)/k,
 *                              q = (1 − e^{−θT})/θ (q = T when θ = 0: K is Poisson(cμT)),
 *   E[V; answered | j]       = cμ / (cμ + (j+1)θ) · Σ_{i=0..j} 1/(cμ + (i+1)θ).
 * With θ = 0 these are Erlang C's: always answered, V ~ Erlang(j+1, cμ).
 * Checked in tests against an independently written Gauss-Seidel solution of the same chain,
 * a hand-solved single-line case, and the Erlang A, C and B limits.
 *
 * @param params agents, lines, fresh arrival rate (1/s), aht, patience, retrial probability and
 *   delay (s), SL threshold (s), truncation tolerance
 * @throws RangeError on bad inputs, on r = 1 with load >= agents (the orbit grows without end),
 *   or when the chain needs more than about ten seconds of solving
 * @example
 * // 100 calls per 30 min, 180 s handle time, 10 agents, 15 lines, 120 s patience,
 * // half of the blocked and abandoned callers retry after 5 minutes on average:
 * erlangX({ agents: 10, lines: 15, arrivalRate: 100 / 1800, aht: 180, patience: 120,
 *           retrialProbability: 0.5, retrialDelay: 300, slSeconds: 20 }).pBlock;
 */
export function erlangX(params: ErlangXParams): ErlangXMetrics {
  const p = checkErlangX(params);
  const { agents: c, lines: n, arrivalRate: lambda, aht, slSeconds: t } = p;
  const load = lambda * aht;
  if (lambda === 0) {
    return {
      model: 'erlang-x', agents: c, lines: n, load: 0, pWait: 0, serviceLevel: 1, asa: 0, occupancy: 0,
      pAbandon: 0, pBlock: 0, pBlockFresh: 0, effectiveArrivalRate: 0, retrialRate: 0, blockedRate: 0,
      answeredRate: 0, abandonedRate: 0, meanOrbit: 0, truncation: { orbitMax: 0, error: 0 },
    };
  }
  const rates: Rates = {
    c, n, lambda, mu: 1 / aht, theta: p.theta, r: p.r, delta: p.r > 0 ? 1 / p.retrialDelay : 0,
  };
  let orbitMax = p.r > 0 ? FIRST_ORBIT_MAX : 0;
  let pi = solveChain(rates, orbitMax);
  let error = p.r > 0 ? boundaryMass(pi, orbitMax) : 0;
  while (error > p.tolerance) {
    orbitMax *= 2;
    pi = solveChain(rates, orbitMax);
    error = boundaryMass(pi, orbitMax);
  }
  return { ...metricsOf(pi, rates, t), load, truncation: { orbitMax, error } };
}

/**
 * Erlang B with retrials: {@link erlangX} with no queue (lines = agents), so an attempt is either
 * answered at once or blocked; a blocked caller redials with `retrialProbability` after a mean
 * `retrialDelay`. With retrialProbability 0 its pBlock is erlangB(agents, load).
 */
export function erlangBRetrial(params: {
  agents: number;
  arrivalRate: number;
  aht: number;
  retrialProbability?: number;
  retrialDelay?: number;
  tolerance?: number;
}): ErlangXMetrics {
  const asX = { ...params, lines: params.agents, slSeconds: 0 };
  if ((params.retrialProbability ?? 0) > 0 || params.arrivalRate === 0) return { ...erlangX(asX), model: 'erlang-b' };
  // Nobody redials: plain Erlang B, by its recursion at any size (the checks are erlangX's).
  const { agents: c, arrivalRate: lambda, aht } = checkErlangX(asX);
  const load = lambda * aht;
  const b = erlangB(c, load);
  return {
    model: 'erlang-b', agents: c, lines: c, load, pWait: 0, serviceLevel: 1, asa: 0,
    occupancy: (load * (1 - b)) / c, pAbandon: 0, pBlock: b, pBlockFresh: b,
    effectiveArrivalRate: lambda, retrialRate: 0, blockedRate: lambda * b,
    answeredRate: lambda * (1 - b), abandonedRate: 0, meanOrbit: 0, truncation: { orbitMax: 0, error: 0 },
  };
}

interface Rates {
  c: number;
  n: number;
  lambda: number;
  mu: number;
  theta: number;
  r: number;
  delta: number;
}

/** π[n][m] of the chain with the orbit cut at orbitMax. */
function solveChain(k: Rates, orbitMax: number): Float64Array[] {
  const { c, n: lines, lambda, mu, theta, r, delta } = k;
  const moves = (n: number, m: number, to: (n: number, m: number, rate: number) => void): void => {
    if (n < lines) to(n + 1, m, lambda);
    else if (m < orbitMax) to(lines, m + 1, lambda * r);
    if (m > 0) {
      if (n < lines) to(n + 1, m - 1, m * delta);
      else to(lines, m - 1, m * delta * (1 - r));
    }
    if (n > 0) to(n - 1, m, Math.min(n, c) * mu);
    if (n > c) {
      const abandon = (n - c) * theta;
      if (m < orbitMax) {
        to(n - 1, m + 1, abandon * r);
        to(n - 1, m, abandon * (1 - r));
      } else {
        to(n - 1, m, abandon);
      }
    }
  };
  const nCount = lines + 1;
  const mCount = orbitMax + 1;
  // Levels along the longer coordinate: the work is levels × phases³.
  const byOrbit = nCount <= mCount;
  const levels = byOrbit ? mCount : nCount;
  const phases = byOrbit ? nCount : mCount;
  // The per-level bookkeeping costs about as much as a 40-phase LU; count it.
  const work = levels * (phases ** 3 + 1000); // + the per-level bookkeeping
  if (work > MAX_WORK) {
    throw new RangeError(
      `erlangX: the chain needs ${nCount} x ${mCount} states (lines x orbit) to reach a truncation error below the tolerance, ` +
        'more than can be solved exactly in seconds; use fewer lines, a lower retrial probability or a shorter retrial delay',
    );
  }
  const byLevel = stationaryByLevels({
    levels,
    phases,
    transitions: byOrbit
      ? (m, n, to) => moves(n, m, (n2, m2, rate) => to(m2, n2, rate))
      : (n, m, to) => moves(n, m, to),
  });
  const pi = Array.from({ length: nCount }, () => new Float64Array(mCount));
  byLevel.forEach((v, l) => v.forEach((x, ph) => {
    if (byOrbit) pi[ph]![l] = x;
    else pi[l]![ph] = x;
  }));
  return pi;
}

function boundaryMass(pi: readonly Float64Array[], orbitMax: number): number {
  return pi.reduce((sum, row) => sum + row[orbitMax]!, 0);
}

function metricsOf(pi: readonly Float64Array[], k: Rates, t: number): Omit<ErlangXMetrics, 'load' | 'truncation'> {
  const { c, n: lines, lambda, mu, theta, delta } = k;
  const cmu = c * mu;
  // Attempts (fresh λ, retrial m·δ) seeing n in the system, per second; time averages of n.
  const seen = new Float64Array(lines + 1);
  let meanOrbit = 0;
  let busy = 0;
  let waiting = 0;
  let pFull = 0;
  pi.forEach((row, n) => {
    let pn = 0;
    let orbit = 0;
    row.forEach((x, m) => { pn += x; orbit += m * x; });
    seen[n] = lambda * pn + delta * orbit;
    meanOrbit += orbit;
    busy += Math.min(n, c) * pn;
    waiting += Math.max(n - c, 0) * pn;
    if (n === lines) pFull = pn;
  });

  // Fates of an admitted attempt in queue position j (see erlangX's comment), j = 0, 1, ...
  const q = t === 0 ? 0 : theta > 0 ? -Math.expm1(-theta * t) / theta : t;
  let logPmf = -(cmu + theta) * t; // ln P(K = 0)
  let cdf = Math.exp(logPmf); // P(K <= j)
  let meanPath = 1 / (cmu + theta); // Σ_{i=0..j} 1/(cμ + (i+1)θ)
  let admitted = 0;
  let answered = 0;
  let abandoned = 0;
  let within = 0;
  let waitAnswered = 0;
  let delayed = 0;
  for (let n = 0; n < lines; n++) {
    const w = seen[n]!;
    admitted += w;
    if (n < c) {
      answered += w;
      within += w;
      continue;
    }
    const j = n - c;
    const next = cmu + (j + 1) * theta;
    const pAnswered = cmu / next;
    delayed += w;
    answered += w * pAnswered;
    abandoned += (w * (j + 1) * theta) / next;
    within += w * pAnswered * Math.max(0, 1 - cdf);
    waitAnswered += w * pAnswered * meanPath;
    logPmf += Math.log((q * (cmu + (j + 1) * theta)) / (j + 1));
    cdf += Math.exp(logPmf);
    meanPath += 1 / (cmu + (j + 2) * theta);
  }
  const attempts = admitted + seen[lines]!;
  return {
    model: 'erlang-x',
    agents: c,
    lines,
    pWait: delayed / admitted,
    serviceLevel: Math.min(1, within / admitted),
    asa: answered > 0 ? waitAnswered / answered : null,
    occupancy: Math.min(1, busy / c),
    pAbandon: abandoned / admitted,
    pBlock: seen[lines]! / attempts,
    pBlockFresh: pFull,
    effectiveArrivalRate: attempts,
    retrialRate: delta * meanOrbit,
    blockedRate: seen[lines]!,
    answeredRate: busy * mu,
    abandonedRate: waiting * theta,
    meanOrbit,
  };
}

interface CheckedParams {
  agents: number;
  lines: number;
  arrivalRate: number;
  aht: number;
  slSeconds: number;
  theta: number;
  r: number;
  retrialDelay: number;
  tolerance: number;
}

function checkErlangX(params: ErlangXParams): CheckedParams {
  requireInteger('agents', params.agents, 1);
  requireInteger('lines', params.lines, params.agents);
  requireNonNegative('arrivalRate', params.arrivalRate);
  requirePositive('aht', params.aht);
  requireNonNegative('slSeconds', params.slSeconds);
  const patience = params.patience ?? Number.POSITIVE_INFINITY;
  if (!(patience > 0)) throw new RangeError(`patience must be > 0, got ${patience}`);
  const r = params.retrialProbability ?? 0;
  if (!(r >= 0 && r <= 1)) throw new RangeError(`retrialProbability must be in [0, 1], got ${r}`);
  const retrialDelay = params.retrialDelay ?? Number.NaN;
  if (r > 0) requirePositive('retrialDelay', retrialDelay);
  else if (params.retrialDelay !== undefined) requirePositive('retrialDelay', params.retrialDelay);
  const tolerance = params.tolerance ?? ERLANG_X_TOLERANCE;
  if (!(tolerance > 0 && tolerance < 0.01)) throw new RangeError(`tolerance must be in (0, 0.01), got ${tolerance}`);
  // With r = 1 nobody leaves unanswered, so the agents must carry the whole load.
  if (r === 1 && params.arrivalRate * params.aht >= params.agents) {
    throw new RangeError(
      `with retrialProbability 1 every caller comes back until answered, so the load (${params.arrivalRate * params.aht} Erlangs) must be below the agents (${params.agents})`,
    );
  }
  return {
    agents: params.agents,
    lines: params.lines,
    arrivalRate: params.arrivalRate,
    aht: params.aht,
    slSeconds: params.slSeconds,
    theta: Number.isFinite(patience) ? 1 / patience : 0,
    r,
    retrialDelay,
    tolerance,
  };
}
