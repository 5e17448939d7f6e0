import { checkElapsed, type Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly variance: number;
  private readonly table: Float64Array;
  /** The values in increasing order, for the conditional draw. */
  private readonly sorted: Float64Array;
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
    this.sorted = Float64Array.from(this.table).sort();
  }
  sample(stream: RandomStream): number {
    return this.table[Math.floor(stream.next() * this.table.length)]!;
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
  /**
   * One of the values greater than `elapsed`, uniformly (each copy of a repeated value counts),
   * minus `elapsed`: the empirical law given X > elapsed. When every value exceeds `elapsed` it
   * is the same draw as {@link sample}; when none does, 0 (the uniform is still drawn).
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    const u = stream.next();
    const sorted = this.sorted;
    const n = sorted.length;
    // First index whose value exceeds elapsed (binary search: the values above are a suffix).
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! > elapsed) hi = mid;
      else lo = mid + 1;
    }
    if (lo === n) return 0;
    if (lo === 0) return this.table[Math.floor(u * n)]! - elapsed;
    return sorted[lo + Math.floor(u * (n - lo))]! - elapsed;
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    let sum = 0;
    for (const v of this.table) if (lo <= v && v <= hi) sum += Math.pow(v, order);
    return sum / this.table.length;
  }
  /** One of the values in the window, uniformly (each copy counts); NaN when none is. */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const u = stream.next();
    const from = this.firstAtLeast(lo);
    const to = this.firstAbove(hi);
    return from < to ? this.sorted[from + Math.floor(u * (to - from))]! : NaN;
  }
  private firstAtLeast(x: number): number {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! >= x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  private firstAbove(x: number): number {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Resamples the observed `values` (seconds) uniformly; moments are those of the sample itself. */
export function empirical(values: readonly number[]): Distribution {
  return new Empirical(values);
}
