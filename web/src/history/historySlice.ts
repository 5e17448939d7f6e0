/**
 * A few days of an interval history, as a table of its own: what a one-date replay plan needs
 * to carry from the history worker to the page (the recorded values of that date and of the
 * next, into which a scenario past midnight reaches) instead of the whole, possibly year-long,
 * table. Same cells, same calendar for those days; the replay reads nothing else.
 */
import { cellIndex, type IntervalHistory } from '../../../src/history/types.js';

/** Days `fromDay..toDay` of `history` (clamped to the table; at least one day must overlap). */
export function historySlice(history: IntervalHistory, fromDay: number, toDay: number): IntervalHistory {
  const first = Math.max(fromDay, history.firstDay);
  const last = Math.min(toDay, history.lastDay);
  if (last < first) throw new RangeError(`historySlice: ${fromDay}..${toDay} is outside the history (${history.firstDay}..${history.lastDay})`);
  const days = last - first + 1;
  const per = history.types.length * history.slots;
  const start = cellIndex(history.slots, history.types.length, first - history.firstDay, 0, 0);
  const cut = (a: Float64Array) => a.slice(start, start + days * per);
  return {
    ...history,
    firstDay: first,
    lastDay: last,
    days,
    open: history.open.slice(first - history.firstDay, first - history.firstDay + days),
    offered: cut(history.offered),
    answered: cut(history.answered),
    abandoned: cut(history.abandoned),
    aht: cut(history.aht),
    asa: cut(history.asa),
    serviceLevel: cut(history.serviceLevel),
  };
}
