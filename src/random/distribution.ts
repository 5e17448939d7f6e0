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
