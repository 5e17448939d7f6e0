import type { Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

/** Exponential with the given mean (seconds), by inversion. */
export function exponential(mean: number): Distribution {
  return {
    kind: 'exponential',
    mean,
    variance: mean * mean,
    sample: (stream: RandomStream) => -mean * Math.log(stream.next()),
  };
}
