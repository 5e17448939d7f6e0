import { z } from 'zod';
import { documented, documentedRef } from './docs.js';
import { DistSchema } from './distribution.js';

const fraction = (description: string) => documented(z.number().min(0).max(1), description);

/** Optional self-service stage in front of the agent queue. */
export const BotSchema = documented(
  z.strictObject({
    share: fraction('fraction of arrivals that enter the bot first, 0..1'),
    containment: fraction('fraction of bot sessions resolved in the bot, 0..1; the rest escalate'),
    duration: documentedRef(DistSchema, 'time spent in the bot, seconds'),
  }),
  'Self-service stage: contacts entering it are contained or escalate to the agent queue.',
);

/** A bot stage as written in a scenario. */
export type BotSpec = z.output<typeof BotSchema>;
