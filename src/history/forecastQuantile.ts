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
 * mixture, moment-matched), Poisson when the variance is no larger than the mean. Quantiles are
 * exact: the probabilities are summed from 0 by the recursion
 * P(k+1) = P(k) (k + r) / (k + 1) * m / (r + m), rescaled as they grow so that a large mean,
 * whose P(0) underflows a double, is summed as exactly as a small one.
 */

/** The smallest k with P(N <= k) >= p. */
export function countQuantile(mean: number, dayCv2: number, dispersion: number, p: number): number {
  return countBand(mean, dayCv2, dispersion, p, p)[0];
}

/** The `pLo` and `pHi` quantiles (pLo <= pHi) in one pass. */
export function countBand(mean: number, dayCv2: number, dispersion: number, pLo: number, pHi: number): [number, number] {
  if (!(mean > 0)) return [0, 0];
  const variance = dispersion * mean + dayCv2 * mean * mean;
  // Shape of the negative binomial; Infinity = Poisson.
  const r = variance > mean * (1 + 1e-12) ? (mean * mean) / (variance - mean) : Infinity;
  const poisson = !Number.isFinite(r);
  const ratio = poisson ? mean : mean / (r + mean);
  // True P(k) = pk * e^logScale; cdf likewise.
  let logScale = poisson ? -mean : r * Math.log1p(-mean / (r + mean));
  let pk = 1;
  let cdf = 1;
  let k = 0;
  const goal = (q: number) => (logScale > -700 ? q * Math.exp(-logScale) : Infinity);
  let lo = -1;
  let target = goal(pLo);
  // The guard only stops rounding from looping forever in the far tail.
  for (;;) {
    if (cdf >= target || k > 1e8) {
      if (lo < 0) {
        lo = k;
        target = goal(pHi);
        continue;
      }
      return [lo, k];
    }
    pk *= poisson ? ratio / (k + 1) : ((k + r) / (k + 1)) * ratio;
    cdf += pk;
    k++;
    if (pk > RESCALE) {
      pk /= RESCALE;
      cdf /= RESCALE;
      logScale += LOG_RESCALE;
      target = goal(lo < 0 ? pLo : pHi);
    }
  }
}

const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);
