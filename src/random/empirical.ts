import type { Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly variance: number;
  private readonly table: Float64Array;
  constructor(values: readonly number[]) {
    this.table = Float64Array.from(values);
    const n = this.table.length;
    if (n === 0) throw new RangeError('empirical: needs at least one value');
    let sum = 0;
    for (const v of this.table) sum += v;
    this.mean = sum / n;
    let squares = 0;
    for (const v of this.table) squares += (v - this.mean) ** 2;
    this.variance = squares / n;
  }
  sample(stream: RandomStream): number {
    return this.table[Math.floor(stream.next() * this.table.length)]!;
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
}

/** Resamples the observed `values` (seconds) uniformly; moments are those of the sample itself. */
export function empirical(values: readonly number[]): Distribution {
  return new Empirical(values);
}
