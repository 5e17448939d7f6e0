/**
 * One estimated quantity as `ccsim fit` reports it: the value, its standard error, the 99 %
 * Wald interval (value ± 2.5758 SE: large samples, where maximum-likelihood estimates are close
 * to normal), how it was obtained and from how many observations.
 */
export interface Estimate {
  readonly value: number;
  /** Standard error; NaN when the method gives none. */
  readonly se: number;
  /** 99 % interval: value ∓ Z99 x se (NaN when se is). */
  readonly lo: number;
  readonly hi: number;
  readonly method: string;
  /** Observations behind it (contacts, days or intervals: the method says which). */
  readonly n: number;
}

/** Standard normal 0.995 quantile: a two-sided 99 % interval. */
export const Z99 = 2.5758293035489004;

export function estimate(value: number, se: number, method: string, n: number): Estimate {
  return { value, se, lo: value - Z99 * se, hi: value + Z99 * se, method, n };
}
