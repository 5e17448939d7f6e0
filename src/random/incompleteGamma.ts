import { lnGamma } from './gammaFunction.js';

/**
 * The regularized incomplete gamma functions P(a, x) = γ(a, x) / Γ(a) and Q = 1 - P, for the
 * conditional (truncated-tail) draws of the gamma and the lognormal. Below x = a + 1 the power
 * series gives P to full relative accuracy; above, the continued fraction of Q (modified Lentz,
 * Numerical Recipes 6.2) gives Q as prefactor times fraction, which is kept in log space, so
 * ln Q(a, x) is accurate however far in the tail x is (no underflow: ln Q(1, 1e6) = -1e6).
 */

/** Iteration cap of both expansions: enough for shapes up to about 1e8 (terms ~ 9 sqrt(a)). */
const MAX_ITERATIONS = 100_000;
const EPSILON = 1e-16;
const TINY = 1e-300;

/** ln of the prefactor x^a e^-x / Γ(a) shared by the series and the continued fraction. */
function lnFront(a: number, x: number): number {
  return a * Math.log(x) - x - lnGamma(a);
}

/** P(a, x) by its power series (x < a + 1): e^-x x^a / Γ(a+1) Σ x^n / ((a+1)...(a+n)). */
function seriesP(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (term <= sum * EPSILON) break;
  }
  return Math.exp(lnFront(a, x) + Math.log(sum));
}

/** ln Q(a, x) by the continued fraction (x >= a + 1). */
function fractionLnQ(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return lnFront(a, x) + Math.log(h);
}

/** P(a, x), the CDF at x of the gamma of shape a > 0 and scale 1 (0 for x <= 0). */
export function regularizedGammaP(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? seriesP(a, x) : -Math.expm1(fractionLnQ(a, x));
}

/** ln Q(a, x) = ln P(X > x) for the gamma of shape a > 0 and scale 1 (0 for x <= 0). */
export function lnRegularizedGammaQ(a: number, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return -Infinity;
  return x < a + 1 ? Math.log1p(-seriesP(a, x)) : fractionLnQ(a, x);
}

/** ln of the gamma density at x (shape a, scale 1), x > 0. */
export function lnGammaDensity(a: number, x: number): number {
  return (a - 1) * Math.log(x) - x - lnGamma(a);
}

/** Relative step in ln x at which the inversion stops (x is then right to about 1e-14). */
const INVERSE_TOLERANCE = 1e-14;
const LN_HALF = Math.log(0.5);
/** The derivative of the last {@link inversionGap}, passed back without allocating. */
const slope = new Float64Array(1);

/**
 * The inversion's objective at t = ln x, increasing in t and zero at the answer: ln P(a, x) - target
 * on the lower side, target - ln Q(a, x) on the upper one. Its derivative in t goes to `slope`.
 */
function inversionGap(a: number, t: number, lowerSide: boolean, target: number): number {
  const x = Math.exp(t);
  const front = lnFront(a, x); // ln(x times the density)
  if (lowerSide) {
    const lnP = Math.log(regularizedGammaP(a, x));
    slope[0] = Math.exp(front - lnP);
    return lnP - target;
  }
  const lnQ = lnRegularizedGammaQ(a, x);
  slope[0] = Math.exp(front - lnQ);
  return target - lnQ;
}

/**
 * The x >= `lower` with ln Q(a, x) = `lnQ` (the caller promises lnQ <= ln Q(a, lower)): the
 * inverse of the upper regularized incomplete gamma function, in log space so that a tail
 * probability far below the smallest double (lnQ = -1000) still has its quantile. Where
 * lnQ > ln 1/2 it solves ln P(a, x) = ln(1 - Q) instead: there P is the small, accurately known
 * side. Solved in t = ln x, where both objectives are smooth and nearly linear, by Newton's method
 * kept inside a bracket (a step leaving the bracket is replaced by bisection, so it converges
 * whatever the first guess); about 4 to 8 evaluations of the incomplete gamma function.
 */
export function inverseLnRegularizedGammaQ(a: number, lnQ: number, lower: number): number {
  if (lnQ >= 0) return Math.max(lower, 0);
  if (lnQ === -Infinity) return Infinity;
  const lowerSide = lnQ > LN_HALF;
  const target = lowerSide ? Math.log(-Math.expm1(lnQ)) : lnQ;
  // First guess: P ~ x^a / Γ(a+1) near 0; past the mode the tail is roughly exponential.
  const guess = lowerSide
    ? Math.min((target + lnGamma(a + 1)) / a, Math.log(a + 1))
    : Math.log(Math.max(a - lnQ + LN_HALF, 1e-300));
  let lo = lower > 0 ? Math.log(lower) : -Infinity;
  let hi = Infinity;
  let t = Math.max(guess, lo);
  let value = inversionGap(a, t, lowerSide, target);
  // A bracket lo <= answer <= hi, stepping out geometrically in t from the guess.
  for (let step = 1; ; step *= 2) {
    if (value === 0) return Math.max(lower, Math.exp(t));
    if (value < 0) {
      lo = t;
      if (hi < Infinity) break;
      t += step;
    } else {
      hi = t;
      if (lo > -Infinity) break;
      t -= step;
    }
    value = inversionGap(a, t, lowerSide, target);
  }
  for (let iteration = 0; iteration < 200; iteration++) {
    let next = t - value / slope[0]!;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2; // also catches a NaN or infinite step
    const moved = Math.abs(next - t);
    t = next;
    if (moved <= INVERSE_TOLERANCE * Math.max(1, Math.abs(t))) break;
    value = inversionGap(a, t, lowerSide, target);
    if (value === 0) break;
    if (value < 0) lo = t;
    else hi = t;
    if (hi - lo <= INVERSE_TOLERANCE * Math.max(1, Math.abs(t))) break;
  }
  return Math.max(lower, Math.exp(t));
}
