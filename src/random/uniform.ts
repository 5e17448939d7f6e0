import type { Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  constructor(private readonly min: number, max: number) {
    this.width = max - min;
    this.mean = (min + max) / 2;
    this.variance = (this.width * this.width) / 12;
  }
  sample(stream: RandomStream): number {
    return this.min + this.width * stream.next();
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
}

/** Uniform on [min, max] seconds. */
export function uniform(min: number, max: number): Distribution {
  return new Uniform(min, max);
}
