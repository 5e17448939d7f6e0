import type { Distribution } from './distribution.js';
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
}

/** Exponential with the given mean (seconds), by inversion. */
export function exponential(mean: number): Distribution {
  return new Exponential(mean);
}
