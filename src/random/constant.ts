import { checkElapsed, type Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

class Constant implements Distribution {
  readonly kind = 'constant';
  readonly variance = 0;
  constructor(readonly mean: number) {}
  sample(): number {
    return this.mean;
  }
  sampleInto(_stream: unknown, out: Float64Array, at: number): void {
    out[at] = this.mean;
  }
  /** value - elapsed; a constant already reached or exceeded ends at once (0). Draws nothing. */
  sampleRemaining(_stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    return Math.max(this.mean - elapsed, 0);
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    return lo <= this.mean && this.mean <= hi ? Math.pow(this.mean, order) : 0;
  }
  /** The value if the window holds it, else NaN. Draws nothing. */
  sampleWithin(_stream: RandomStream, lo: number, hi: number): number {
    return lo <= this.mean && this.mean <= hi ? this.mean : NaN;
  }
}

/** Always `value` (seconds); draws no random number, so it leaves its stream untouched. */
export function constant(value: number): Distribution {
  return new Constant(value);
}
