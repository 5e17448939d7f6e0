import { checkElapsed, nextUp, type Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

/**
 * A mixture: with probability weight_i (weights normalised by their sum) a draw of component i.
 * Each draw takes one uniform to pick the component (the first whose cumulative weight exceeds
 * it), then the component's own draws, all from the same stream.
 */
class Mixture implements Distribution {
  readonly kind = 'mixture';
  readonly mean: number;
  readonly variance: number;
  private readonly weights: Float64Array;
  private readonly cumulative: Float64Array;
  /** Scratch weights for the conditional draws (not hot: carry-in and truncation windows). */
  private readonly scratch: Float64Array;
  constructor(private readonly components: readonly Distribution[], weights: readonly number[]) {
    const total = weights.reduce((s, w) => s + w, 0);
    this.weights = Float64Array.from(weights, (w) => w / total);
    this.cumulative = new Float64Array(weights.length);
    let run = 0;
    this.weights.forEach((w, i) => {
      run += w;
      this.cumulative[i] = run;
    });
    this.scratch = new Float64Array(weights.length);
    let mean = 0;
    let square = 0;
    components.forEach((d, i) => {
      const w = this.weights[i]!;
      mean += w * d.mean;
      square += w * (d.variance + d.mean * d.mean);
    });
    this.mean = mean;
    this.variance = Math.max(0, square - mean * mean);
  }
  sample(stream: RandomStream): number {
    return this.pick(this.cumulative, stream.next()).sample(stream);
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    this.pick(this.cumulative, stream.next()).sampleInto(stream, out, at);
  }
  /**
   * Given X > elapsed the mixture is a mixture of the components given the same, with weights
   * weight_i S_i(elapsed) (renormalised): one uniform picks by those, then the component's
   * {@link Distribution.sampleRemaining}. X > elapsed strictly, as for every kind: at elapsed 0 an
   * atom at 0 (a "zero patience" component) has no weight left. When no component has mass, 0.
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    const chosen = this.pickWithin(stream.next(), nextUp(elapsed), Infinity);
    return chosen === null ? 0 : chosen.sampleRemaining(stream, elapsed);
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    let sum = 0;
    this.components.forEach((d, i) => (sum += this.weights[i]! * d.partialMoment(order, lo, hi)));
    return sum;
  }
  /** One uniform picks a component by weight_i P_i(window), then its own {@link Distribution.sampleWithin}. */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const chosen = this.pickWithin(stream.next(), lo, hi);
    return chosen === null ? NaN : chosen.sampleWithin(stream, lo, hi);
  }
  /** The component whose share of the window's probability holds u; null when it holds none. */
  private pickWithin(u: number, lo: number, hi: number): Distribution | null {
    const cumulative = this.scratch;
    let run = 0;
    this.components.forEach((d, i) => {
      run += this.weights[i]! * d.partialMoment(0, lo, hi);
      cumulative[i] = run;
    });
    if (!(run > 0)) return null;
    for (let i = 0; i < cumulative.length; i++) cumulative[i]! /= run;
    return this.pick(cumulative, u);
  }
  private pick(cumulative: Float64Array, u: number): Distribution {
    const last = cumulative.length - 1;
    for (let i = 0; i < last; i++) if (u < cumulative[i]!) return this.components[i]!;
    return this.components[last]!;
  }
}

/** The mixture of `components` with these weights (>= 0, not all 0; normalised by their sum). */
export function mixture(components: readonly Distribution[], weights: readonly number[]): Distribution {
  if (components.length === 0 || components.length !== weights.length) throw new RangeError('mixture: needs one weight per component, at least one');
  if (!weights.every((w) => w >= 0 && w < Infinity) || !(weights.reduce((s, w) => s + w, 0) > 0)) {
    throw new RangeError('mixture: weights must be finite, >= 0 and not all 0');
  }
  return new Mixture(components, weights);
}
