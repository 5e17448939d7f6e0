import { z } from 'zod';
import { documented, documentedRef } from './docs.js';
import { DistSchema } from './distribution.js';
import { ServiceLevelSchema } from './serviceLevel.js';
import { BotSchema } from './bot.js';
import { perIntervalSchema } from './perInterval.js';

/** Identifiers of contact types and agent groups. */
export const IdSchema = documented(
  z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'must match [A-Za-z0-9_-]+ (letters, digits, "_", "-")' }),
  'identifier: letters, digits, "_" and "-"',
);

/** The media a contact type arrives on. */
export const ChannelSchema = documented(
  z.enum(['voice', 'chat', 'email']),
  'voice and email take a whole agent; chats may share one (agent group concurrency)',
);

/** One kind of contact: its arrivals, work content, patience and target. */
export const ContactTypeSchema = documented(
  z.strictObject({
    id: IdSchema,
    channel: ChannelSchema,
    volume: perIntervalSchema(
      () => z.number().min(0),
      'a number >= 0',
      'contacts per interval: one number for every interval, or an array with one per interval',
    ),
    handleTime: documentedRef(DistSchema, 'handle time (talk, chat or work), seconds'),
    wrapUp: documentedRef(DistSchema, 'after-contact work, seconds (default none)').optional(),
    patience: documentedRef(
      DistSchema,
      'time a contact waits in queue before abandoning, seconds; absent = never abandons; not allowed on email',
    ).optional(),
    serviceLevel: ServiceLevelSchema,
    bot: BotSchema.optional(),
  }),
  'A kind of contact. Units: seconds; volume in contacts per interval.',
);

/** A contact type as written in a scenario. */
export type ContactTypeSpec = z.output<typeof ContactTypeSchema>;
/** `'voice' | 'chat' | 'email'`. */
export type Channel = z.output<typeof ChannelSchema>;
