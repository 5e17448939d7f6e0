import type { Distribution } from './distribution.js';
import { normalQuantile } from './normal.js';
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
}

/** Lognormal with the given mean (seconds) and coefficient of variation (> 0). */
export function lognormal(mean: number, cv: number): Distribution {
  return new Lognormal(mean, cv);
}
