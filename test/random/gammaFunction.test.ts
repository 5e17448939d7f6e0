import { describe, expect, it } from 'vitest';
import { digamma, lnGamma, trigamma } from '../../src/random/index.js';

describe('lnGamma, digamma, trigamma', () => {
  it('lnGamma(x) equals known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });
  it('digamma(x) equals known values and the derivative of lnGamma', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 13);
    for (const x of [0.3, 2.7, 40]) expect(digamma(x)).toBeCloseTo((lnGamma(x + 1e-5) - lnGamma(x - 1e-5)) / 2e-5, 6);
  });
  it('trigamma(x) equals known values and the derivative of digamma', () => {
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 13);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12);
    for (const x of [0.3, 2.7, 40]) expect(trigamma(x)).toBeCloseTo((digamma(x + 1e-5) - digamma(x - 1e-5)) / 2e-5, 5);
  });
});
