import { z } from 'zod';
import { documented, documentedRef } from './docs.js';
import { DistSchema } from './distribution.js';

const fraction = (description: string) => documented(z.number().min(0).max(1), description);

/** Optional self-service stage in front of the agent queue. */
export const BotSchema = documented(
  z.strictObject({
    share: fraction('fraction of arrivals that enter the bot first, 0..1'),
    containment: fraction('fraction of bot sessions resolved in the bot, 0..1'),
    duration: documentedRef(DistSchema, 'time spent in the bot, seconds'),
    dropout: fraction(
      'fraction of bot sessions that give up inside the bot (botDropouts), 0..1, default 0; ' +
        'escalation is 1 - containment - dropout',
    ).optional(),
    falseContainment: fraction(
      'fraction of contained sessions that were not really resolved: the customer comes back after ' +
        'repeat.delay (or 1 h) straight to the agent queue, counted as a repeat; default 0',
    ).optional(),
    escalatedHandleTime: documentedRef(
      DistSchema,
      'handle time of escalated contacts, seconds, when it differs from handleTime',
    ).optional(),
    costPerSession: documented(z.number().min(0), 'cost of one bot session (default 0)').optional(),
  }),
  'Self-service stage: contacts entering it are contained, drop out, or escalate to the agent queue.',
);

/** A bot stage as written in a scenario. */
export type BotSpec = z.output<typeof BotSchema>;
