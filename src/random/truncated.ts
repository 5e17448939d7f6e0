import { checkElapsed, nextUp, type Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

/**
 * `base` conditioned on min <= X <= max (closed: an atom at a bound is kept). Exact for every
 * base, by inversion of the base's CDF on the window ({@link Distribution.sampleWithin}): no
 * rejection, so a narrow window far in the tail costs what a wide one does; the draws are the
 * base's (one uniform, none for a constant, one more for a mixture). Mean and variance are the
 * base's partial moments on the window over its probability.
 */
class Truncated implements Distribution {
  readonly kind = 'truncated';
  readonly mean: number;
  readonly variance: number;
  constructor(private readonly base: Distribution, private readonly min: number, private readonly max: number, mass: number) {
    this.mean = base.partialMoment(1, min, max) / mass;
    this.variance = Math.max(0, base.partialMoment(2, min, max) / mass - this.mean * this.mean);
  }
  sample(stream: RandomStream): number {
    return this.base.sampleWithin(stream, this.min, this.max);
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.base.sampleWithin(stream, this.min, this.max);
  }
  /**
   * The base on the window [max(min, elapsed+), max] minus elapsed: the truncated law given
   * X > elapsed is the base on the narrower window (X > 0 at elapsed 0: an atom at 0 is left out,
   * as every kind does). When the window is empty (elapsed at or past max, or no mass left), 0
   * (the base still draws).
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    const from = Math.max(this.min, nextUp(elapsed));
    const x = this.base.sampleWithin(stream, from, this.max);
    return Number.isNaN(x) ? 0 : Math.max(0, x - elapsed);
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    const from = Math.max(lo, this.min);
    const to = Math.min(hi, this.max);
    const mass = this.base.partialMoment(0, this.min, this.max);
    return from <= to ? this.base.partialMoment(order, from, to) / mass : 0;
  }
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    return this.base.sampleWithin(stream, Math.max(lo, this.min), Math.min(hi, this.max));
  }
}

/**
 * `base` conditioned on [min, max] (defaults 0 and Infinity).
 * @throws RangeError when the window holds no probability of `base` (nothing to condition on)
 */
export function truncated(base: Distribution, min = 0, max = Infinity): Distribution {
  if (!(min >= 0 && min <= max)) throw new RangeError(`truncated: needs 0 <= min <= max (got ${min}, ${max})`);
  const mass = base.partialMoment(0, min, max);
  if (!(mass > 0)) throw new RangeError(`truncated: [${min}, ${max}] holds no probability of the ${base.kind} distribution`);
  return new Truncated(base, min, max, mass);
}
