import { checkElapsed, type Distribution } from './distribution.js';
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
}

/** Lognormal with the given mean (seconds) and coefficient of variation (> 0). */
export function lognormal(mean: number, cv: number): Distribution {
  return new Lognormal(mean, cv);
}
