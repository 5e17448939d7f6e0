/**
 * ln Q(z) = ln P(Z > z) for a standard normal Z, accurate in relative terms far into the upper
 * tail (z = 40 still gives a finite, exact-to-1e-13 logarithm), for the lognormal's censored
 * likelihood: Q(z) = Γ(1/2, z²/2) / (2 √π) for z > 0, by the continued fraction of the upper
 * incomplete gamma function where it converges fast (z²/2 > 1.5) and by its power series below.
 */
const LN_SQRT_PI = 0.5 * Math.log(Math.PI);

export function logNormalSurvival(z: number): number {
  if (z === -Infinity) return 0;
  if (z === Infinity) return -Infinity;
  if (z < 0) return Math.log1p(-Math.exp(logNormalSurvival(-z)));
  const x = (z * z) / 2;
  if (x < 1.5) {
    // P(1/2, x) by its series; Q(z) = (1 - P) / 2.
    let term = 2;
    let sum = term;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= x / (0.5 + n);
      sum += term;
    }
    const p = Math.exp(0.5 * Math.log(x) - x - LN_SQRT_PI) * sum;
    return Math.log((1 - p) / 2);
  }
  // Modified Lentz on Γ(a, x) = e^-x x^a / (x + 1 - a - 1(1 - a) / (x + 3 - a - ...)), a = 1/2.
  const tiny = 1e-300;
  let b = x + 0.5;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 500; n++) {
    const an = -n * (n - 0.5);
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
  return -x + 0.5 * Math.log(x) - LN_SQRT_PI + Math.log(h) - Math.LN2;
}

/** Standard normal density's logarithm. */
export function logNormalDensity(z: number): number {
  return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
}
