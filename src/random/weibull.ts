import { checkElapsed, lnSurvivalWithin, type Distribution } from './distribution.js';
import { regularizedGammaDifference } from './partialMoments.js';
import { lnGamma } from './gammaFunction.js';
import type { RandomStream } from './stream.js';

/** Weibull: P(X > x) = exp(-(x / scale)^shape), drawn by inversion, one uniform each. */
class Weibull implements Distribution {
  readonly kind = 'weibull';
  readonly mean: number;
  readonly variance: number;
  private readonly invShape: number;
  constructor(private readonly shape: number, private readonly scale: number) {
    this.invShape = 1 / shape;
    // E[X^r] = scale^r Γ(1 + r / shape).
    const g1 = Math.exp(lnGamma(1 + 1 / shape));
    const g2 = Math.exp(lnGamma(1 + 2 / shape));
    this.mean = scale * g1;
    this.variance = scale * scale * Math.max(0, g2 - g1 * g1);
  }
  sample(stream: RandomStream): number {
    // A uniform is never 0 or 1 (docs/decisions.md), so -ln u is finite and positive.
    return this.scale * Math.pow(-Math.log(stream.next()), this.invShape);
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
  /**
   * Closed form: (X / scale)^shape is a unit exponential, so given X > w it is (w / scale)^shape
   * + E with E = -ln u a fresh unit exponential; at w = 0 the same draw as {@link sample}. The
   * difference X - w is taken as w (e^{ln(1 + E / W) / shape} - 1), W = (w / scale)^shape, when
   * E < W, so that a short remainder after a long elapsed time keeps its digits. The support is
   * unbounded: every elapsed time has a remainder.
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    const e = -Math.log(stream.next());
    const w = Math.pow(elapsed / this.scale, this.shape);
    if (e >= w) return this.scale * Math.pow(w + e, this.invShape) - elapsed;
    return elapsed * Math.expm1(Math.log1p(e / w) * this.invShape);
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  /** (X / scale)^shape is a unit exponential E: E[X^r; ...] = scale^r Γ(1 + r/shape) ΔP(1 + r/shape, H). */
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    const a = Math.max(lo, 0);
    if (!(a <= hi)) return 0;
    const r = order / this.shape;
    const h = (x: number) => Math.pow(x / this.scale, this.shape);
    return Math.pow(this.scale, order) * Math.exp(lnGamma(1 + r)) * regularizedGammaDifference(1 + r, h(a), h(hi));
  }
  /** Cumulative hazard H = (x / scale)^shape = -ln S, drawn between the window's ends. */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const u = stream.next();
    const a = Math.max(lo, 0);
    if (!(a < hi)) return NaN;
    const h = -lnSurvivalWithin(-Math.pow(a / this.scale, this.shape), -Math.pow(hi / this.scale, this.shape), u);
    return this.scale * Math.pow(h, this.invShape);
  }
}

/** Weibull with the given shape (> 0; 1 is exponential) and scale (seconds, > 0). */
export function weibull(shape: number, scale: number): Distribution {
  return new Weibull(shape, scale);
}

/** The scale of the Weibull with this shape and mean. */
export function weibullScaleForMean(shape: number, mean: number): number {
  return mean / Math.exp(lnGamma(1 + 1 / shape));
}
