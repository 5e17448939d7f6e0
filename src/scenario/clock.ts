import { z } from 'zod';
import { documented } from './docs.js';

import { clockPattern } from './values.js';

/** A clock time "HH:MM" from 00:00 to 23:59. */
export const ClockSchema = documented(
  z.string().regex(clockPattern, { error: 'must be a time "HH:MM" from 00:00 to 23:59' }),
  'clock time "HH:MM", 00:00..23:59',
);

export { parseClock, formatClock } from './values.js';
