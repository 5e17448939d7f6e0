import { estimate, type Estimate } from './estimate.js';
import { cellIndex, type IntervalHistory } from './types.js';

/**
 * Patience from the interval history alone (no contact log), by the Erlang-A relation
 * P(abandon) = E[W] / θ, which holds for exponential patience of mean θ whatever the waits'
 * distribution (Mandelbaum & Zeltyn, "Service engineering in action: the Palm/Erlang-A queue,
 * with applications to call centers", 2007; Zeltyn & Mandelbaum 2005): every contact waiting in
 * queue abandons at rate 1/θ, so abandoned = (total waiting time) / θ, and
 *
 *     θ̂ = (answered x ASA + W_abandoned) / abandoned,  summed over every interval.
 *
 * The history gives the answered contacts' waits (answered x asa) but not the abandoned ones':
 * W_abandoned is estimated as abandoned x the interval's ASA. That is biased LOW: the answered
 * include contacts answered at once (wait 0) while every abandoned contact waited; with
 * exponential offered waits the abandoned's mean wait is ASA / P(wait > 0 | answered) = r ASA,
 * r >= 1, and the estimate is the truth times (A + B) / (A + r B) (A answered, B abandoned). The
 * bias is small when few abandon (B / A of 5 % and r = 2: 5 % low) and reported in a note.
 * Standard error: abandonment counted as Poisson, SE = θ̂ / √B.
 */
export interface ErlangAPatience {
  /** Mean patience (exponential), seconds; undefined when it cannot be estimated. */
  readonly mean: Estimate | undefined;
  readonly answered: number;
  readonly abandoned: number;
  /** Σ answered x asa, seconds. */
  readonly answeredWait: number;
  /** The estimate of the abandoned contacts' total wait, seconds. */
  readonly abandonedWait: number;
  readonly notes: readonly string[];
}

export const ERLANG_A_METHOD = 'Erlang-A: (answered x ASA + abandoned x ASA) / abandoned';

export function erlangAPatience(history: IntervalHistory, type: number): ErlangAPatience {
  const notes: string[] = [];
  const id = history.types[type]!;
  const missing = (['answered', 'abandoned', 'asa'] as const).filter((c) => !history.columns.has(c));
  if (missing.length > 0) {
    notes.push(`${id}: patience not estimated: the interval history has no ${missing.join(', ')} column and no contact log was given`);
    return { mean: undefined, answered: 0, abandoned: 0, answeredWait: 0, abandonedWait: 0, notes };
  }
  const T = history.types.length;
  let answered = 0;
  let abandoned = 0;
  let answeredWait = 0;
  let abandonedWait = 0;
  // Abandoned in intervals with no answered contact (no ASA) get the type's overall ASA.
  let orphanAbandoned = 0;
  for (let d = 0; d < history.days; d++) {
    if (history.open[d] !== 1) continue;
    for (let s = 0; s < history.slots; s++) {
      const at = cellIndex(history.slots, T, d, type, s);
      const a = history.answered[at]!;
      const b = history.abandoned[at]!;
      const asa = history.asa[at]!;
      const hasB = Number.isFinite(b) && b > 0;
      if (Number.isFinite(a) && a > 0 && Number.isFinite(asa)) {
        answered += a;
        answeredWait += a * asa;
        if (hasB) {
          abandoned += b;
          abandonedWait += b * asa;
        }
      } else if (hasB) orphanAbandoned += b;
    }
  }
  const overallAsa = answered > 0 ? answeredWait / answered : NaN;
  if (orphanAbandoned > 0 && answered > 0) {
    abandoned += orphanAbandoned;
    abandonedWait += orphanAbandoned * overallAsa;
  }
  if (abandoned === 0) {
    notes.push(`${id}: no abandoned contact in the interval history: patience cannot be estimated`);
    return { mean: undefined, answered, abandoned, answeredWait, abandonedWait, notes };
  }
  const theta = (answeredWait + abandonedWait) / abandoned;
  const low = (r: number) => 1 - (answered + abandoned) / (answered + r * abandoned);
  notes.push(
    `${id}: patience from the interval history alone (Erlang-A, exponential patience): biased low, as abandoned ` +
      `contacts are given the answered ones' ASA; with ${((100 * abandoned) / (answered + abandoned)).toFixed(1)} % ` +
      `abandoned, ${(100 * low(2)).toFixed(1)} % low if the abandoned waited twice the ASA, ${(100 * low(3)).toFixed(1)} % if three times`,
  );
  return { mean: estimate(theta, theta / Math.sqrt(abandoned), ERLANG_A_METHOD, abandoned), answered, abandoned, answeredWait, abandonedWait, notes };
}

/** The relative bias of the estimate when the abandoned waited r times the ASA: estimate / truth. */
export function erlangABiasFactor(answered: number, abandoned: number, r: number): number {
  return (answered + abandoned) / (answered + r * abandoned);
}
