import { digamma, lnGamma, trigamma } from '../random/index.js';
import { estimate, type Estimate } from './estimate.js';

/**
 * Handle times (answered to ended, after-contact work included) of one contact type, by exact
 * streaming sufficient statistics: Welford's running mean and sum of squared deviations of x and
 * of ln x. Those are all that the exponential, lognormal and gamma likelihoods need, so a
 * 5 M-row log costs five numbers a type. Lognormal service times are the finding of Brown et al.
 * (2005, section 5); gamma and exponential are the usual alternatives.
 */
export class HandleTimeSample {
  n = 0;
  mean = 0;
  squares = 0;
  logMean = 0;
  logSquares = 0;
  /** Handle times of 0 taken as ZERO_HANDLE_TIME (the log of 0 is not finite). */
  zero = 0;

  add(x: number): void {
    let v = x;
    if (!(v > 0)) {
      v = ZERO_HANDLE_TIME;
      this.zero++;
    }
    this.n++;
    const d = v - this.mean;
    this.mean += d / this.n;
    this.squares += d * (v - this.mean);
    const l = Math.log(v);
    const dl = l - this.logMean;
    this.logMean += dl / this.n;
    this.logSquares += dl * (l - this.logMean);
  }
}

/** A handle time of 0 (a 1-s clock) is taken as half a second. */
export const ZERO_HANDLE_TIME = 0.5;

export type HandleFamily = 'exponential' | 'lognormal' | 'gamma';

export interface HandleFitResult {
  readonly family: HandleFamily;
  readonly logLikelihood: number;
  readonly aic: number;
  /** The family's ML parameters: exponential { mean }, lognormal and gamma { mean, cv }. */
  readonly parameters: Readonly<Record<string, Estimate>>;
  /** Coefficient of variation of the fitted distribution (1 for the exponential). */
  readonly cv: number;
}

export interface HandleTimeEstimate {
  /**
   * Average handle time: the sample mean, SE = sample sd / √n. It is the ML mean of the
   * exponential and the gamma and consistent whatever the family, so the written scenario keeps
   * it (the chosen family gives the shape, its cv).
   */
  readonly aht: Estimate;
  readonly fits: readonly HandleFitResult[];
  readonly chosen: HandleFitResult | undefined;
  readonly notes: readonly string[];
}

export function fitHandleTime(s: HandleTimeSample): HandleTimeEstimate {
  const notes: string[] = [];
  const n = s.n;
  if (n < 2) {
    notes.push(`${n} answered contact${n === 1 ? '' : 's'} in the log: handle time cannot be fitted`);
    return { aht: estimate(n === 1 ? s.mean : NaN, NaN, 'sample mean', n), fits: [], chosen: undefined, notes };
  }
  if (s.zero > 0) notes.push(`${s.zero} handle times of 0 s taken as ${ZERO_HANDLE_TIME} s`);
  const m = s.mean;
  const sd = Math.sqrt(s.squares / (n - 1));
  const aht = estimate(m, sd / Math.sqrt(n), 'sample mean of ended - answered', n);
  const method = (f: string) => `ML, ${f} (sufficient statistics)`;
  const fits: HandleFitResult[] = [];

  // Exponential: ℓ = -Σ ln m - Σ x / m = -n ln m - n (the log-density of x includes no ln x term).
  const llExp = -n * Math.log(m) - n;
  fits.push({ family: 'exponential', logLikelihood: llExp, aic: 2 - 2 * llExp, parameters: { mean: estimate(m, m / Math.sqrt(n), method('exponential'), n) }, cv: 1 });

  const sigma2 = s.logSquares / n;
  if (sigma2 > 0) {
    // Lognormal: μ = mean ln x, σ² = mean (ln x - μ)², ℓ = -Σ ln x - n/2 ln(2πσ²) - n/2.
    const mu = s.logMean;
    const llLog = -n * mu - (n / 2) * Math.log(2 * Math.PI * sigma2) - n / 2;
    const mean = Math.exp(mu + sigma2 / 2);
    const cv = Math.sqrt(Math.expm1(sigma2));
    // Var(μ̂) = σ²/n, Var(σ̂²) = 2σ⁴/n, independent.
    const meanSe = mean * Math.sqrt(sigma2 / n + (sigma2 * sigma2) / (2 * n));
    const cvSe = (Math.exp(sigma2) / (2 * cv)) * sigma2 * Math.sqrt(2 / n);
    fits.push({
      family: 'lognormal',
      logLikelihood: llLog,
      aic: 4 - 2 * llLog,
      parameters: { mean: estimate(mean, meanSe, method('lognormal'), n), cv: estimate(cv, cvSe, method('lognormal'), n) },
      cv,
    });

    // Gamma: the shape k solves ln k - ψ(k) = ln x̄ - mean ln x (> 0 by Jensen), scale x̄ / k.
    const gap = Math.log(m) - s.logMean;
    if (gap > 0) {
      const k = gammaShape(gap);
      const llGamma = n * ((k - 1) * s.logMean - k - k * Math.log(m / k) - lnGamma(k));
      const kSe = 1 / Math.sqrt(n * (trigamma(k) - 1 / k));
      const cvG = 1 / Math.sqrt(k);
      fits.push({
        family: 'gamma',
        logLikelihood: llGamma,
        aic: 4 - 2 * llGamma,
        // The mean and the shape are orthogonal: Var(mean) = mean² / (k n).
        parameters: { mean: estimate(m, m / Math.sqrt(k * n), method('gamma'), n), cv: estimate(cvG, kSe / (2 * k * Math.sqrt(k)), method('gamma'), n) },
        cv: cvG,
      });
    }
  } else notes.push('every handle time is the same: only the exponential is fitted');
  let chosen = fits[0];
  for (const f of fits) if (f.aic < chosen!.aic) chosen = f;
  return { aht, fits, chosen, notes };
}

/** Solves ln k - ψ(k) = gap by Newton from Minka's (2002) approximation. */
function gammaShape(gap: number): number {
  let k = (3 - gap + Math.sqrt((gap - 3) ** 2 + 24 * gap)) / (12 * gap);
  for (let i = 0; i < 100; i++) {
    const f = Math.log(k) - digamma(k) - gap;
    const df = 1 / k - trigamma(k);
    const next = k - f / df;
    const safe = next > 0 ? next : k / 2;
    if (Math.abs(safe - k) < 1e-12 * k) return safe;
    k = safe;
  }
  return k;
}
