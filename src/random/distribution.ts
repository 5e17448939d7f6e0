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
}

/** Throws unless `elapsed` is a finite number of seconds >= 0 (for `sampleRemaining`). */
export function checkElapsed(elapsed: number): void {
  if (!(elapsed >= 0 && elapsed < Infinity)) {
    throw new RangeError(`elapsed time must be a finite number of seconds >= 0 (got ${elapsed})`);
  }
}

export type DistributionKind = 'exponential' | 'constant' | 'lognormal' | 'gamma' | 'uniform' | 'empirical' | 'weibull';

/** The parameters of each distribution, as written in a scenario file. */
export type DistributionParams =
  | { dist: 'exponential'; mean: number }
  | { dist: 'constant'; value: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: readonly number[] }
  | { dist: 'weibull'; shape: number; scale: number };
