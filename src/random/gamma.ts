import { checkElapsed, lnSurvivalWithin, type Distribution } from './distribution.js';
import { gammaPartialMoment } from './partialMoments.js';
import { inverseLnRegularizedGammaQ, lnRegularizedGammaQ } from './incompleteGamma.js';
import { normalQuantile } from './normal.js';
import type { RandomStream } from './stream.js';

/**
 * Gamma with the given mean (seconds) and coefficient of variation (shape 1/cv^2), by
 * Marsaglia and Tsang's (2000) squeeze method; shapes below 1 use the boost X * U^(1/shape).
 */
class Gamma implements Distribution {
  readonly kind = 'gamma';
  readonly variance: number;
  private readonly scale: number;
  private readonly boosted: boolean;
  private readonly d: number;
  private readonly c: number;
  private readonly invShape: number;
  private readonly shape: number;
  constructor(readonly mean: number, cv: number) {
    const shape = 1 / (cv * cv);
    this.shape = shape;
    this.variance = (cv * mean) ** 2;
    this.scale = mean / shape;
    this.boosted = shape < 1;
    this.d = (this.boosted ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.invShape = 1 / shape;
  }
  sample(stream: RandomStream): number {
    const x = this.scale * this.standard(stream);
    return this.boosted ? x * Math.pow(stream.next(), this.invShape) : x;
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
  /**
   * Inversion on the truncated tail (not rejection): with Q the regularized upper incomplete
   * gamma function, X / scale solves ln Q(shape, x) = ln Q(shape, w / scale) + ln(1 - u), a
   * uniform on (F(w), 1) mapped through the quantile, one uniform per draw. Both sides are kept
   * in log space (incompleteGamma.ts), so an elapsed time far in the tail (Q = e^-1000) still
   * gets its exact remainder; the inversion is solved to about 1e-14 relative, so a remainder
   * shorter than about 1e-13 of the elapsed time rounds to 0. Unlike the other kinds this is
   * not {@link sample}'s draw at w = 0 (that is Marsaglia and Tsang's), but the same law. The
   * support is unbounded: every elapsed time has a remainder.
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    const u = stream.next();
    const xw = elapsed / this.scale;
    const lnQ = lnRegularizedGammaQ(this.shape, xw) + Math.log1p(-u);
    return Math.max(0, this.scale * (inverseLnRegularizedGammaQ(this.shape, lnQ, xw) - xw));
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    return gammaPartialMoment(this.shape, this.scale, order, lo, hi);
  }
  /** ln Q(shape, x / scale) drawn between the window's ends and inverted (as sampleRemaining). */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const u = stream.next();
    const a = Math.max(lo, 0);
    if (!(a < hi)) return NaN;
    const xa = a / this.scale;
    const lnQ = lnSurvivalWithin(lnRegularizedGammaQ(this.shape, xa), lnRegularizedGammaQ(this.shape, hi / this.scale), u);
    return Math.min(hi, Math.max(a, this.scale * inverseLnRegularizedGammaQ(this.shape, lnQ, xa)));
  }
  private standard(stream: RandomStream): number {
    const { c, d } = this;
    for (;;) {
      const x = normalQuantile(stream.next());
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = stream.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}

/** Gamma with the given mean (seconds) and coefficient of variation (> 0). */
export function gamma(mean: number, cv: number): Distribution {
  return new Gamma(mean, cv);
}
