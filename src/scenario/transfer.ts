import { z } from 'zod';
import { documented, documentedRef } from './docs.js';
import { DistSchema } from './distribution.js';

/** A transfer after service (CONTRACT section 8; semantics in docs/contract.md). */
export const TransferSchema = documented(
  z.strictObject({
    probability: documented(z.number().min(0).max(1), 'probability that the agent transfers the contact at the end of its service, 0..1'),
    to: documented(
      z.string(),
      'id of the contact type it becomes: another type of the same channel; it joins that type\'s queue (counted in its transfers and offered, not again in arrivals)',
    ),
    handleTime: documentedRef(DistSchema, 'handle time after the transfer, seconds (default: the target type\'s handle time)').optional(),
    conferenceSeconds: documented(
      z.number().min(0),
      'warm transfer: the first agent stays on the call while the contact waits in the target queue and this long after it is answered (default 0: a cold transfer)',
    ).optional(),
  }),
  'A transfer: after service the contact becomes a contact of another type and joins its queue, keeping its arrival time, interval and phone line.',
);

/** A transfer rule as written in a scenario. */
export type TransferSpec = z.output<typeof TransferSchema>;
