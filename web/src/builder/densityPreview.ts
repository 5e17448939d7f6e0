/**
 * What a distribution editor previews: the probability of each of a few dozen bins from 0 to
 * the 99th percentile, exact (from the distribution's own partial moments, never sampled), and
 * the mean. Pure: no DOM.
 */
import { makeDistribution, type DistributionParams } from '../../../src/random/index.js';
import type { DistSpec } from '../../../src/scenario/index.js';

export interface DensityBin {
  readonly x0: number;
  readonly x1: number;
  /** P(x0 < X <= x1) (the first bin includes 0). */
  readonly p: number;
}

export interface DensityPreview {
  readonly mean: number;
  /** The 99th percentile: the right end of the bins (a little past it). */
  readonly p99: number;
  readonly bins: readonly DensityBin[];
}

/** P(X <= x). */
const cdf = (d: ReturnType<typeof makeDistribution>, x: number) => d.partialMoment(0, 0, x);

/** Bins of a distribution already validated by the schema (throws on one that is not). */
export function densityPreview(spec: DistSpec, binCount = 40): DensityPreview {
  const d = makeDistribution(spec as DistributionParams);
  // The 99th percentile by bracketing then bisection on the exact CDF.
  let hi = Math.max(d.mean, 1);
  for (let k = 0; k < 80 && cdf(d, hi) < 0.99; k++) hi *= 2;
  let lo = 0;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (cdf(d, mid) >= 0.99) hi = mid;
    else lo = mid;
  }
  const p99 = hi;
  // At least 1 s wide: a constant 0 puts all its probability on one point.
  const right = Math.max(p99, d.mean, 1) * 1.08;
  const width = right / binCount;
  const bins: DensityBin[] = [];
  let before = 0;
  for (let k = 0; k < binCount; k++) {
    const x1 = (k + 1) * width;
    const upTo = cdf(d, x1);
    bins.push({ x0: k * width, x1, p: Math.max(0, upTo - before) });
    before = upTo;
  }
  return { mean: d.mean, p99, bins };
}
