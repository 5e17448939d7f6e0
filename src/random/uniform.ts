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
  /** (b^{k+1} - a^{k+1}) / ((k + 1) width) on the window's overlap; min = max is an atom. */
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    if (this.width === 0) return lo <= this.min && this.min <= hi ? Math.pow(this.min, order) : 0;
    const a = Math.max(lo, this.min);
    const b = Math.min(hi, this.max);
    if (!(a <= b)) return 0;
    return (Math.pow(b, order + 1) - Math.pow(a, order + 1)) / ((order + 1) * this.width);
  }
  /** Uniform on the window's overlap with [min, max]. */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const u = stream.next();
    if (this.width === 0) return lo <= this.min && this.min <= hi ? this.min : NaN;
    const a = Math.max(lo, this.min);
    const b = Math.min(hi, this.max);
    if (!(a < b)) return NaN;
    return a + (b - a) * u;
  }
}

/** Uniform on [min, max] seconds. */
export function uniform(min: number, max: number): Distribution {
  return new Uniform(min, max);
}
