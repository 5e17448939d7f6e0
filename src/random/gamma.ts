import type { Distribution } from './distribution.js';
import { normalQuantile } from './normal.js';
import type { RandomStream } from './stream.js';

/**
 * Gamma with the given mean (seconds) and coefficient of variation (shape 1/cv^2), by
 * Marsaglia and Tsang's (2000) squeeze method; shapes below 1 use the boost X * U^(1/shape).
 */
export function gamma(mean: number, cv: number): Distribution {
  const shape = 1 / (cv * cv);
  const scale = mean / shape;
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  const standard = (stream: RandomStream): number => {
    for (;;) {
      const x = normalQuantile(stream.next());
      const v0 = 1 + c * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      const u = stream.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return {
    kind: 'gamma',
    mean,
    variance: (cv * mean) ** 2,
    sample: boosted
      ? (stream: RandomStream) => scale * standard(stream) * Math.pow(stream.next(), invShape)
      : (stream: RandomStream) => scale * standard(stream),
  };
}
