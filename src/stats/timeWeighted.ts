/**
 * Time-weighted accumulators (SSJ's `Accumulate`) for many piecewise-constant signals at once:
 * the area under each signal since the last flush, in flat typed arrays.
 */
export class TimeWeighted {
  private readonly value: Float64Array;
  private readonly since: Float64Array;
  readonly area: Float64Array;

  constructor(signals: number, start = 0) {
    this.value = new Float64Array(signals);
    this.since = new Float64Array(signals).fill(start);
    this.area = new Float64Array(signals);
  }

  /** Signal `i` takes `value` from `time` on. */
  set(i: number, time: number, value: number): void {
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
