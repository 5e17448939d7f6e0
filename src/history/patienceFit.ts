import { digamma, lnGamma, lnNormalSurvival } from '../random/index.js';
import { estimate, type Estimate } from './estimate.js';
import { kaplanMeier, type KaplanMeier } from './kaplanMeier.js';
import { maximize } from './maximize.js';
import { WAIT_BINS, type WaitHistogram } from './waitHistogram.js';

/**
 * Patience from a contact log, as censored data (Brown et al. 2005, "Statistical analysis of a
 * telephone call center", section 6): an abandoned contact's wait is its patience, an answered
 * contact's wait a lower bound of it (right-censored). Ignoring the censoring (fitting the
 * abandoned waits alone) keeps only the impatient and underestimates patience badly.
 *
 * Three families by maximum likelihood with censoring, chosen by AIC (all fits use the same
 * data representation, so their likelihoods compare):
 * - exponential: closed form, mean = Σ waits / abandoned, SE = mean / √abandoned;
 * - Weibull (log scale, log shape) and lognormal (μ, log σ): Newton on the likelihood
 *   (src/history/maximize.ts), standard errors from the inverse observed information and the
 *   delta method. Observed waits enter through exact sums (Σ ln t, Σ ln² t); the terms with no
 *   sufficient statistic (Σ (t/scale)^shape, Σ ln S(t) of the censored) through the histogram.
 */
export type PatienceFamily = 'exponential' | 'weibull' | 'lognormal';

export interface PatienceFitResult {
  readonly family: PatienceFamily;
  readonly converged: boolean;
  readonly logLikelihood: number;
  /** 2 x parameters - 2 x log-likelihood. */
  readonly aic: number;
  /** Mean patience, seconds. */
  readonly mean: Estimate;
  /** Family parameters: exponential { mean }, weibull { shape, scale }, lognormal { mean, cv }. */
  readonly parameters: Readonly<Record<string, Estimate>>;
  /** The scenario distribution this fit describes. */
  readonly dist: PatienceDist;
}

export type PatienceDist =
  | { dist: 'exponential'; mean: number }
  | { dist: 'weibull'; shape: number; scale: number }
  | { dist: 'lognormal'; mean: number; cv: number };

export interface PatienceEstimate {
  /** Abandoned contacts (observed patience) and answered ones (censored). */
  readonly observed: number;
  readonly censored: number;
  readonly kaplanMeier: KaplanMeier;
  /** Every family fitted, in the order exponential, weibull, lognormal. */
  readonly fits: readonly PatienceFitResult[];
  /** The converged fit of least AIC; undefined when nothing could be fitted (no abandonment). */
  readonly chosen: PatienceFitResult | undefined;
  readonly notes: readonly string[];
}

/** Fewest abandoned contacts for the two-parameter families (below, exponential only). */
export const MIN_ABANDONED_TWO_PARAMETER = 20;

export function fitPatience(h: WaitHistogram): PatienceEstimate {
  const notes: string[] = [];
  const km = kaplanMeier(h);
  if (h.observed === 0) {
    notes.push(`no abandoned contact among ${h.censored} answered: every wait is censored, patience cannot be estimated`);
    return { observed: 0, censored: h.censored, kaplanMeier: km, fits: [], chosen: undefined, notes };
  }
  if (h.zeroObserved > 0) notes.push(`${h.zeroObserved} abandoned with a wait of 0 s, taken as 0.5 s`);
  const fits: PatienceFitResult[] = [exponentialFit(h)];
  if (h.observed >= MIN_ABANDONED_TWO_PARAMETER) {
    const bins = binList(h);
    fits.push(weibullFit(h, bins), lognormalFit(h, bins));
    for (const f of fits) if (!f.converged) notes.push(`the ${f.family} fit did not converge: left out of the choice`);
  } else notes.push(`only ${h.observed} abandoned: exponential only (Weibull and lognormal need ${MIN_ABANDONED_TWO_PARAMETER})`);
  let chosen: PatienceFitResult | undefined;
  for (const f of fits) if (f.converged && (chosen === undefined || f.aic < chosen.aic)) chosen = f;
  return { observed: h.observed, censored: h.censored, kaplanMeier: km, fits, chosen, notes };
}

/** Non-empty bins as (count, ln t̄): all waits for Σ t^k, the censored for Σ ln S(t). */
interface BinList {
  readonly allCount: Float64Array;
  readonly allLog: Float64Array;
  readonly censoredCount: Float64Array;
  readonly censoredLog: Float64Array;
}

function binList(h: WaitHistogram): BinList {
  const all: [number, number][] = [];
  const censored: [number, number][] = [];
  for (let b = 0; b < WAIT_BINS; b++) {
    const co = h.observedCount[b]!;
    if (co > 0) all.push([co, Math.log(h.observedSum[b]! / co)]);
    const cc = h.censoredCount[b]!;
    if (cc > 0) {
      const logT = Math.log(h.censoredSum[b]! / cc);
      all.push([cc, logT]);
      censored.push([cc, logT]);
    }
  }
  return {
    allCount: Float64Array.from(all, (e) => e[0]),
    allLog: Float64Array.from(all, (e) => e[1]),
    censoredCount: Float64Array.from(censored, (e) => e[0]),
    censoredLog: Float64Array.from(censored, (e) => e[1]),
  };
}

