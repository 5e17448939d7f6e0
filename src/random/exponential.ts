import { checkElapsed, lnSurvivalWithin, type Distribution } from './distribution.js';
import { gammaPartialMoment } from './partialMoments.js';
import type { RandomStream } from './stream.js';

class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly variance: number;
  constructor(readonly mean: number) {
    this.variance = mean * mean;
  }
  sample(stream: RandomStream): number {
    return -this.mean * Math.log(stream.next());
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
  /** Memoryless: the same draw as {@link sample}, whatever has elapsed. */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    return this.sample(stream);
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    return gammaPartialMoment(1, this.mean, order, lo, hi);
  }
  /** ln S(x) = -x / mean: x = -mean ln S, the survival drawn between the window's ends. */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const u = stream.next();
    const a = Math.max(lo, 0);
    if (!(a < hi)) return NaN;
    return -this.mean * lnSurvivalWithin(-a / this.mean, -hi / this.mean, u);
  }
}

/** Exponential with the given mean (seconds), by inversion. */
export function exponential(mean: number): Distribution {
  return new Exponential(mean);
}
