import type { MomentSums } from './pairedMoments.js';
import { studentTQuantile } from './studentT.js';

/** A KPI estimated over replications (CONTRACT section 2). */
export interface Metric {
  /** Point estimate, or null when undefined (no denominator). */
  mean: number | null;
  /** Half-width of the 95% confidence interval, or null with `mean`. */
  ci95: number | null;
  /** Replications. */
  n: number;
}

/** t quantile for a two-sided 95% interval over n observations (0 when n < 2). */
export function tFactor95(n: number): number {
  return n < 2 ? 0 : studentTQuantile(0.975, n - 1);
}

/** A count: the mean of x per replication and its Student-t 95% half-width. */
export function countMetric(m: MomentSums): Metric {
  if (m.n === 0) return { mean: null, ci95: null, n: 0 };
  const half = m.n < 2 ? 0 : tFactor95(m.n) * Math.sqrt(m.sxx / (m.n - 1) / m.n);
  return finiteOrNull(m.meanX, half, m.n);
}

/**
 * A ratio of means, sum(x) / sum(y) over replications, with the delta-method half-width
 * t * sqrt(var(x - R y) / n) / mean(y). Null when the summed denominator is 0.
 */
export function ratioMetric(m: MomentSums): Metric {
  if (m.n === 0 || m.meanY === 0) return { mean: null, ci95: null, n: m.n };
  const r = m.meanX / m.meanY;
  let half = 0;
  if (m.n >= 2) {
    const v = Math.max(0, (m.sxx - 2 * r * m.sxy + r * r * m.syy) / (m.n - 1));
    half = (tFactor95(m.n) * Math.sqrt(v / m.n)) / Math.abs(m.meanY);
  }
  return finiteOrNull(r, half, m.n);
}

/** JSON never carries NaN or Infinity: a value that is not finite is reported as undefined. */
function finiteOrNull(mean: number, half: number, n: number): Metric {
  return Number.isFinite(mean) && Number.isFinite(half) ? { mean, ci95: half, n } : { mean: null, ci95: null, n };
}
