import { WAIT_BINS, waitBinEnd, waitBinStart, type WaitHistogram } from './waitHistogram.js';

/**
 * The Kaplan-Meier (1958) estimate of patience's survival function S(t) = P(patience > t) from
 * the binned waits: S is the product over bins of (1 - abandoned / at risk), a contact answered
 * (censored) in a bin counting as at risk for that bin's abandonments (the usual convention that
 * censoring follows the events it ties with; the bins are 0.4 % wide, so the order within a bin
 * hardly matters). Standard errors by Greenwood's formula. Between bin edges S is interpolated
 * log-linearly (constant hazard within a bin).
 */
export interface SurvivalPoint {
  /** Seconds. */
  readonly t: number;
  readonly survival: number;
  readonly se: number;
}

export interface KaplanMeier {
  readonly points: readonly SurvivalPoint[];
  /** Seconds at which S first falls to 0.5; undefined when it never does (too much censoring). */
  readonly median: number | undefined;
}

/** Where `ccsim fit` reports S(t), seconds. */
export const SURVIVAL_POINTS = [10, 30, 60, 120, 300] as const;

export function kaplanMeier(h: WaitHistogram, at: readonly number[] = SURVIVAL_POINTS): KaplanMeier {
  // S and Greenwood's sum at the end of each bin.
  const survival = new Float64Array(WAIT_BINS);
  const greenwood = new Float64Array(WAIT_BINS);
  let risk = h.observed + h.censored;
  let s = 1;
  let g = 0;
  for (let b = 0; b < WAIT_BINS; b++) {
    const d = h.observedCount[b]!;
    if (d > 0 && risk > 0) {
      s *= 1 - d / risk;
      g += risk > d ? d / (risk * (risk - d)) : 0;
    }
    survival[b] = s;
    greenwood[b] = g;
    risk -= d + h.censoredCount[b]!;
  }
  const value = (t: number): { s: number; g: number } => {
    let b = 0;
    while (b < WAIT_BINS - 1 && waitBinEnd(b) <= t) b++;
    const before = b === 0 ? 1 : survival[b - 1]!;
    const end = survival[b]!;
    const lo = waitBinStart(b);
    const hi = waitBinEnd(b);
    const frac = Number.isFinite(hi) ? (t - lo) / (hi - lo) : 0;
    const sv = before > 0 && end > 0 ? before * Math.pow(end / before, frac) : frac < 1 ? before : end;
    return { s: sv, g: greenwood[b]! };
  };
  const points = at.map((t) => {
    const { s: sv, g: gv } = value(t);
    return { t, survival: sv, se: sv * Math.sqrt(gv) };
  });
  let median: number | undefined;
  for (let b = 0; b < WAIT_BINS; b++) {
    if (survival[b]! <= 0.5) {
      const before = b === 0 ? 1 : survival[b - 1]!;
      const lo = waitBinStart(b);
      const hi = Number.isFinite(waitBinEnd(b)) ? waitBinEnd(b) : lo;
      const end = survival[b]!;
      // Log-linear within the bin: the t where S crosses 0.5.
      const frac = end > 0 && before > end ? Math.log(before / 0.5) / Math.log(before / end) : 1;
      median = lo + frac * (hi - lo);
      break;
    }
  }
  return { points, median };
}
