import { normalQuantile } from '../random/index.js';

/**
 * Quantiles of one interval's count under the forecast's error model: a Poisson count whose rate
 * is the forecast times a day-level factor of mean 1 and squared cv `dayCv2` (shared by all of
 * the day's intervals: Jongbloed & Koole 2001, "Managing uncertainty in call centers using
 * Poisson mixtures", Appl. Stoch. Models Bus. Ind. 17:307-318), with the within-day variance
 * inflated by `dispersion`:
 *
 *   Var N = dispersion * mean + dayCv2 * mean^2.
 *
 * The count is taken as negative binomial with that mean and variance (the Poisson-gamma
 * mixture, moment-matched), Poisson when the variance is no larger than the mean.
 */
export function countQuantile(mean: number, dayCv2: number, dispersion: number, p: number): number {
  if (!(mean > 0)) return 0;
  const variance = dispersion * mean + dayCv2 * mean * mean;
  // Shape of the negative binomial; Infinity = Poisson.
  const r = variance > mean * (1 + 1e-12) ? (mean * mean) / (variance - mean) : Infinity;
  return mean <= EXACT_BELOW ? exactQuantile(mean, r, p) : cornishFisher(mean, variance, r, p);
}

/**
 * Below this mean the quantile is found by summing the probabilities from 0 (P(0) >= e^-mean
 * stays a normal double); above it a Cornish-Fisher expansion is within a count of it.
 */
const EXACT_BELOW = 500;

/** The smallest k with P(N <= k) >= p, by the recursion P(k+1) = P(k) (k + r) / (k + 1) * m / (r + m). */
function exactQuantile(mean: number, r: number, p: number): number {
  const poisson = !Number.isFinite(r);
  let pk = poisson ? Math.exp(-mean) : Math.exp(r * Math.log1p(-mean / (r + mean)));
  const ratio = poisson ? mean : mean / (r + mean);
  let cdf = pk;
  let k = 0;
  // The guard only stops rounding from looping forever in the far tail.
  while (cdf < p && k < 1e7) {
    pk *= poisson ? ratio / (k + 1) : ((k + r) / (k + 1)) * ratio;
    cdf += pk;
    k++;
  }
  return k;
}

/**
 * Normal quantile corrected for skewness (Cornish & Fisher 1937, first order) with a continuity
 * correction; the third cumulant of the negative binomial is m + 3 m^2 / r + 2 m^3 / r^2.
 */
function cornishFisher(mean: number, variance: number, r: number, p: number): number {
  const sd = Math.sqrt(variance);
  const k3 = Number.isFinite(r) ? mean + (3 * mean * mean) / r + (2 * mean ** 3) / (r * r) : mean;
  const skew = k3 / variance ** 1.5;
  const z = normalQuantile(p);
  const x = mean + sd * (z + ((z * z - 1) * skew) / 6);
  return Math.max(0, Math.ceil(x - 0.5));
}
