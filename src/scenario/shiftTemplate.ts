import { z } from 'zod';
import { documented } from './docs.js';
import { ClockSchema } from './clock.js';
import { BreakSchema } from './shift.js';

/** A shift a planner may hire (CONTRACT section 5, `ccsim schedule`). */
export const ShiftTemplateSchema = documented(
  z.strictObject({
    id: documented(z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'must match [A-Za-z0-9_-]+ (letters, digits, "_", "-")' }), 'template name'),
    start: ClockSchema,
    minutes: documented(z.number().int().gt(0), 'length of the shift, minutes (on interval boundaries)'),
    cost: documented(z.number().min(0), "cost of one agent on this shift (default: hours x the group's costPerHour)").optional(),
    days: documented(z.array(z.number().int().min(0)), 'day indexes it may be used on (default: every day of the horizon)').optional(),
    breaks: documented(z.array(BreakSchema), 'breaks, on interval boundaries').optional(),
  }),
  'A shift template for `ccsim schedule`: starts, lengths and breaks on interval boundaries.',
  'ShiftTemplate',
);

export type ShiftTemplateSpec = z.output<typeof ShiftTemplateSchema>;
