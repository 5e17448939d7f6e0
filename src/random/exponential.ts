import { checkElapsed, type Distribution } from './distribution.js';
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
}

/** Exponential with the given mean (seconds), by inversion. */
export function exponential(mean: number): Distribution {
  return new Exponential(mean);
}
