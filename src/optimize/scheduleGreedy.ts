/**
 * A greedy starting schedule for the scheduling integer program: handed to HiGHS as its first
 * incumbent, and returned as is if HiGHS runs out of time before finding a better one.
 */
import type { ScheduleProblem, ShiftColumn } from './scheduleModel.js';

/**
 * Counts per column (same order as `columns`). Walks the intervals in order; while an interval
 * has uncovered requirement, hires one more agent on the column covering it that covers the most
 * uncovered agent-intervals per unit cost (the classic set-cover greedy), provided that hire
 * costs less than the shortfall penalty it removes and stays within the column's upper bound.
 *
 * @param penalty cost per agent-interval of shortfall (as in the integer program)
 */
export function greedyCounts(problem: ScheduleProblem, columns: readonly ShiftColumn[], penalty: number): number[] {
  const deficit = [...problem.required];
  const coverers: number[][] = deficit.map(() => []);
  columns.forEach((c, j) => {
    for (const i of c.covers) coverers[i]?.push(j);
  });
  const counts = new Array<number>(columns.length).fill(0);
  deficit.forEach((_, i) => {
    while ((deficit[i] ?? 0) > 0) {
      let best = -1;
      let bestRatio = 0;
      for (const j of coverers[i] ?? []) {
        const c = columns[j];
        if (c === undefined || (counts[j] ?? 0) >= c.upper) continue;
        const units = c.covers.reduce((n, k) => n + ((deficit[k] ?? 0) > 0 ? 1 : 0), 0);
        const cost = problem.templates[c.template]?.cost ?? 0;
        if (cost >= units * penalty) continue;
        const ratio = cost === 0 ? Infinity : units / cost;
        if (best < 0 || ratio > bestRatio) {
          best = j;
          bestRatio = ratio;
        }
      }
      const chosen = columns[best];
      if (chosen === undefined) break;
      counts[best] = (counts[best] ?? 0) + 1;
      for (const k of chosen.covers) deficit[k] = Math.max(0, (deficit[k] ?? 0) - 1);
    }
  });
  return counts;
}