function exponentialFit(h: WaitHistogram): PatienceFitResult {
  const d = h.observed;
  const mean = h.totalWait / d;
  const ll = -d * Math.log(mean) - d;
  const m = estimate(mean, mean / Math.sqrt(d), 'censored ML, exponential (closed form)', d + h.censored);
  return { family: 'exponential', converged: true, logLikelihood: ll, aic: 2 - 2 * ll, mean: m, parameters: { mean: m }, dist: { dist: 'exponential', mean } };
}

/** ℓ(a = ln scale, b = ln shape) = d (b - k a) + (k - 1) Σ ln t_obs - Σ_all (t / scale)^k. */
function weibullFit(h: WaitHistogram, bins: BinList): PatienceFitResult {
  const d = h.observed;
  const logLikelihood = ([a, b]: readonly number[]) => {
    const k = Math.exp(b!);
    let tail = 0;
    for (let i = 0; i < bins.allCount.length; i++) tail += bins.allCount[i]! * Math.exp(k * (bins.allLog[i]! - a!));
    return d * (b! - k * a!) + (k - 1) * h.observedLogSum - tail;
  };
  const max = maximize(logLikelihood, [Math.log(h.totalWait / d), 0]);
  const [a, b] = max.at as [number, number];
  const [[vaa, vab], [, vbb]] = max.covariance as [[number, number], [number, number]];
  const scale = Math.exp(a);
  const shape = Math.exp(b);
  const mean = scale * Math.exp(lnGamma(1 + 1 / shape));
  // d mean / d a = mean; d mean / d b = mean ψ(1 + 1/k) (-1/k).
  const gb = (-mean * digamma(1 + 1 / shape)) / shape;
  const meanVar = mean * mean * vaa + 2 * mean * gb * vab + gb * gb * vbb;
  const n = d + h.censored;
  const method = 'censored ML, Weibull (Newton)';
  return {
    family: 'weibull',
    converged: max.converged,
    logLikelihood: max.value,
    aic: 4 - 2 * max.value,
    mean: estimate(mean, Math.sqrt(meanVar), method, n),
    parameters: {
      shape: estimate(shape, shape * Math.sqrt(vbb), method, n),
      scale: estimate(scale, scale * Math.sqrt(vaa), method, n),
    },
    dist: { dist: 'weibull', shape, scale },
  };
}

/**
 * ℓ(μ, s = ln σ) = -Σ ln t_obs - d s - d ln √(2π) - Σ_obs (ln t - μ)² / 2σ²
 *                  + Σ_cens ln Q((ln t - μ) / σ).
 */
function lognormalFit(h: WaitHistogram, bins: BinList): PatienceFitResult {
  const d = h.observed;
  const SL = h.observedLogSum;
  const SL2 = h.observedLogSquares;
  const logLikelihood = ([mu, s]: readonly number[]) => {
    const sigma = Math.exp(s!);
    const squares = SL2 - 2 * mu! * SL + d * mu! * mu!;
    let censored = 0;
    for (let i = 0; i < bins.censoredCount.length; i++) censored += bins.censoredCount[i]! * lnNormalSurvival((bins.censoredLog[i]! - mu!) / sigma);
    return -SL - d * s! - 0.5 * d * Math.log(2 * Math.PI) - squares / (2 * sigma * sigma) + censored;
  };
  const max = maximize(logLikelihood, [Math.log(h.totalWait / d) - 0.5, 0]);
  const [mu, s] = max.at as [number, number];
  const [[vmm, vms], [, vss]] = max.covariance as [[number, number], [number, number]];
  const sigma2 = Math.exp(2 * s);
  const mean = Math.exp(mu + sigma2 / 2);
  const cv = Math.sqrt(Math.expm1(sigma2));
  // mean: d/dμ = mean, d/ds = mean σ²; cv: d/ds = σ² e^σ² / cv.
  const gs = mean * sigma2;
  const meanVar = mean * mean * vmm + 2 * mean * gs * vms + gs * gs * vss;
  const cvSe = ((sigma2 * Math.exp(sigma2)) / cv) * Math.sqrt(vss);
  const n = d + h.censored;
  const method = 'censored ML, lognormal (Newton)';
  const m = estimate(mean, Math.sqrt(meanVar), method, n);
  return {
    family: 'lognormal',
    converged: max.converged,
    logLikelihood: max.value,
    aic: 4 - 2 * max.value,
    mean: m,
    parameters: { mean: m, cv: estimate(cv, cvSe, method, n) },
    dist: { dist: 'lognormal', mean, cv },
  };
}
