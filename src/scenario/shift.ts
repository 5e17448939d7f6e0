import { z } from 'zod';
import { documented } from './docs.js';
import { ClockSchema } from './clock.js';

/** A break inside a shift, in minutes from the shift start. */
export const BreakSchema = documented(
  z.strictObject({
    offsetMinutes: documented(z.number().min(0), 'minutes after the shift start'),
    minutes: documented(z.number().gt(0), 'length of the break, minutes'),
  }),
  'A break every agent of the shift takes (finishing the contact in hand first).',
);

/** Agents present by shift. */
export const ShiftSchema = documented(
  z.strictObject({
    start: ClockSchema,
    minutes: documented(z.number().gt(0), 'length of the shift, minutes'),
    count: documented(z.number().int().min(0), 'agents scheduled on this shift (before shrinkage)'),
    day: documented(
      z.number().int().min(0),
      'day index of the start, from 0 = the day the scenario starts (default 0)',
    ).optional(),
    breaks: documented(z.array(BreakSchema), 'breaks, each inside the shift').optional(),
  }),
  'A shift: `count` agents from `start` on day `day` for `minutes`, with breaks.',
  'Shift',
);

export type ShiftSpec = z.output<typeof ShiftSchema>;
export type BreakSpec = z.output<typeof BreakSchema>;
