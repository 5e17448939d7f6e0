import { requireInteger, requireNonNegative, requirePositive } from './checkParams.js';
import { logInverseErlangB } from './erlangB.js';
import { erlangC } from './erlangC.js';
import type { QueueMetrics } from './queueMetrics.js';

/**
 * Inputs of {@link erlangA}. Units: `arrivalRate` is contacts per **second**, not a volume per
 * interval: a volume V per interval of M minutes is `V / (M * 60)`, a volume per hour `V / 3600`.
 */
export interface ErlangAParams {
  /** Number of agents, integer >= 1. */
  agents: number;
  /** Poisson arrival rate, contacts per second, >= 0 (volume per interval / interval seconds). */
  arrivalRate: number;
  /** Mean (exponential) handle time, seconds, > 0. */
  aht: number;
  /** Mean (exponential) patience, seconds, > 0; Infinity gives Erlang C. */
  patience: number;
  /** Service-level threshold T, seconds, >= 0. */
  slSeconds: number;
}

/** Everything {@link erlangAChain} knows about the M/M/c+M queue, per arriving contact. */
export interface ErlangAChain {
  /** P(N >= c): the arrival waits at all. */
  pWait: number;
  /** P(the arrival abandons). */
  pAbandon: number;
  /** P(the arrival is answered), computed separately from pAbandon (they sum to 1). */
  pAnswered: number;
  /** P(the arrival is answered within T seconds), zero waits included. */
  pAnsweredWithin: number;
  /** Mean wait of answered contacts, seconds (NaN if none is answered). */
  meanWaitAnswered: number;
  /** Time-average number waiting, E[Lq]; Little gives pAbandon = θ·E[Lq]/λ. */
  meanQueueLength: number;
  /** Number of tail terms summed (states c, c+1, ...). */
  terms: number;
}

/** Relative size below which the rest of the tail is dropped. */
const TAIL_EPSILON = 1e-16;
/** Beyond this many states the tail is refused rather than summed for seconds on end. */
const MAX_TERMS = 50_000_000;

/**
 * Exact M/M/c+M (Palm / Erlang A) quantities from the birth-death chain with birth λ and death
 * min(n,c)·μ + max(n−c,0)·θ, θ = 1/patience.
 *
 * States are weighted relative to state c in log space: the states below c sum to 1/B(c,A) − 1
 * (Erlang B in log form), and the tail weights w_j = π(c+j)/π(c) = Π_{i=1..j} λ/(cμ + iθ) are
 * summed with a running maximum as the scale, so nothing overflows at any size. The tail stops
 * once its ratio r = λ/(cμ+(j+1)θ) is below 1 and the geometric bound w_j·Σ r^m (weighted by the
 * queue length where a sum needs it) is below 1e-16 of every partial sum.
 *
 * A tagged arrival finding j waiting would wait V = Σ_{i=0..j} Exp(cμ + iθ) to reach an agent and
 * is answered iff its patience exceeds V, with probability E[e^{−θV}]. With a = cμ/θ,
 * e^{−θV} ~ Beta(a, j+1), hence (all verified in tests against an independent method):
 *   P(answered) = a/(a+j+1);
 *   P(answered, V <= T) = a/(a+j+1) · P(K > j), K ~ NegativeBinomial(a+1, e^{−θT}) failures;
 *   E[V; answered] = a/(a+j+1) · Σ_{i=0..j} 1/(cμ + (i+1)θ).
 * Everything is written with cμ + iθ instead of a, so θ → 0 tends smoothly to Erlang C.
 *
 * @param params agents, arrival rate (1/s), aht (s), patience (s, finite), SL threshold (s)
 */
