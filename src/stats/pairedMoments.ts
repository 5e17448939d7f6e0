/** Means and centred (co)sums of squares of a pair (x, y) over n observations. */
export interface MomentSums {
  readonly n: number;
  readonly meanX: number;
  readonly meanY: number;
  /** Sum of squared deviations of x from its mean. */
  readonly sxx: number;
  readonly syy: number;
  readonly sxy: number;
}

/**
 * Running moments of many pairs (x, y) at once, each observed once per replication, in flat
 * typed arrays, updated with Welford's method (stable; the same order gives the same bits).
 * A count uses x alone; a ratio of means uses both.
 */
export class PairedMoments {
  n = 0;
  private readonly meanX: Float64Array;
  private readonly meanY: Float64Array;
  private readonly sxx: Float64Array;
  private readonly syy: Float64Array;
  private readonly sxy: Float64Array;

  constructor(readonly cells: number) {
    this.meanX = new Float64Array(cells);
    this.meanY = new Float64Array(cells);
    this.sxx = new Float64Array(cells);
    this.syy = new Float64Array(cells);
    this.sxy = new Float64Array(cells);
  }

  /** Start observation number n + 1; then call `add` once for every cell. */
  nextObservation(): void {
    this.n++;
  }

  add(cell: number, x: number, y: number): void {
    const n = this.n;
    const dx = x - this.meanX[cell]!;
    const dy = y - this.meanY[cell]!;
    const mx = (this.meanX[cell]! += dx / n);
    const my = (this.meanY[cell]! += dy / n);
    this.sxx[cell]! += dx * (x - mx);
    this.syy[cell]! += dy * (y - my);
    this.sxy[cell]! += dx * (y - my);
  }

  /**
   * Start the next observation and add every cell's pair, from observations kept compact (see
   * the experiment's CompactObservations): `views` blocks of `width` cells each; block v's pairs
   * (x of its cell j at 2j, y after it) are read in turn from `pairs`, from `from` on, when
   * `present[at + v]` is 1, and are `absent`'s 2 * width values otherwise. The same arithmetic
   * per cell as `add`, without writing a whole table first. A cell whose pair equals its means is
   * left as it is: its update would add exact zeros (dx = dy = 0), so skipping it changes no bit,
   * and a view that never varies (an interval with no contacts in every replication) costs two
   * comparisons. Returns where the pairs after these blocks start.
   */
  addCompact(pairs: Float64Array, from: number, present: Uint8Array, at: number, views: number, width: number, absent: Float64Array): number {
    const n = ++this.n;
    const { meanX, meanY, sxx, syy, sxy } = this;
    let cell = 0;
    let next = from;
    for (let v = 0; v < views; v++) {
      const own = present[at + v] === 1;
      const values = own ? pairs : absent;
      let p = own ? next : 0;
      if (own) next += 2 * width;
      for (let j = 0; j < width; j++, cell++, p += 2) {
        const x = values[p]!;
        const y = values[p + 1]!;
        const dx = x - meanX[cell]!;
        const dy = y - meanY[cell]!;
        if (dx === 0 && dy === 0) continue;
        const mx = (meanX[cell]! += dx / n);
        const my = (meanY[cell]! += dy / n);
        sxx[cell]! += dx * (x - mx);
        syy[cell]! += dy * (y - my);
        sxy[cell]! += dx * (y - my);
      }
    }
    return next;
  }

  sums(cell: number): MomentSums {
    return {
      n: this.n,
      meanX: this.meanX[cell]!,
      meanY: this.meanY[cell]!,
      sxx: this.sxx[cell]!,
      syy: this.syy[cell]!,
      sxy: this.sxy[cell]!,
    };
  }
}
