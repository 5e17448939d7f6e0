import { checkElapsed, lnSurvivalWithin, type Distribution } from './distribution.js';
import { lnNormalSurvival, normalQuantile, normalUpperQuantileLn } from './normal.js';
import type { RandomStream } from './stream.js';

class Lognormal implements Distribution {
  readonly kind = 'lognormal';
  readonly variance: number;
  private readonly mu: number;
  private readonly sigma: number;
  constructor(readonly mean: number, cv: number) {
    const sigma2 = Math.log1p(cv * cv);
    this.sigma = Math.sqrt(sigma2);
    this.mu = Math.log(mean) - sigma2 / 2;
    this.variance = (cv * mean) ** 2;
  }
  sample(stream: RandomStream): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(stream.next()));
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
  /**
   * Inversion on the truncated tail, in log space: with z_w = (ln w - mu) / sigma and S the
   * normal survival function, the target is S(z) = S(z_w) (1 - u), i.e. a uniform on
   * (F(w), 1) mapped through the quantile; ln S(z) = ln S(z_w) + ln(1 - u) is exact to rounding
   * however far w is in the tail (ln S(40) = -804.6 is still a number), and the quantile is
   * taken on the small side (normalUpperQuantileLn), so neither end loses its digits. The
   * remainder is w (e^{sigma (z - z_w)} - 1), which keeps its digits when it is short next to w.
   * Increasing in u, and at w = 0 the same draw as {@link sample}. The support is unbounded:
   * every elapsed time has a remainder.
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    if (elapsed === 0) return this.sample(stream);
    const u = stream.next();
    const zw = (Math.log(elapsed) - this.mu) / this.sigma;
    const z = normalUpperQuantileLn(lnNormalSurvival(zw) + Math.log1p(-u));
    return Math.max(0, elapsed * Math.expm1(this.sigma * (z - zw)));
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  /** E[X^k; ...] = e^{k mu + k^2 sigma^2 / 2} (S(z_lo - k sigma) - S(z_hi - k sigma)), S the normal survival. */
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    const a = Math.max(lo, 0);
    if (!(a <= hi)) return 0;
    const shift = order * this.sigma;
    const z = (x: number) => (Math.log(x) - this.mu) / this.sigma - shift;
    const za = z(a);
    const zb = z(hi);
    // The smaller survival difference: the upper tail when the window is past the median.
    const mass = za > 0 ? Math.exp(lnNormalSurvival(za)) - Math.exp(lnNormalSurvival(zb)) : Math.exp(lnNormalSurvival(-zb)) - Math.exp(lnNormalSurvival(-za));
    return Math.exp(order * this.mu + (shift * shift) / 2) * Math.max(0, mass);
  }
  /** The normal survival of z = (ln x - mu) / sigma drawn between the window's ends, in log space. */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const u = stream.next();
    const a = Math.max(lo, 0);
    if (!(a < hi)) return NaN;
    const z = (x: number) => (Math.log(x) - this.mu) / this.sigma;
    const lnS = lnSurvivalWithin(lnNormalSurvival(z(a)), lnNormalSurvival(z(hi)), u);
    return Math.min(hi, Math.max(a, Math.exp(this.mu + this.sigma * normalUpperQuantileLn(lnS))));
  }
}

/** Lognormal with the given mean (seconds) and coefficient of variation (> 0). */
export function lognormal(mean: number, cv: number): Distribution {
  return new Lognormal(mean, cv);
}
