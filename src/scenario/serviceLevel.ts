import { z } from 'zod';
import { documented } from './docs.js';

/** Service-level target: `target` of contacts answered within `seconds` of joining the queue. */
export const ServiceLevelSchema = documented(
  z.strictObject({
    seconds: documented(z.number().gt(0), 'answer-time threshold, seconds after joining the queue'),
    target: documented(z.number().min(0).max(1), 'fraction to answer within the threshold, 0..1'),
    shortAbandonSeconds: documented(
      z.number().min(0),
      'abandons after at most this many seconds in queue are left out of the service-level denominator',
    ).optional(),
  }),
  'Service-level target, e.g. 80% answered within 20 s.',
);

/** A service-level target as written in a scenario. */
export type ServiceLevelSpec = z.output<typeof ServiceLevelSchema>;
