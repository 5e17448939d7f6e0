/**
 * Time-weighted accumulators (SSJ's `Accumulate`) for many piecewise-constant signals at once:
 * the area under each signal since the last flush, in flat typed arrays. Signals come in blocks
 * of `width` that always change together (e.g. an agent group's busy, present, busy-slot and
 * slot counts), sharing one clock per block.
 *
 * The public setters are tiny so the JIT inlines them into the caller; they hand the time to the
 * work through a typed array (see docs/architecture.md, Hot loop rules).
 */
export class TimeWeighted {
  private readonly value: Float64Array;
  private readonly since: Float64Array;
  readonly area: Float64Array;
  private readonly clock = new Float64Array(1);

  constructor(
    blocks: number,
    readonly width = 1,
    start = 0,
  ) {
    // One buffer for the three (a recorder makes several accumulators per replication).
    const n = blocks * width;
    const all = new Float64Array(2 * n + blocks);
    this.value = all.subarray(0, n);
    this.area = all.subarray(n, 2 * n);
    this.since = all.subarray(2 * n).fill(start);
  }

  /** Signal block `b` (width 1) takes `value` from `time` on. */
  set(b: number, time: number, value: number): void {
    this.clock[0] = time;
    this.advance1(b);
    this.value[b] = value;
  }

  /** Signals of block `b` (width 4) take values `v0..v3` from `time` on. */
  set4(b: number, time: number, v0: number, v1: number, v2: number, v3: number): void {
    this.clock[0] = time;
    this.advance4(b);
    const at = b * 4;
    const value = this.value;
    value[at] = v0;
    value[at + 1] = v1;
    value[at + 2] = v2;
    value[at + 3] = v3;
  }

  /**
   * `advance` unrolled for the widths the setters use (they run per event): the same arithmetic,
   * in the same order, without the loop over a width read from the instance.
   */
  private advance1(b: number): void {
    const time = this.clock[0]!;
    const dt = time - this.since[b]!;
    this.since[b] = time;
    this.area[b]! += this.value[b]! * dt;
  }

  private advance4(b: number): void {
    const time = this.clock[0]!;
    const dt = time - this.since[b]!;
    this.since[b] = time;
    const at = b * 4;
    const area = this.area;
    const value = this.value;
    area[at]! += value[at]! * dt;
    area[at + 1]! += value[at + 1]! * dt;
    area[at + 2]! += value[at + 2]! * dt;
    area[at + 3]! += value[at + 3]! * dt;
  }

  /** Add the area of block `b`'s current values since its last change, up to the clock. */
  private advance(b: number): void {
    const time = this.clock[0]!;
    const dt = time - this.since[b]!;
    this.since[b] = time;
    const w = this.width;
    const at = b * w;
    for (let k = 0; k < w; k++) this.area[at + k]! += this.value[at + k]! * dt;
  }

  /** Bring every area up to `time`, pass each to `take(i, area)` (i = block * width + k), and restart at 0. */
  flush(time: number, take: (i: number, area: number) => void): void {
    this.settle(time);
    for (let i = 0; i < this.area.length; i++) take(i, this.area[i]!);
    this.restart();
  }

  /**
   * `flush` without a callback: bring every area up to `time`; the caller reads them in `area`,
   * then calls `restart`. For a caller that runs often (the recorder, at every interval
   * boundary), where a fresh closure per call was most of the cost.
   */
  settle(time: number): void {
    this.clock[0] = time;
    for (let b = 0; b < this.since.length; b++) this.advance(b);
  }

  /** Every area back to 0 (the values and their clocks stay). */
  restart(): void {
    // A loop, not `fill`: the arrays are a few values long, shorter than a builtin call's cost.
    const area = this.area;
    for (let i = 0; i < area.length; i++) area[i] = 0;
  }
}
