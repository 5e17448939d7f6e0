import { z } from 'zod';
import { documented, documentedRef } from './docs.js';
import { DistSchema } from './distribution.js';
import { IdSchema } from './ids.js';
import { perIntervalSchema } from './perInterval.js';
import { SkillItemSchema } from './skill.js';
import { ShiftSchema } from './shift.js';

/** A pool of interchangeable agents with the same skills. */
export const AgentGroupSchema = documented(
  z.strictObject({
    id: IdSchema,
    skills: documented(
      z.array(SkillItemSchema).min(1),
      'the contact types this group may serve: ids, or { "type", "priority"?, "afterSeconds"?, "handleTimeFactor"? }',
    ),
    staff: perIntervalSchema(
      () => z.number().int().min(0),
      'an integer >= 0',
      'agents available (net of shrinkage): one integer for every interval, or an array with one per interval; give either staff or shifts',
    ).optional(),
    shifts: documented(
      z.array(ShiftSchema).min(1),
      'instead of staff: agents present by shift (they finish the contact in hand before a break or the end of the shift)',
    ).optional(),
    shrinkage: documented(
      z.number().min(0).lt(1),
      'fraction of scheduled agents unavailable: with shifts, round(count x (1 - shrinkage)) of each shift are present',
    ).optional(),
    costPerHour: documented(z.number().min(0), 'cost of one staffed agent hour (default 0)').optional(),
    wrapUp: documentedRef(
      DistSchema,
      'after-contact work of this group, seconds: replaces the contact type\'s wrapUp for every contact this group serves (drawn as the service starts)',
    ).optional(),
    concurrency: documented(
      z.number().int().min(1),
      'max simultaneous chats per agent (chat only), default 1',
    ).optional(),
    outbound: documented(
      z
        .strictObject({
          whenIdleAbove: documented(
            z.number().int().min(0),
            'blend rule: agents dial only while more than this many of the group are idle (kept free for inbound); default 0',
          ).optional(),
          dialRate: documented(
            z.number().gt(0),
            'paced attempts per hour for the group (Poisson), each made by an idle agent if the blend rule allows (else lost); absent: an agent dials as soon as it is idle and the rule allows',
          ).optional(),
          connectRate: documented(z.number().min(0).max(1), 'probability an attempt reaches the right party'),
          dialSeconds: documented(z.number().min(0), 'agent seconds of every attempt before it connects or fails (ringing, no answer); default 20').optional(),
          handleTime: documentedRef(DistSchema, 'talk time of a connected call, seconds'),
        }),
      'an outbound campaign blended into the group\'s idle time (ContactCenters\' Blend rule): attempts take an agent for dialSeconds, connected ones then for handleTime; outbound work counts in busy and occupancy',
    ).optional(),
    maxOccupancy: documented(z.number().gt(0).max(1), 'staffing constraint (ccsim staff): highest acceptable occupancy').optional(),
    minStaff: perIntervalSchema(
      () => z.number().int().min(0),
      'an integer >= 0',
      'staffing constraint (ccsim staff): fewest agents this group gets in an interval, one integer or one per interval (ignored by run)',
    ).optional(),
    maxStaff: perIntervalSchema(
      () => z.number().int().min(0),
      'an integer >= 0',
      'staffing constraint (ccsim staff): most agents this group may get in an interval, one integer or one per interval (ignored by run)',
    ).optional(),
  }),
  'A group of agents sharing skills and staffing.',
);

/** An agent group as written in a scenario. */
export type AgentGroupSpec = z.output<typeof AgentGroupSchema>;
