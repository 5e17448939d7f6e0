import { z } from 'zod';
import { documented } from './docs.js';
import { IdSchema } from './contactType.js';
import { perIntervalSchema } from './perInterval.js';

/** A pool of interchangeable agents with the same skills. */
export const AgentGroupSchema = documented(
  z.strictObject({
    id: IdSchema,
    skills: documented(z.array(IdSchema).min(1), 'ids of the contact types this group may serve'),
    staff: perIntervalSchema(
      () => z.number().int().min(0),
      'an integer >= 0',
      'agents available (net of shrinkage): one integer for every interval, or an array with one per interval',
    ),
    concurrency: documented(
      z.number().int().min(1),
      'max simultaneous chats per agent (chat only), default 1',
    ).optional(),
  }),
  'A group of agents sharing skills and staffing.',
);

/** An agent group as written in a scenario. */
export type AgentGroupSpec = z.output<typeof AgentGroupSchema>;
