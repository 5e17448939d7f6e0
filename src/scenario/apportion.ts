/**
 * `total` split in proportion to `weights` (whole numbers): floor(total x w / sum) each, the rest
 * one by one to the largest remainders, ties to the earlier. Integer arithmetic, so ties are exact.
 * All weights 0: everything to the first (so the parts always sum to `total`).
 * How a shift's present agents are shared among its break groups (by the simulator and by the
 * schedule's own report, which must agree).
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, j) => (j === 0 ? total : 0));
  const out = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights.map((w, j) => [(total * w) % sum, j] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  let left = total - out.reduce((a, b) => a + b, 0);
  for (const [, j] of order) {
    if (left <= 0) break;
    out[j] = (out[j] ?? 0) + 1;
    left -= 1;
  }
  return out;
}
