import { weekday } from './calendar.js';
import { cellIndex, type IntervalHistory } from './types.js';

/**
 * The intraday side of the forecast, per contact type: the share of a day's volume in each
 * interval (per weekday), the dispersion of interval counts around it, and the AHT per interval.
 *
 * Profile. Given a day's total, call-center interval counts are close to multinomial with
 * shares that depend on the weekday and are stable from week to week (Brown et al. 2005,
 * "Statistical analysis of a telephone call center", JASA 100:36-50; Weinberg, Brown & Stroud
 * 2007; Ibrahim & L'Ecuyer 2013 model the same weekday x interval effects). The share of weekday
 * w in interval s is estimated from the kept days of the window (holidays and outliers out) and
 * shrunk towards the all-weekday shape, restricted to w's open intervals, as the posterior mean
 * under a Dirichlet prior of weight `profilePrior` contacts per open interval: a weekday with
 * plenty of contacts keeps its own shape, a thin one borrows the pooled shape.
 *
 * Dispersion. Interval counts vary more than multinomially around the profile even given the day
 * total (bursts, weather, outages). Pearson's statistic over the kept days divided by its degrees
 * of freedom (McCullagh & Nelder 1989, section 4.5: the quasi-Poisson dispersion) estimates that
 * extra variance factor phi >= 1, used in the prediction interval.
 *
 * AHT. Per weekday and interval, the mean of the recorded AHTs weighted by the contacts handled
 * (answered when the file has it, else offered), shrunk towards the interval's all-weekday mean
 * and that towards the type's mean over the window with a prior of `ahtPrior` contacts: an
 * interval seen with 3 contacts gets mostly the coarser mean. Cells with an unknown AHT are
 * skipped. No trend: AHT moves slowly compared with volume.
 */

export interface IntradaySettings {
  readonly profilePrior: number;
  readonly ahtPrior: number;
}

export interface IntradayFit {
  /** Share of the day in each interval, index weekday * slots + slot; each open weekday sums to 1. */
  readonly share: Float64Array;
  /** Extra-multinomial variance factor of interval counts given the day total (>= 1). */
  readonly dispersion: number;
  /**
   * AHT (seconds) per weekday * slots + slot, NaN where unknown; undefined when the history has
   * no aht column.
   */
  readonly aht: Float64Array | undefined;
}

const WEEKDAYS = 7;

export function fitIntraday(
  history: IntervalHistory,
  type: number,
  keptDays: readonly number[],
  active: readonly boolean[],
  settings: IntradaySettings,
): IntradayFit {
  const { slots, types, firstDay, offered } = history;
  const series = types.length;
  const counts = new Float64Array(WEEKDAYS * slots);
  const totals = new Float64Array(WEEKDAYS);
  for (const day of keptDays) {
    const w = weekday(day);
    for (let s = 0; s < slots; s++) {
      const n = offered[cellIndex(slots, series, day - firstDay, type, s)]!;
      counts[w * slots + s]! += n;
      totals[w]! += n;
    }
  }
  const pooled = new Float64Array(slots);
  for (let w = 0; w < WEEKDAYS; w++) for (let s = 0; s < slots; s++) pooled[s]! += counts[w * slots + s]!;
  const pooledTotal = pooled.reduce((a, b) => a + b, 0);

  const share = new Float64Array(WEEKDAYS * slots);
  for (let w = 0; w < WEEKDAYS; w++) {
    if (!active[w]) continue;
    const row = counts.subarray(w * slots, (w + 1) * slots);
    if (totals[w]! === 0) {
      // An open weekday with no kept day: the pooled shape.
      if (pooledTotal > 0) for (let s = 0; s < slots; s++) share[w * slots + s] = pooled[s]! / pooledTotal;
      continue;
    }
    let open = 0;
    let pooledOpen = 0;
    for (let s = 0; s < slots; s++) {
      if (row[s]! > 0) {
        open++;
        pooledOpen += pooled[s]!;
      }
    }
    const prior = settings.profilePrior * open;
    for (let s = 0; s < slots; s++) {
      if (row[s]! === 0) continue;
      share[w * slots + s] = (row[s]! + (prior * pooled[s]!) / pooledOpen) / (totals[w]! + prior);
    }
  }

  return { share, dispersion: dispersionOf(history, type, keptDays, share), aht: ahtOf(history, type, keptDays, settings.ahtPrior) };
}

/** Pearson chi-square of the kept days' interval counts around total x share, over its degrees of freedom. */
function dispersionOf(history: IntervalHistory, type: number, keptDays: readonly number[], share: Float64Array): number {
  const { slots, types, firstDay, offered } = history;
  let chi2 = 0;
  let df = 0;
  const shapes = new Set<number>();
  for (const day of keptDays) {
    const w = weekday(day);
    let total = 0;
    for (let s = 0; s < slots; s++) total += offered[cellIndex(slots, types.length, day - firstDay, type, s)]!;
    if (total === 0) continue;
    let open = 0;
    for (let s = 0; s < slots; s++) {
      const p = share[w * slots + s]!;
      if (p <= 0) continue;
      open++;
      const expected = total * p;
      const n = offered[cellIndex(slots, types.length, day - firstDay, type, s)]!;
      chi2 += ((n - expected) * (n - expected)) / expected;
    }
    // Each day's counts sum to its total (one constraint); each weekday's shares are estimated.
    df += open - 1;
    if (!shapes.has(w)) {
      shapes.add(w);
      df -= open - 1;
    }
  }
  return df > 0 ? Math.max(1, chi2 / df) : 1;
}

function ahtOf(history: IntervalHistory, type: number, keptDays: readonly number[], prior: number): Float64Array | undefined {
  if (!history.columns.has('aht')) return undefined;
  const { slots, types, firstDay, offered, answered, aht } = history;
  const useAnswered = history.columns.has('answered');
  const weight = new Float64Array(WEEKDAYS * slots);
  const sum = new Float64Array(WEEKDAYS * slots);
  for (const day of keptDays) {
    const w = weekday(day);
    for (let s = 0; s < slots; s++) {
      const i = cellIndex(slots, types.length, day - firstDay, type, s);
      const a = aht[i]!;
      if (!(a > 0 && Number.isFinite(a))) continue;
      const handled = useAnswered && Number.isFinite(answered[i]!) ? answered[i]! : offered[i]!;
      if (!(handled > 0)) continue;
      weight[w * slots + s]! += handled;
      sum[w * slots + s]! += handled * a;
    }
  }
  const out = new Float64Array(WEEKDAYS * slots).fill(NaN);
  const slotWeight = new Float64Array(slots);
  const slotSum = new Float64Array(slots);
  for (let k = 0; k < WEEKDAYS * slots; k++) {
    slotWeight[k % slots]! += weight[k]!;
    slotSum[k % slots]! += sum[k]!;
  }
  const allWeight = slotWeight.reduce((a, b) => a + b, 0);
  if (allWeight === 0) return out;
  const overall = slotSum.reduce((a, b) => a + b, 0) / allWeight;
  for (let k = 0; k < WEEKDAYS * slots; k++) {
    const s = k % slots;
    const bySlot = (slotSum[s]! + prior * overall) / (slotWeight[s]! + prior);
    out[k] = (sum[k]! + prior * bySlot) / (weight[k]! + prior);
  }
  return out;
}
