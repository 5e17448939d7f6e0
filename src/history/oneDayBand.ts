/**
 * The p-quantile of the first `n` values of `sorted` (ascending), by linear interpolation
 * between order statistics: Hyndman & Fan's type 7, the default of R and of spreadsheets'
 * PERCENTILE.INC. h = (n - 1) p; the quantile is x[floor h] + (h - floor h)(x[floor h + 1] -
 * x[floor h]) (0-based). NaN when n is 0.
 */
export function quantile(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n <= 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * (sorted[lo + 1]! - a);
}

/** The band ccsim replay reports: 5th to 95th percentile of one simulated day's value. */
export const ONE_DAY_BAND = { lo: 0.05, hi: 0.95 } as const;

/**
 * The 90% band of one day's value from per-replication values (NaN = undefined in that
 * replication, e.g. no contact answered, left out). `scratch` holds at least `values.length`
 * numbers. Null when fewer than half the replications define the value: a band from a handful
 * of values would be noise.
 */
export function oneDayBand(values: ArrayLike<number>, scratch: Float64Array): { lo: number; hi: number } | null {
  let n = 0;
  for (let r = 0; r < values.length; r++) {
    const v = values[r]!;
    if (!Number.isNaN(v)) scratch[n++] = v;
  }
  if (n === 0 || 2 * n < values.length) return null;
  const sorted = scratch.subarray(0, n).sort();
  return { lo: quantile(sorted, n, ONE_DAY_BAND.lo), hi: quantile(sorted, n, ONE_DAY_BAND.hi) };
}
