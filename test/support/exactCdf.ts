/**
 * Exact distribution functions for goodness-of-fit tests, written independently of src/ (they are
 * the oracle): the regularized lower incomplete gamma function and the standard normal CDF
 * through it, to about 1e-13.
 */

/** ln Γ(x) for x > 0: shifted up to x >= 12, then Stirling's series (error below 1e-15 there). */
export function lnGamma(x: number): number {
  let shift = 0;
  while (x < 12) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/**
 * P(a, x) = γ(a, x) / Γ(a), the CDF of a gamma variate of shape `a` and scale 1 at `x`: the power
 * series below x = a + 1, the continued fraction of Q = 1 - P above (Numerical Recipes 6.2).
 */
export function gammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  const front = Math.exp(a * Math.log(x) - x - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && term > sum * 1e-17; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return front * sum;
  }
  return 1 - front * qContinuedFraction(a, x);
}

/**
 * The continued fraction of Q(a, x) without its prefactor e^-x x^a / Γ(a) (modified Lentz;
 * Numerical Recipes 6.2), for x >= a + 1 where it converges fast.
 */
function qContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 100_000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Φ(z), the standard normal CDF: Φ(z) = (1 + sign(z) P(1/2, z²/2)) / 2. */
export function normalCdf(z: number): number {
  const p = gammaP(0.5, (z * z) / 2);
  return z < 0 ? (1 - p) / 2 : (1 + p) / 2;
}

/**
 * ln Q(a, x) = ln(1 - P(a, x)), kept in log space in the upper tail (the continued fraction's
 * prefactor taken as a logarithm), so conditional tail probabilities Q(w + x) / Q(w) far out
 * (Q(w) = 1e-12 and beyond) are exact to rounding. Below a + 1, ln(1 - P) from the series.
 */
export function lnGammaQ(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x < a + 1) return Math.log1p(-gammaP(a, x));
  return a * Math.log(x) - x - lnGamma(a) + Math.log(qContinuedFraction(a, x));
}

/** ln P(Z > z) for a standard normal Z, in log space in the right tail (through lnGammaQ). */
export function lnNormalSurvival(z: number): number {
  const upper = lnGammaQ(0.5, (z * z) / 2) - Math.LN2; // ln P(Z > |z|)
  return z > 0 ? upper : Math.log1p(-Math.exp(upper));
}
