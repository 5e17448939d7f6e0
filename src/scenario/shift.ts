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

/** A break window: each agent starts the break somewhere in [earliest, latest] minutes after the shift start. */
export const BreakWindowSchema = documented(
  z.strictObject({
    earliestOffsetMinutes: documented(z.number().min(0), 'earliest start of the break, minutes after the shift start'),
    latestOffsetMinutes: documented(
      z.number().min(0),
      'latest start of the break, minutes after the shift start (>= earliestOffsetMinutes; latest start + minutes inside the shift)',
    ),
    minutes: documented(z.number().gt(0), 'length of the break, minutes'),
  }),
  'A break window: the shift\'s agents start this break at different moments between the earliest and the latest ' +
    'start, as the shift\'s `stagger` says (finishing the contact in hand first).',
  'BreakWindow',
);

/** A break: fixed (every agent at `offsetMinutes`) or a window (agents staggered). */
export const ShiftBreakSchema = documented(
  z.union([BreakSchema, BreakWindowSchema], {
    error:
      'must be a fixed break { "offsetMinutes", "minutes" } or a break window { "earliestOffsetMinutes", "latestOffsetMinutes", "minutes" }',
  }),
  'A fixed break { "offsetMinutes", "minutes" } that every agent of the shift takes at once, or a break window ' +
    '{ "earliestOffsetMinutes", "latestOffsetMinutes", "minutes" } whose start is staggered over the agents.',
);

/** Some of a shift's agents with break placements of their own (what a shift optimizer writes). */
export const BreakGroupSchema = documented(
  z.strictObject({
    count: documented(z.number().int().min(0), 'agents of the shift in this group (before shrinkage); the counts sum to the shift\'s count'),
    breaks: documented(z.array(BreakSchema), 'fixed breaks every agent of this group takes, each inside the shift (default none)').optional(),
  }),
  'A break group: `count` of the shift\'s agents, with their own fixed breaks.',
  'BreakGroup',
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
    breaks: documented(
      z.array(ShiftBreakSchema),
      'breaks, fixed or windows, each inside the shift; no two may be able to overlap',
    ).optional(),
    stagger: documented(
      z.enum(['even', 'earliest', 'latest']),
      'how the present agents k = 0..P-1 start each window break [a, b]: "even" (default) at a + round((b - a) x k / (P - 1)) (as far apart as the window allows; one agent at the middle), ' +
        '"earliest" all at a, "latest" all at b; agent k keeps its k for every window of the shift; fixed breaks are not staggered',
    ).optional(),
    breakGroups: documented(
      z.array(BreakGroupSchema).min(1),
      'instead of breaks: sub-groups of the shift\'s agents, each with its own fixed breaks; the counts sum to `count`, and ' +
        'the present agents round(count x (1 - shrinkage)) are split over the groups by largest remainder',
    ).optional(),
  }),
  'A shift: `count` agents from `start` on day `day` for `minutes`, with breaks (fixed, or windows staggered over the ' +
    'agents), or with break groups.',
  'Shift',
);

export type ShiftSpec = z.output<typeof ShiftSchema>;
export type BreakSpec = z.output<typeof BreakSchema>;
export type BreakWindowSpec = z.output<typeof BreakWindowSchema>;
export type ShiftBreakSpec = z.output<typeof ShiftBreakSchema>;
export type BreakGroupSpec = z.output<typeof BreakGroupSchema>;
