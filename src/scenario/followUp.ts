import { z } from 'zod';
import { documented, documentedRef } from './docs.js';
import { DistSchema } from './distribution.js';

/** A contact that comes back: with `probability`, after `delay` seconds. */
export const FollowUpSchema = documented(
  z.strictObject({
    probability: documented(z.number().min(0).max(1), 'probability that the customer tries again, 0..1'),
    delay: documentedRef(DistSchema, 'time until the customer tries again, seconds'),
    samePatience: documented(
      z.boolean(),
      'retrial only: true = a retrial keeps the patience drawn for the first try (default false: a fresh draw)',
    ).optional(),
  }),
  'A customer who comes back with some probability after a random delay.',
);

/** A retrial or repeat rule as written in a scenario. */
export type FollowUpSpec = z.output<typeof FollowUpSchema>;
