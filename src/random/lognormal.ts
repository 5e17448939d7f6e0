import type { Distribution } from './distribution.js';
import { normalQuantile } from './normal.js';
import type { RandomStream } from './stream.js';

/** Lognormal with the given mean (seconds) and coefficient of variation; cv 0 is the constant. */
export function lognormal(mean: number, cv: number): Distribution {
  const sigma2 = Math.log1p(cv * cv);
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(mean) - sigma2 / 2;
  return {
    kind: 'lognormal',
    mean,
    variance: (cv * mean) ** 2,
    sample: (stream: RandomStream) => Math.exp(mu + sigma * normalQuantile(stream.next())),
  };
}
