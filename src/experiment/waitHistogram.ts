/**
 * Fixed bins for queue waits, so the 90th percentile of a (type, interval) cell needs a constant
 * amount of memory whatever the number of contacts, and cells add up by summing bins. Bin 0 holds
 * waits of exactly 0 (answered at once); then bins of 1 s up to 60 s, 5 s up to 5 min, 30 s up to
 * 30 min, 5 min up to 4 h, 1 h up to 48 h, 12 h up to 8 days, and one open bin beyond.
 * A percentile is interpolated linearly inside its bin, so it is exact to the bin width there.
 */
const SEGMENTS: readonly (readonly [from: number, to: number, width: number])[] = [
  [0, 60, 1],
  [60, 300, 5],
  [300, 1800, 30],
  [1800, 4 * 3600, 300],
  [4 * 3600, 48 * 3600, 3600],
  [48 * 3600, 8 * 86400, 12 * 3600],
];

/** Lower edge of each bin (bin 0 is the point 0; the last bin is open). */
const LOWER: Float64Array = (() => {
  const edges = [0];
  for (const [from, to, width] of SEGMENTS) for (let x = from; x < to; x += width) edges.push(x);
  edges.push(SEGMENTS[SEGMENTS.length - 1]![1]);
  return Float64Array.from(edges);
})();

/** Number of wait bins. */
export const WAIT_BINS = LOWER.length;
/** First bin of each segment, in SEGMENTS order. */
const FIRST = SEGMENTS.map((_, k) => 1 + SEGMENTS.slice(0, k).reduce((n, [from, to, width]) => n + (to - from) / width, 0));
const OPEN_FROM = SEGMENTS[SEGMENTS.length - 1]![1];

/** The bin of a wait of `w` seconds (w >= 0). */
export function waitBin(w: number): number {
  if (w <= 0) return 0;
  if (w < 60) return 1 + Math.floor(w);
  if (w < 300) return FIRST[1]! + Math.floor((w - 60) / 5);
  if (w < 1800) return FIRST[2]! + Math.floor((w - 300) / 30);
  if (w < 14400) return FIRST[3]! + Math.floor((w - 1800) / 300);
  if (w < 172800) return FIRST[4]! + Math.floor((w - 14400) / 3600);
  if (w < OPEN_FROM) return FIRST[5]! + Math.floor((w - 172800) / 43200);
  return WAIT_BINS - 1;
}

/**
 * The `q` quantile (0 < q < 1) of the waits counted in `bins[at .. at + WAIT_BINS)`, or NaN when
 * there are none. Within a bin the waits are taken as spread evenly; bin 0 is the point 0 and the
 * open last bin reports its lower edge (8 days).
 */
export function waitQuantile(bins: Float64Array, at: number, q: number): number {
  let total = 0;
  for (let b = 0; b < WAIT_BINS; b++) total += bins[at + b]!;
  if (total === 0) return NaN;
  const rank = q * total;
  let below = 0;
  for (let b = 0; b < WAIT_BINS; b++) {
    const n = bins[at + b]!;
    if (n > 0 && below + n >= rank) {
      if (b === 0 || b === WAIT_BINS - 1) return LOWER[b]!;
      return LOWER[b]! + ((LOWER[b + 1]! - LOWER[b]!) * (rank - below)) / n;
    }
    below += n;
  }
  return LOWER[WAIT_BINS - 1]!;
}

/**
 * `waitQuantile` of a sparse histogram: entries `from .. to-1` of `bins` (flat indices whose bin
 * is `index % WAIT_BINS`, ascending, all of one cell) with their `counts`. The same arithmetic in
 * the same order as the dense form (its zero bins add nothing), so the same bits.
 */
export function sparseWaitQuantile(bins: Uint32Array, counts: Uint32Array, from: number, to: number, q: number): number {
  let total = 0;
  for (let j = from; j < to; j++) total += counts[j]!;
  if (total === 0) return NaN;
  const rank = q * total;
  let below = 0;
  for (let j = from; j < to; j++) {
    const n = counts[j]!;
    const b = bins[j]! % WAIT_BINS;
    if (below + n >= rank) {
      if (b === 0 || b === WAIT_BINS - 1) return LOWER[b]!;
      return LOWER[b]! + ((LOWER[b + 1]! - LOWER[b]!) * (rank - below)) / n;
    }
    below += n;
  }
  return LOWER[WAIT_BINS - 1]!;
}

/** Add entries `from .. to-1` of a sparse histogram into the dense one `dense[0 .. WAIT_BINS)`. */
export function addSparseWaits(dense: Float64Array, bins: Uint32Array, counts: Uint32Array, from: number, to: number): void {
  for (let j = from; j < to; j++) dense[bins[j]! % WAIT_BINS]! += counts[j]!;
}

/** The first entry at or after `from` of a sparse histogram whose cell is `cell` or later. */
export function firstWaitOfCell(bins: Uint32Array, from: number, cell: number): number {
  const start = cell * WAIT_BINS;
  let j = from;
  while (j < bins.length && bins[j]! < start) j++;
  return j;
}

/**
 * Counts of answered waits per (cell, bin) for one replication at a time: a dense table, so
 * counting is one increment, that lists the entries it touches, so handing them out sparse and
 * clearing them costs the entries, not the table. One per thread is shared by the recorders
 * there (they run one at a time; a thread reuses it, so a replication allocates no table).
 */
export class WaitCounts {
  private counts = new Uint32Array(0);
  private touched = new Uint32Array(256);
  private size = 0;
  private owner: object | null = null;

  /** Start counting for `owner` over `cells` cells (a previous owner that never finished loses its counts). */
  acquire(owner: object, cells: number): void {
    this.clear();
    if (this.counts.length < cells * WAIT_BINS) this.counts = new Uint32Array(cells * WAIT_BINS);
    this.owner = owner;
  }

  /** Count one wait of bin `bin` in cell `cell`. */
  count(cell: number, bin: number): void {
    const k = cell * WAIT_BINS + bin;
    if (this.counts[k]!++ === 0) {
      if (this.size === this.touched.length) this.grow();
      this.touched[this.size++] = k;
    }
  }

  /** The counts so far, sparse and ascending (see ReplicationResult.waitBins); the table is cleared. */
  take(owner: object): { bins: Uint32Array; counts: Uint32Array } {
    if (this.owner !== owner) throw new Error('WaitCounts: another recorder started in this thread before this one finished');
    const bins = this.touched.slice(0, this.size).sort();
    const counts = new Uint32Array(bins.length);
    for (let j = 0; j < bins.length; j++) counts[j] = this.counts[bins[j]!]!;
    this.clear();
    this.owner = null;
    return { bins, counts };
  }

  private clear(): void {
    for (let j = 0; j < this.size; j++) this.counts[this.touched[j]!] = 0;
    this.size = 0;
  }

  private grow(): void {
    const next = new Uint32Array(this.touched.length * 2);
    next.set(this.touched);
    this.touched = next;
  }
}
