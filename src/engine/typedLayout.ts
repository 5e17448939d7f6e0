/**
 * Typed arrays of one length carved out of a single ArrayBuffer: `f64()` and `i32()` (and `u8()`,
 * last) hand out consecutive views. A typed array of its own is an off-heap buffer, about 0.6 us
 * to make and more to collect, against about 30 ns for a view; a replication of a long model made
 * some 130 of them (bench/RESULTS.md, issue 17, session 3), so records of many parallel arrays
 * (the calendar's slots, the contact pool) take theirs from one buffer. Views are as fast to read
 * and write as arrays of their own. Never for arrays that leave the thread (a replication's
 * results): copying a view copies its whole buffer.
 *
 * The length is rounded up to a multiple of 8, so every view takes a multiple of 8 bytes and
 * views of any kind may be asked for in any order.
 */
export class TypedLayout {
  /** Elements of every view. */
  readonly length: number;
  private readonly buffer: ArrayBuffer;
  private at = 0;

  /**
   * @param length elements of every view (rounded up to a multiple of 8)
   * @param f64s how many Float64 views will be asked for; `i32s` and `u8s` likewise
   */
  constructor(length: number, f64s: number, i32s: number, u8s = 0) {
    this.length = (length + 7) & ~7;
    this.buffer = new ArrayBuffer(this.length * (8 * f64s + 4 * i32s + u8s));
  }

  f64(): Float64Array {
    const view = new Float64Array(this.buffer, this.at, this.length);
    this.at += 8 * this.length;
    return view;
  }

  i32(): Int32Array {
    const view = new Int32Array(this.buffer, this.at, this.length);
    this.at += 4 * this.length;
    return view;
  }

  u8(): Uint8Array {
    const view = new Uint8Array(this.buffer, this.at, this.length);
    this.at += this.length;
    return view;
  }
}