export function erlangAChain(params: ErlangAParams): ErlangAChain {
  const { agents: c, arrivalRate: lambda, aht, patience, slSeconds: t } = checkErlangA(params);
  if (!Number.isFinite(patience)) throw new RangeError('erlangAChain needs a finite patience');
  if (lambda === 0) {
    return { pWait: 0, pAbandon: 0, pAnswered: 1, pAnsweredWithin: 1, meanWaitAnswered: 0, meanQueueLength: 0, terms: 0 };
  }
  const cmu = c / aht;
  const theta = 1 / patience;
  if ((lambda - cmu) / theta > MAX_TERMS) throw tooLong(); // the tail peaks only at (λ − cμ)/θ
  const l = logInverseErlangB(c, lambda * aht); // ln(1/B) > 0
  const logBelow = l > 30 ? l + Math.log1p(-Math.exp(-l)) : Math.log(Math.expm1(l)); // ln Σ_{n<c} π_n/π_c

  // All sums below carry the common factor e^{-scale}.
  let scale = logBelow;
  let below = 1; // Σ_{n<c} π_n / π_c, scaled
  let tail = 0; // Σ w_j
  let answered = 0; // Σ w_j · P(answered | j)
  let abandoned = 0; // Σ w_j · P(abandons | j)
  let within = 0; // Σ w_j · P(answered within T | j)
  let waitAnswered = 0; // Σ w_j · E[V; answered | j]
  let queue = 0; // Σ j·w_j

  // Negative binomial K: ln P(K = k) and P(K <= j); q·(cμ + kθ)/k is its pmf ratio.
  const q = t > 0 ? -Math.expm1(-theta * t) / theta : 0; // (1 − e^{−θT})/θ, tends to T
  let logPmf = -(cmu + theta) * t;
  let cdf = Math.exp(logPmf);
  let meanPath = 1 / (cmu + theta); // Σ_{i=0..j} 1/(cμ + (i+1)θ)
  let logW = 0;
  let j = 0;
  for (;;) {
    if (logW > scale) {
      const shrink = Math.exp(scale - logW);
      below *= shrink; tail *= shrink; answered *= shrink; abandoned *= shrink;
      within *= shrink; waitAnswered *= shrink; queue *= shrink;
      scale = logW;
    }
    const w = Math.exp(logW - scale);
    const next = cmu + (j + 1) * theta;
    const pAnswered = cmu / next; // a/(a+j+1)
    tail += w;
    answered += w * pAnswered;
    abandoned += (w * (j + 1) * theta) / next;
    within += w * pAnswered * Math.max(0, 1 - cdf);
    waitAnswered += w * pAnswered * meanPath;
    queue += j * w;

    const r = lambda / next;
    if (r < 1 && j >= 1) {
      const geo = r / (1 - r);
      const wTail = w * geo; // bounds Σ_{k>j} w_k
      const jTail = w * ((j + 1) * geo + geo / (1 - r)); // bounds Σ_{k>j} (k+1)·w_k
      const eps = TAIL_EPSILON;
      if (wTail <= eps * tail && (jTail * theta) / cmu <= eps * abandoned &&
          jTail / cmu <= eps * waitAnswered && jTail <= eps * queue) break;
    }
    j += 1;
    if (j >= MAX_TERMS) throw tooLong();
    logW += Math.log(r);
    logPmf += Math.log((q * (cmu + j * theta)) / j);
    cdf += Math.exp(logPmf);
    meanPath += 1 / (cmu + (j + 1) * theta);
  }
  const total = below + tail;
  return {
    pWait: tail / total,
    pAbandon: abandoned / total,
    pAnswered: (below + answered) / total,
    pAnsweredWithin: Math.min(1, (below + within) / total),
    meanWaitAnswered: waitAnswered / (below + answered),
    meanQueueLength: queue / total,
    terms: j + 1,
  };
}

/**
 * Erlang A (M/M/c+M: exponential handle times and exponential patience) steady-state metrics,
 * computed exactly from the birth-death chain (see {@link erlangAChain}); stable for thousands
 * of agents and for loads well above the agent count.
 *
 * pWait = P(an arrival waits at all); pAbandon = P(an arrival abandons); serviceLevel =
 * P(answered within T) over all arrivals; asa = mean wait of answered contacts, seconds;
 * occupancy = λ·(1 − pAbandon)·aht / agents. Infinite patience gives Erlang C (pAbandon 0).
 *
 * @param params agents, arrival rate (contacts per second), aht (s), patience (s), SL threshold (s)
 * @returns probabilities per arriving contact, `asa` in seconds, `load` in Erlangs
 * @example
 * // 100 calls per 30-minute interval (100 / 1800 per second), 180 s handle time, 120 s patience:
 * erlangA({ agents: 12, arrivalRate: 100 / 1800, aht: 180, patience: 120, slSeconds: 20 }).pAbandon;
 */
export function erlangA(params: ErlangAParams): QueueMetrics {
  const { agents, arrivalRate, aht, patience, slSeconds } = checkErlangA(params);
  const load = arrivalRate * aht;
  if (patience === Number.POSITIVE_INFINITY) {
    return { ...erlangC({ agents, arrivalRate, aht, slSeconds }), model: 'erlang-a', pAbandon: 0 };
  }
  const chain = erlangAChain(params);
  const pAbandon = chain.pAbandon;
  return {
    model: 'erlang-a',
    agents,
    load,
    pWait: chain.pWait,
    serviceLevel: chain.pAnsweredWithin,
    asa: Number.isFinite(chain.meanWaitAnswered) ? chain.meanWaitAnswered : null,
    occupancy: Math.min(1, (load * (1 - pAbandon)) / agents),
    pAbandon,
  };
}

function tooLong(): RangeError {
  return new RangeError(
    `erlangA: the queue tail needs more than ${MAX_TERMS} states (patience too long for this load)`,
  );
}

function checkErlangA(params: ErlangAParams): ErlangAParams {
  requireInteger('agents', params.agents, 1);
  requireNonNegative('arrivalRate', params.arrivalRate);
  requirePositive('aht', params.aht);
  if (!(params.patience > 0)) throw new RangeError(`patience must be > 0, got ${params.patience}`);
  requireNonNegative('slSeconds', params.slSeconds);
  return params;
}
