/**
 * Waits of one contact type in bounded memory: counts and sums of the observed (abandoned) and
 * the censored (answered) waits in bins of 0.4 % relative width (bin 0 is [0, 0.5 s); bin b >= 1
 * is [0.5 r^(b-1), 0.5 r^b) with r = 1.004, about 0.5 s wide at 2 minutes; the last bin, from
 * about 11.6 days, takes everything longer), plus the exact sums the likelihoods need where
 * sufficient statistics exist. 4 x 3,636 doubles a type, whatever the number of contacts.
 *
 * Within a bin each wait is represented by the bin's mean (its sum / count), so the sums of t
 * are exact and a smooth function of t is off by about (width / t)² / 24 relative, below 1e-6.
 */
export const WAIT_BIN_RATIO = 1.004;
export const WAIT_BIN_FIRST = 0.5;
export const WAIT_BINS = 3636;
const LOG_RATIO = Math.log(WAIT_BIN_RATIO);

/** An observed wait of 0 (a 1-s clock rounding a quick hang-up down) is taken as this, in seconds. */
export const ZERO_OBSERVED_WAIT = 0.5;

export class WaitHistogram {
  readonly observedCount = new Float64Array(WAIT_BINS);
  readonly observedSum = new Float64Array(WAIT_BINS);
  readonly censoredCount = new Float64Array(WAIT_BINS);
  readonly censoredSum = new Float64Array(WAIT_BINS);
  /** Abandoned contacts: observed patience times. */
  observed = 0;
  /** Answered contacts: patience known only to exceed the wait. */
  censored = 0;
  /** Σ of every wait, observed and censored (the exposure of the exponential likelihood). */
  totalWait = 0;
  /** Σ ln t and Σ (ln t)² over the observed waits (exact). */
  observedLogSum = 0;
  observedLogSquares = 0;
  /** Observed waits of 0 taken as ZERO_OBSERVED_WAIT. */
  zeroObserved = 0;

  /** One contact's wait (seconds, >= 0): observed (abandoned) or censored (answered). */
  add(wait: number, abandoned: boolean): void {
    if (abandoned) {
      let t = wait;
      if (!(t > 0)) {
        t = ZERO_OBSERVED_WAIT;
        this.zeroObserved++;
      }
      const b = waitBin(t);
      this.observedCount[b]! += 1;
      this.observedSum[b]! += t;
      this.observed++;
      this.totalWait += t;
      const l = Math.log(t);
      this.observedLogSum += l;
      this.observedLogSquares += l * l;
    } else {
      const b = waitBin(wait);
      this.censoredCount[b]! += 1;
      this.censoredSum[b]! += wait;
      this.censored++;
      this.totalWait += wait;
    }
  }
}

/** The bin of a wait of t seconds. */
export function waitBin(t: number): number {
  if (t < WAIT_BIN_FIRST) return 0;
  return Math.min(WAIT_BINS - 1, 1 + Math.floor(Math.log(t / WAIT_BIN_FIRST) / LOG_RATIO));
}

/** Upper edge of bin b (seconds); Infinity for the last. */
export function waitBinEnd(b: number): number {
  return b >= WAIT_BINS - 1 ? Infinity : WAIT_BIN_FIRST * Math.pow(WAIT_BIN_RATIO, b);
}

/** Lower edge of bin b (seconds). */
export function waitBinStart(b: number): number {
  return b === 0 ? 0 : WAIT_BIN_FIRST * Math.pow(WAIT_BIN_RATIO, b - 1);
}
