import { z } from 'zod';
import { documented } from './docs.js';
import { ClockSchema } from './clock.js';
import { ShiftBreakSchema } from './shift.js';

/** A shift a planner may hire (CONTRACT sections 5 and 10, `ccsim schedule` and `ccsim roster`). */
export const ShiftTemplateSchema = documented(
  z.strictObject({
    id: documented(z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'must match [A-Za-z0-9_-]+ (letters, digits, "_", "-")' }), 'template name'),
    start: ClockSchema,
    minutes: documented(z.number().int().gt(0), 'length of the shift, minutes (breaks included)'),
    cost: documented(z.number().min(0), "cost of one agent on this shift (default: hours x the group's costPerHour)").optional(),
    days: documented(z.array(z.number().int().min(0)), 'day indexes it may be used on (default: every day of the horizon)').optional(),
    breaks: documented(
      z.array(ShiftBreakSchema),
      'breaks: fixed { offsetMinutes, minutes } or windows { earliestOffsetMinutes, latestOffsetMinutes, minutes } whose start the optimizer places per agent; no two may be able to overlap',
    ).optional(),
    groups: documented(z.array(z.string()).min(1), 'agent groups that may work it (default: every group)').optional(),
    min: documented(z.number().int().min(0), 'fewest agents on it on each day it may be used (default 0)').optional(),
    max: documented(z.number().int().min(0), 'most agents on it per day (default: no limit)').optional(),
    partTime: documented(z.boolean(), 'counts as part-time for scheduling.maxPartTimeShare (default false)').optional(),
  }),
  'A shift template for `ccsim schedule` and `ccsim roster`. Starts, lengths and breaks on a 5-minute grid (or the interval, if shorter); ' +
    'a plan with breaks finer than its intervals counts the share of each interval worked.',
  'ShiftTemplate',
);

export type ShiftTemplateSpec = z.output<typeof ShiftTemplateSchema>;

/** Opening hours of one day: [open, close] clock times (close <= open runs past midnight), or null for closed. */
const DayHoursSchema = z.union([z.tuple([ClockSchema, ClockSchema]), z.null()]);

/** Rules of `ccsim schedule` and `ccsim roster` beyond the templates. */
export const SchedulingSchema = documented(
  z.strictObject({
    cyclic: documented(
      z.boolean(),
      'the horizon repeats (a cyclic week): shifts running past its end cover its start, e.g. the last night covers the first morning (default false)',
    ).optional(),
    openingHours: documented(
      z.union([z.tuple([ClockSchema, ClockSchema]), z.array(DayHoursSchema).length(7)]),
      'no shift may run outside these hours: ["HH:MM", "HH:MM"] every day, or 7 entries (index = day % 7) of ["HH:MM", "HH:MM"] or null for closed; a close at or before the open runs past midnight',
    ).optional(),
    maxPartTimeShare: documented(
      z.number().min(0).max(1),
      'most paid time on partTime templates, as a share of all paid time of a group (0..1)',
    ).optional(),
    weekendDays: documented(
      z.array(z.number().int().min(0).max(6)).min(1),
      'day indexes (day % 7) that make a weekend, for agents\' maxWeekendsPerMonth (default [5, 6]: day 0 is a Monday)',
    ).optional(),
    minRestMinutes: documented(
      z.number().int().min(0).max(1440),
      'ccsim roster: minutes from the end of a person\'s shift to the start of their next, at least (default 0: shifts of one person never overlap)',
    ).optional(),
    preferenceCost: documented(
      z.number().min(0),
      'cost of one shift against an agent\'s preferences in ccsim roster (default 1, in the units of shift costs)',
    ).optional(),
  }),
  'Scheduling rules (CONTRACT sections 5 and 10).',
  'Scheduling',
);

export type SchedulingSpec = z.output<typeof SchedulingSchema>;
