import { z } from 'zod';
import { documented } from './docs.js';
import { ClockSchema } from './clock.js';

/** One day's availability: [from, to] clock times (to at or before from runs past midnight), or null. */
const DayAvailabilitySchema = z.union([z.tuple([ClockSchema, ClockSchema]), z.null()]);

/** A named person `ccsim roster` may give shifts to (CONTRACT section 10). */
export const AgentSchema = documented(
  z.strictObject({
    id: documented(z.string().regex(/\S/, { error: 'must not be empty' }), 'name or staff number, shown in the roster'),
    group: documented(z.string(), 'the agent group they work in (its shift templates and requirement)'),
    minutesPerWeek: documented(
      z.tuple([z.number().int().min(0), z.number().int().min(0)]),
      'contracted [min, max] paid minutes in every 7 days of the horizon (shift lengths, breaks included)',
    ),
    daysOff: documented(z.number().int().min(0).max(7), 'at least this many days without a shift in every 7 days'),
    consecutiveDaysOff: documented(z.boolean(), 'two of the days off are adjacent (default false)').optional(),
    availability: documented(
      z.array(DayAvailabilitySchema).length(7),
      '7 entries, index = day % 7: ["HH:MM", "HH:MM"] a shift must start and end within (an end at or before the start runs past midnight), or null for unavailable (default: always available)',
    ).optional(),
    maxWeekendsPerMonth: documented(
      z.number().int().min(0).max(4),
      'weekends (scheduling.weekendDays) with any shift, at most this many in every 4 weeks of the horizon (checked only when it has 4 weeks)',
    ).optional(),
    preferences: documented(
      z.strictObject({
        daysOff: documented(z.array(z.number().int().min(0).max(6)), 'days (index = day % 7) they would rather not work').optional(),
        avoidTemplates: documented(z.array(z.string()), 'shift templates they would rather not work').optional(),
      }),
      'soft wishes: each shift against one costs scheduling.preferenceCost',
    ).optional(),
  }),
  'A person for `ccsim roster`: their group, contracted minutes, days off and availability.',
  'Agent',
);

export type AgentSpec = z.output<typeof AgentSchema>;
