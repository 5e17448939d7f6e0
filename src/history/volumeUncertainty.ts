import { estimate, type Estimate } from './estimate.js';

/**
 * `volumeUncertainty.cv` from a forecast's backtest: the ratios actual / forecast of daily
 * totals. If a day's count is Poisson given a gamma day factor G (mean 1, cv c) times the
 * forecast F, Var(actual / F) = c² + 1 / F. So c² = sample variance of the ratios - 1 / (mean
 * daily volume), floored at 0: the forecast's error beyond Poisson noise (which the simulation
 * adds by itself). The variance is about the ratios' own mean (a forecast bias is reported by
 * the backtest, not folded into the cv). SE: Var(s²) ≈ 2 s⁴ / (n - 1) (normal ratios), carried
 * to c by the delta method (SE(c) = SE(c²) / 2c; at c = 0, √SE(c²), the c that the noise hides).
 */
export function volumeUncertaintyCv(dayRatios: readonly number[], meanDailyVolume: number): Estimate | undefined {
  const ratios = dayRatios.filter((r) => Number.isFinite(r));
  const n = ratios.length;
  if (n < 3 || !(meanDailyVolume > 0)) return undefined;
  const mean = ratios.reduce((s, r) => s + r, 0) / n;
  const s2 = ratios.reduce((s, r) => s + (r - mean) ** 2, 0) / (n - 1);
  const c2 = Math.max(0, s2 - 1 / meanDailyVolume);
  const c2Se = s2 * Math.sqrt(2 / (n - 1));
  const c = Math.sqrt(c2);
  const se = c > 0 ? c2Se / (2 * c) : Math.sqrt(c2Se);
  const e = estimate(c, se, 'backtest day ratios: var(actual / forecast) - 1 / mean daily volume', n);
  // A cv is never negative: the interval stops at 0.
  return { ...e, lo: Math.max(0, e.lo) };
}
