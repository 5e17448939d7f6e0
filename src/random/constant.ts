import type { Distribution } from './distribution.js';

class Constant implements Distribution {
  readonly kind = 'constant';
  readonly variance = 0;
  constructor(readonly mean: number) {}
  sample(): number {
    return this.mean;
  }
  sampleInto(_stream: unknown, out: Float64Array, at: number): void {
    out[at] = this.mean;
  }
}

/** Always `value` (seconds); draws no random number, so it leaves its stream untouched. */
export function constant(value: number): Distribution {
  return new Constant(value);
}
