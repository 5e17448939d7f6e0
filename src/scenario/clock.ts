import { z } from 'zod';
import { documented } from './docs.js';

const clockPattern = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** A clock time "HH:MM" from 00:00 to 23:59. */
export const ClockSchema = documented(
  z.string().regex(clockPattern, { error: 'must be a time "HH:MM" from 00:00 to 23:59' }),
  'clock time "HH:MM", 00:00..23:59',
);

/** Minutes after midnight of a valid "HH:MM" string (throws RangeError on anything else). */
export function parseClock(text: string): number {
  if (!clockPattern.test(text)) throw new RangeError(`not a clock time "HH:MM": ${JSON.stringify(text)}`);
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** "HH:MM" of a number of minutes after midnight, wrapping past 24 h (1500 -> "01:00"). */
export function formatClock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
