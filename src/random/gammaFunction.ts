/**
 * The gamma function's logarithm and its first two derivatives, for the Weibull's moments and
 * for maximum-likelihood fits (src/history): Stirling's series after shifting the argument up
 * to 12 with the recurrences (absolute error below 1e-14 for x > 0).
 */

/** ln Γ(x), x > 0. */
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

/** ψ(x) = d/dx ln Γ(x), x > 0. */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 12) {
    shift += 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  return Math.log(x) - 0.5 / x - inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132)))) - shift;
}

/** ψ'(x) = d²/dx² ln Γ(x), x > 0. */
export function trigamma(x: number): number {
  let shift = 0;
  while (x < 12) {
    shift += 1 / (x * x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return inv + inv2 / 2 + inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - (inv2 * 5) / 66)))) + shift;
}
