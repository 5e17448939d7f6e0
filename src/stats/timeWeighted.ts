/**
 * Time-weighted accumulators (SSJ's `Accumulate`) for many piecewise-constant signals at once:
 * the area under each signal since the last flush, in flat typed arrays.
 *
 * The public setters are tiny so the JIT inlines them into the caller; they hand the time to the
 * work through a typed array, because a number passed to a call that is not inlined is boxed on
 * the heap (and the simulation allocates nothing per event).
 */
export class TimeWeighted {
  private readonly value: Float64Array;
  private readonly since: Float64Array;
  readonly area: Float64Array;
  private readonly clock = new Float64Array(1);

  constructor(signals: number, start = 0) {
    this.value = new Float64Array(signals);
    this.since = new Float64Array(signals).fill(start);
    this.area = new Float64Array(signals);
  }

  /** Signal `i` takes `value` (a count) from `time` on. */
  set(i: number, time: number, value: number): void {
    this.clock[0] = time;
    this.update(i, value);
  }

  /** Signals `i .. i+3` take values `a, b, c, d` (counts) from `time` on. */
  set4(i: number, time: number, a: number, b: number, c: number, d: number): void {
    this.clock[0] = time;
    this.update(i, a);
    this.update(i + 1, b);
    this.update(i + 2, c);
    this.update(i + 3, d);
  }

  private update(i: number, value: number): void {
    const time = this.clock[0]!;
    this.area[i]! += this.value[i]! * (time - this.since[i]!);
    this.value[i] = value;
    this.since[i] = time;
  }

  /** Bring every area up to `time`, pass each to `take(i, area)`, and restart the areas at 0. */
  flush(time: number, take: (i: number, area: number) => void): void {
    for (let i = 0; i < this.area.length; i++) {
      const a = this.area[i]! + this.value[i]! * (time - this.since[i]!);
      take(i, a);
      this.area[i] = 0;
      this.since[i] = time;
    }
  }
}
