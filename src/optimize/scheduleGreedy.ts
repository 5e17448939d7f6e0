/**
 * A greedy starting schedule for the scheduling integer program: handed to HiGHS as its first
 * incumbent, and returned as is if HiGHS runs out of time before finding a better one.
 */
import { slotsOf, workedSlots, type ScheduleProblem, type ShiftColumn } from './scheduleModel.js';

/**
 * Counts per column (same order as `columns`), every break at its window's earliest start. Starts
 * from each column's `lower`, then walks the slots in order; while a slot has uncovered
 * requirement, hires one more agent on the column covering it that covers the most uncovered
 * agent-slots per unit cost (the classic set-cover greedy), provided that hire costs less than the
 * shortfall penalty it removes, stays within the column's upper bound and keeps part-time paid
 * time within `maxPartTimeShare` (adding full-time shifts only loosens that cap, so the final
 * schedule keeps it whenever the `min` counts do).
 *
 * @param penalty cost per agent-interval of shortfall (as in the integer program)
 */
export function greedyCounts(problem: ScheduleProblem, columns: readonly ShiftColumn[], penalty: number): number[] {
  const slots = slotsOf(problem);
  const perSlot = penalty / slots;
  const deficit = Array.from({ length: problem.required.length * slots }, (_, s) => problem.required[Math.floor(s / slots)] ?? 0);
  const works = columns.map((c) => {
    const template = problem.templates[c.template];
    return template === undefined ? [] : workedSlots(problem, template, c.day);
  });
  const coverers: number[][] = deficit.map(() => []);
  works.forEach((w, j) => {
    for (const s of new Set(w)) coverers[s]?.push(j);
  });
  const share = problem.maxPartTimeShare;
  let partTimePaid = 0;
  let paid = 0;
  const counts = new Array<number>(columns.length).fill(0);
  const hire = (j: number, n: number) => {
    const template = problem.templates[columns[j]?.template ?? -1];
    if (template === undefined || n <= 0) return;
    counts[j] = (counts[j] ?? 0) + n;
    paid += n * template.length;
    if (template.partTime === true) partTimePaid += n * template.length;
    for (const s of works[j] ?? []) deficit[s] = Math.max(0, (deficit[s] ?? 0) - n);
  };
  columns.forEach((c, j) => hire(j, c.lower));
  const capAllows = (j: number) => {
    const template = problem.templates[columns[j]?.template ?? -1];
    if (share === undefined || template?.partTime !== true) return true;
    return partTimePaid + template.length <= share * (paid + template.length) + 1e-9;
  };
  deficit.forEach((_, s) => {
    while ((deficit[s] ?? 0) > 0) {
      let best = -1;
      let bestRatio = 0;
      for (const j of coverers[s] ?? []) {
        const c = columns[j];
        if (c === undefined || (counts[j] ?? 0) >= c.upper || !capAllows(j)) continue;
        const units = (works[j] ?? []).reduce((n, k) => n + ((deficit[k] ?? 0) > 0 ? 1 : 0), 0);
        const cost = problem.templates[c.template]?.cost ?? 0;
        if (cost >= units * perSlot) continue;
        const ratio = cost === 0 ? Infinity : units / cost;
        if (best < 0 || ratio > bestRatio) {
          best = j;
          bestRatio = ratio;
        }
      }
      if (best < 0) break;
      hire(best, 1);
    }
  });
  return counts;
}
