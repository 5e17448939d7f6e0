import { checkElapsed, nextUp, type Distribution } from './distribution.js';
import type { RandomStream } from './stream.js';

/**
 * Triangular on [min, max] with its peak at `mode`, drawn by inversion, one uniform each. The
 * quantile is taken from the side the probability lies on (the lower branch from F, the upper one
 * from the survival 1 - F), so a window near max keeps its digits. min = max is an atom.
 */
class Triangular implements Distribution {
  readonly kind = 'triangular';
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  /** F(mode): the probability below the peak. */
  private readonly atMode: number;
  constructor(private readonly min: number, private readonly mode: number, private readonly max: number) {
    const [a, c, b] = [min, mode, max];
    this.width = b - a;
    this.atMode = this.width > 0 ? (c - a) / this.width : 0;
    this.mean = (a + b + c) / 3;
    this.variance = Math.max(0, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
  }
  sample(stream: RandomStream): number {
    const u = stream.next();
    return this.quantile(u, 1 - u);
  }
  sampleInto(stream: RandomStream, out: Float64Array, at: number): void {
    out[at] = this.sample(stream);
  }
  /**
   * {@link sampleWithin} on (elapsed, max] minus elapsed: one uniform, at elapsed 0 the same law
   * as {@link sample}; at or past max, 0 (the uniform is still drawn).
   */
  sampleRemaining(stream: RandomStream, elapsed: number): number {
    checkElapsed(elapsed);
    const x = this.sampleWithin(stream, nextUp(elapsed), Infinity);
    return Number.isNaN(x) ? 0 : Math.max(0, x - elapsed);
  }
  sampleRemainingInto(stream: RandomStream, elapsed: number, out: Float64Array, at: number): void {
    out[at] = this.sampleRemaining(stream, elapsed);
  }
  partialMoment(order: 0 | 1 | 2, lo: number, hi: number): number {
    const { min: a, mode: c, max: b, width } = this;
    if (width === 0) return lo <= a && a <= hi ? Math.pow(a, order) : 0;
    const from = Math.max(lo, a);
    const to = Math.min(hi, b);
    if (!(from <= to)) return 0;
    if (order === 0) return this.cdf(to) - this.cdf(from);
    const k = order;
    let sum = 0;
    // x^k times the density, integrated on each side of the peak.
    const l0 = from;
    const l1 = Math.min(to, c);
    if (c > a && l0 < l1) {
      const g = (x: number) => Math.pow(x, k + 2) / (k + 2) - (a * Math.pow(x, k + 1)) / (k + 1);
      sum += (2 * (g(l1) - g(l0))) / (width * (c - a));
    }
    const r0 = Math.max(from, c);
    const r1 = to;
    if (b > c && r0 < r1) {
      const g = (x: number) => (b * Math.pow(x, k + 1)) / (k + 1) - Math.pow(x, k + 2) / (k + 2);
      sum += (2 * (g(r1) - g(r0))) / (width * (b - c));
    }
    return sum;
  }
  /** F and 1 - F at the window's ends, the uniform placed between them, through the quantile. */
  sampleWithin(stream: RandomStream, lo: number, hi: number): number {
    const u = stream.next();
    if (this.width === 0) return lo <= this.min && this.min <= hi ? this.min : NaN;
    const from = Math.max(lo, this.min);
    const to = Math.min(hi, this.max);
    if (!(from < to)) return NaN;
    const pFrom = this.cdf(from);
    const sFrom = this.survival(from);
    const p = pFrom + u * (this.cdf(to) - pFrom);
    const s = sFrom - u * (sFrom - this.survival(to));
    return Math.min(to, Math.max(from, this.quantile(p, s)));
  }
  private cdf(x: number): number {
    const { min: a, mode: c, max: b, width } = this;
    if (x <= a) return 0;
    if (x >= b) return 1;
    return x <= c ? ((x - a) * (x - a)) / (width * (c - a)) : 1 - ((b - x) * (b - x)) / (width * (b - c));
  }
  private survival(x: number): number {
    const { min: a, mode: c, max: b, width } = this;
    if (x <= a) return 1;
    if (x >= b) return 0;
    return x <= c ? 1 - ((x - a) * (x - a)) / (width * (c - a)) : ((b - x) * (b - x)) / (width * (b - c));
  }
  /** The x with F(x) = p (and 1 - F(x) = s = 1 - p, whichever is accurate is used). */
  private quantile(p: number, s: number): number {
    const { min: a, mode: c, max: b, width } = this;
    return p <= this.atMode ? a + Math.sqrt(p * width * (c - a)) : b - Math.sqrt(s * width * (b - c));
  }
}

/** Triangular on [min, max] seconds with its peak at mode (min <= mode <= max). */
export function triangular(min: number, mode: number, max: number): Distribution {
  if (!(min >= 0 && min <= mode && mode <= max && max < Infinity)) {
    throw new RangeError(`triangular: needs 0 <= min <= mode <= max < Infinity (got ${min}, ${mode}, ${max})`);
  }
  return new Triangular(min, mode, max);
}
