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
