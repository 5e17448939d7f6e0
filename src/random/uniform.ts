import type { Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

/** Uniform on [min, max] seconds. */
export function uniform(min: number, max: number): Distribution {
  const width = max - min;
  return {
    kind: 'uniform',
    mean: (min + max) / 2,
    variance: (width * width) / 12,
    sample: (stream: RandomStream) => min + width * stream.next(),
  };
}
