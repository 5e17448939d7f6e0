/**
 * Opening hours (a scenario's `scheduling.openingHours`) as the intervals of a scheduling horizon
 * in which a shift may be at work: no shift may run outside them.
 */
import { parseClock } from '../scenario/index.js';

/** One day's hours [open, close] ("HH:MM"; a close at or before the open runs past midnight), or null for closed. */
export type DayHours = readonly [string, string] | null;

/** What {@link openIntervals} needs of the horizon. */
export interface OpeningHorizon {
  /** Clock time of interval 0 and of each day's first interval. */
  start: string;
  intervalMinutes: number;
  intervalsPerDay: number;
  days: number;
}

/**
 * Per interval of the horizon (`days * intervalsPerDay`): does it lie wholly inside opening
 * hours? `hours` is one pair for every day, or 7 entries indexed by calendar day % 7, where
 * calendar day 0 is the day the scenario starts. Hours of the day before the horizon (or, when
 * `cyclic`, of the horizon's last day) that run past midnight count on the first morning.
 */
export function openIntervals(hours: DayHours | readonly DayHours[], horizon: OpeningHorizon, cyclic: boolean): boolean[] {
  const perDay = (d: number): DayHours => {
    if (hours === null || typeof hours[0] === 'string') return hours as DayHours;
    const week = hours as readonly DayHours[];
    return week[((d % 7) + 7) % 7] ?? null;
  };
  const origin = parseClock(horizon.start);
  // Minutes from midnight of calendar day 0, over calendar days -1 .. days + 1.
  const span = (horizon.days + 3) * 1440;
  const open = new Uint8Array(span);
  for (let d = -1; d <= horizon.days + 1; d += 1) {
    const day = cyclic ? (((d % horizon.days) + horizon.days) % horizon.days) : d;
    const h = perDay(day);
    if (h === null) continue;
    const from = parseClock(h[0]);
    const to = parseClock(h[1]) <= from ? parseClock(h[1]) + 1440 : parseClock(h[1]);
    for (let m = d * 1440 + from; m < d * 1440 + to; m += 1) {
      const k = m + 1440;
      if (k >= 0 && k < span) open[k] = 1;
    }
  }
  return Array.from({ length: horizon.days * horizon.intervalsPerDay }, (_, i) => {
    const first = origin + i * horizon.intervalMinutes + 1440;
    for (let m = first; m < first + horizon.intervalMinutes; m += 1) if (open[m] !== 1) return false;
    return true;
  });
}
