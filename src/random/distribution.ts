import type { RandomStream } from './stream.js';

/** A distribution of non-negative durations (seconds) that knows its own moments. */
export interface Distribution {
  readonly kind: DistributionKind;
  /** Expected value, seconds. */
  readonly mean: number;
  /** Variance, seconds squared. */
  readonly variance: number;
  /** Draw one value from `stream`. */
  sample(stream: RandomStream): number;
  /**
   * Draw one value from `stream` into `out[at]` (the same value as `sample`). The simulation draws
   * through this, never `sample` (see docs/architecture.md, Hot loop rules).
   */
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void;
  /**
   * Draw the time still to go of a duration that has already lasted `elapsed` seconds: X - elapsed
   * for X drawn from this distribution conditioned on X > elapsed (for a contact already waiting,
   * its remaining patience; for one in hand, its remaining handle time). Exact for every kind, by
   * inversion on the truncated tail where there is no closed form. Every kind but `constant` draws
   * exactly one uniform per call, whatever `elapsed` (common random numbers stay aligned: one
   * draw per contact), and where the conditional law has no mass left (`elapsed` at or past the
   * end of the support) the answer is 0: the duration ends at once. Each class's TSDoc says how.
   * `elapsed` must be finite and >= 0 (RangeError otherwise).
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number;
  /** {@link sampleRemaining} into `out[at]`, as {@link sampleInto} is to {@link sample}. */
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void;
  /**
   * E[X^order; lo <= X <= hi], the partial moment on the closed window [lo, hi] (lo <= hi, either
   * may be infinite): order 0 is the probability of the window, 1 and 2 give a truncation's mean
   * and variance. Exact (closed forms through the incomplete gamma and normal functions).
   */
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number;
  /**
   * Draw X conditioned on lo <= X <= hi (what `truncated` draws), by inversion of the CDF on the
   * window: one uniform (none for `constant`; a mixture draws one more to pick its component).
   * Continuous kinds keep the window's tail in log space (as {@link sampleRemaining} does). NaN
   * when the window holds no probability (the uniform is still drawn).
   */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number;
}

/** The smallest double above x (x >= 0 finite): "X > x" as a closed window [nextUp(x), ...]. */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  wide[0]! += 1n;
  return bits[0]!;
}
const bits = new Float64Array(1);
const wide = new BigInt64Array(bits.buffer);

/**
 * ln S(x) of the draw: a survival uniform on (S(hi), S(lo)], in log space so that a window far
 * in the tail keeps its digits. `lnLo` and `lnHi` are ln S at the window's ends (lnHi <= lnLo).
 */
export function lnSurvivalWithin(lnLo: number, lnHi: number, u: number): number {
  return lnLo + Math.log1p(u * Math.expm1(lnHi - lnLo));
}

/** Throws unless `elapsed` is a finite number of seconds >= 0 (for `sampleRemaining`). */
export function checkElapsed(elapsed: number): void {
  if (!(elapsed >= 0 && elapsed < Infinity)) {
    throw new RangeError(`elapsed time must be a finite number of seconds >= 0 (got ${elapsed})`);
  }
}

export type DistributionKind =
  | 'exponential'
  | 'constant'
  | 'lognormal'
  | 'gamma'
  | 'uniform'
  | 'empirical'
  | 'weibull'
  | 'triangular'
  | 'mixture'
  | 'truncated';

/** The parameters of each distribution, as written in a scenario file. */
export type DistributionParams =
  | { dist: 'exponential'; mean: number }
  | { dist: 'constant'; value: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: readonly number[] }
  | { dist: 'weibull'; shape: number; scale: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'mixture'; of: readonly { weight: number; dist: DistributionParams }[] }
  | { dist: 'truncated'; of: DistributionParams; min?: number | undefined; max?: number | undefined };
