import { checkElapsed, type Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  constructor(private readonly min: number, private readonly max: number) {
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
  /**
   * Uniform on (max(min, elapsed), max), minus elapsed: before min the same draw as
   * {@link sample} less the elapsed time; at or past max, 0 (the uniform is still drawn).
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    const u = stream.next();
    if (elapsed >= this.max) return 0;
    if (elapsed <= this.min) return this.min - elapsed + this.width * u;
    return (this.max - elapsed) * u;
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
}

/** Uniform on [min, max] seconds. */
export function uniform(min: number, max: number): Distribution {
  return new Uniform(min, max);
}
