import { lnGamma } from './gammaFunction.js';
import { lnRegularizedGammaQ, regularizedGammaP } from './incompleteGamma.js';

/**
 * P(a, y) - P(a, x) for 0 <= x <= y (either may be infinite): the probability a unit-scale gamma
 * of shape a puts on [x, y], taken as Q(a, x) - Q(a, y) once x is past the bulk (a), where the
 * two P are both near 1 and their difference would lose its digits.
 */
export function regularizedGammaDifference(a: number, x: number, y: number): number {
  if (!(x <= y)) return 0;
  if (x > a) return Math.max(0, Math.exp(lnRegularizedGammaQ(a, x)) - Math.exp(lnRegularizedGammaQ(a, y)));
  return Math.max(0, regularizedGammaP(a, y) - regularizedGammaP(a, x));
}

/**
 * E[X^k; lo <= X <= hi] for the gamma of this shape and scale: x^k times the density is
 * scale^k Γ(shape + k) / Γ(shape) times the density of shape + k.
 */
export function gammaPartialMoment(shape: number, scale: number, order: 0 | 1 | 2, lo: number, hi: number): number {
  const a = Math.max(lo, 0);
  if (!(a <= hi)) return 0;
  const factor = order === 0 ? 1 : Math.pow(scale, order) * Math.exp(lnGamma(shape + order) - lnGamma(shape));
  return factor * regularizedGammaDifference(shape + order, a / scale, hi / scale);
}
