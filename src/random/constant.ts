import type { Distribution } from './distribution.js';

/** Always `value` (seconds); draws no random number, so it leaves its stream untouched. */
export function constant(value: number): Distribution {
  return { kind: 'constant', mean: value, variance: 0, sample: () => value };
}
