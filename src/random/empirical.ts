import type { Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

/** Resamples the observed `values` (seconds) uniformly; moments are those of the sample itself. */
export function empirical(values: readonly number[]): Distribution {
  const table = Float64Array.from(values);
  const n = table.length;
  if (n === 0) throw new RangeError('empirical: needs at least one value');
  let sum = 0;
  for (const v of table) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of table) squares += (v - mean) ** 2;
  return {
    kind: 'empirical',
    mean,
    variance: squares / n,
    sample: (stream: RandomStream) => table[Math.floor(stream.next() * n)] ?? mean,
  };
}
