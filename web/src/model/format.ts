/** Number formatting for tables, tooltips and axes. */
import type { Metric } from '../../../src/stats/index.js';

export type Unit = 'percent' | 'seconds' | 'count' | 'number';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A value in its unit: 0.8123 -> "81.2%", 12.34 s -> "12.3 s", 8401.5 -> "8,401.5". */
export function formatValue(x: number | null, unit: Unit): string {
  if (x === null || !Number.isFinite(x)) return '—';
  switch (unit) {
    case 'percent':
      return `${(x * 100).toFixed(1)}%`;
    case 'seconds':
      return `${x.toFixed(1)} s`;
    case 'count':
      return grouped.format(x);
    case 'number':
      return x.toFixed(2);
  }
}

/** The half-width in the same unit, without a sign: "2.1 pts", "3.4 s". */
export function formatHalfWidth(x: number | null, unit: Unit): string {
  if (x === null || !Number.isFinite(x)) return '—';
  switch (unit) {
    case 'percent':
      return `${(x * 100).toFixed(1)} pts`;
    default:
      return formatValue(x, unit);
  }
}

/** "81.2% ± 1.3 pts" */
export function formatMetric(m: Metric | undefined, unit: Unit): string {
  if (m === undefined || m.mean === null) return '—';
  return `${formatValue(m.mean, unit)} ± ${formatHalfWidth(m.ci95, unit)}`;
}

/** A signed difference: "+4.2 pts", "−3.1 s", "+120". */
export function formatDelta(x: number | null, unit: Unit): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  const abs = Math.abs(x);
  switch (unit) {
    case 'percent':
      return `${sign}${(abs * 100).toFixed(1)} pts`;
    case 'seconds':
      return `${sign}${abs.toFixed(1)} s`;
    case 'count':
      return `${sign}${grouped.format(abs)}`;
    case 'number':
      return `${sign}${abs.toFixed(2)}`;
  }
}
