import { z } from 'zod';
import { documented } from './docs.js';

import { clockPattern } from './values.js';

/**
 * A clock time "HH:MM" from 00:00 to 23:59; "8:00" is accepted too (as in a forecast CSV's
 * `interval_start`) and written back as "08:00", so every reader of a parsed scenario sees "HH:MM".
 */
export const ClockSchema = documented(
  z.string()
    .regex(clockPattern, { error: 'must be a time "HH:MM" from 00:00 to 23:59' })
    .overwrite((text) => text.padStart(5, '0')),
  'clock time "HH:MM", 00:00..23:59 ("8:00" is read as "08:00")',
);

export { parseClock, formatClock } from './values.js';
