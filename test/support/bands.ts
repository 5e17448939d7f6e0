import { expect } from 'vitest';
import { studentTQuantile, type Metric } from '../../src/stats/index.js';

/** The 99.9% half-width of a Metric, from its 95% half-width (Student t with n - 1 degrees of freedom). */
export function band999(m: Metric): number {
  return ((m.ci95 ?? Infinity) * studentTQuantile(0.9995, m.n - 1)) / studentTQuantile(0.975, m.n - 1);
}

/**
 * `exact` lies inside the simulation's 99.9% band of `m`, and the band is at most `maxHalfWidth`
 * wide (a wide band could not fail). Set CCSIM_VALIDATION_LOG to print each comparison.
 */
export function expectInBand(name: string, m: Metric | undefined, exact: number, maxHalfWidth: number): void {
  expect(m, `${name}: the run has this figure`).toBeDefined();
  const half = band999(m!);
  expect(m!.mean, `${name}: simulated mean`).not.toBeNull();
  expect(half, `${name}: 99.9% band half-width ${half} must be <= ${maxHalfWidth}`).toBeLessThanOrEqual(maxHalfWidth);
  if (process.env.CCSIM_VALIDATION_LOG) console.log(`${name}: sim ${m!.mean} exact ${exact} band ±${half}`);
  expect(Math.abs((m!.mean ?? NaN) - exact), `${name}: simulated ${m!.mean} vs exact ${exact} (band ±${half})`).toBeLessThanOrEqual(half);
}
